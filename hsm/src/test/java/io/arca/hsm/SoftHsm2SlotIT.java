package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the slot contract on SoftHSM2 with two fresh tokens made by {@code
 * scripts/softhsm-test-tokens}. Without SoftHSM2 the test is skipped, except under CI (the {@code
 * CI} variable set), where it fails.
 */
class SoftHsm2SlotIT extends HsmSlotContract {

  private static final int MAX_SESSIONS = 4;
  private static final Path LIBRARY = Path.of(HsmProfile.SOFTHSM2.defaultLibrary());

  private static HsmModule module;
  private static Map<String, String> tokens;

  @BeforeAll
  static void prepareTokens() throws Exception {
    String conf = System.getenv("SOFTHSM2_CONF");
    String scripts = System.getProperty("arca.scripts");
    String missing =
        !Files.isRegularFile(LIBRARY)
            ? "SoftHSM2 is not installed (" + LIBRARY + "; apt-get install softhsm2)"
            : conf == null || scripts == null
                ? "SOFTHSM2_CONF and arca.scripts are not set: run through Maven failsafe"
                : null;
    if (missing != null) {
      if (System.getenv("CI") != null) {
        fail(missing);
      }
      assumeTrue(false, missing);
    }
    Path dir = Objects.requireNonNull(Path.of(conf).getParent(), "SOFTHSM2_CONF has no directory");
    deleteRecursively(dir);
    tokens = runScript(Path.of(scripts, "softhsm-test-tokens"), dir);
    Map<Long, char[]> pins = new LinkedHashMap<>();
    pins.put(slot1(), token("SLOT1_PIN").toCharArray());
    module = HsmModule.open(LIBRARY, HsmProfile.SOFTHSM2.withMaxSessions(MAX_SESSIONS), pins);
  }

  @AfterAll
  static void closeModule() {
    if (module != null) {
      module.close();
    }
  }

  @Override
  HsmSlot slot() {
    return module.slot(slot1());
  }

  @Override
  int maxSessions() {
    return MAX_SESSIONS;
  }

  @Test
  void oaepWithSha256IsRefusedBecauseSoftHsm2HasOnlySha1() {
    String label = label("oaep256");
    slot().generateRsa(label, 2048, true);

    assertThatThrownBy(
            () -> slot().encryptRsa(label + "_pk", RsaPadding.OAEP_SHA256, new byte[] {1}))
        .isInstanceOfSatisfying(
            HsmException.class, e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.UNSUPPORTED))
        .hasMessage("profile softhsm2: the token implements RSA-OAEP with SHA-1 only");
  }

  @Test
  void libraryListsBothTestTokens() {
    assertThat(module.listSlots())
        .contains(
            new HsmModule.SlotDescription(slot1(), true, token("SLOT1_LABEL")),
            new HsmModule.SlotDescription(slot2(), true, token("SLOT2_LABEL")));
  }

  @Test
  void secondSlotOpensOnlyWithItsOwnPinAndHoldsItsOwnKeys() {
    // The first slot's PIN is wrong for the second; the login must fail before any use.
    assertThatThrownBy(() -> module.openSlot(slot2(), token("SLOT1_PIN").toCharArray()))
        .isInstanceOfSatisfying(
            HsmException.class, e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.LOGIN_FAILED))
        .hasMessage(
            "login to slot "
                + slot2()
                + " (token '"
                + token("SLOT2_LABEL")
                + "') refused: check the slot's PIN (CKR_PIN_INCORRECT)");
    assertThatThrownBy(() -> module.slot(slot2())).hasMessageContaining("is not configured");

    HsmSlot second = module.openSlot(slot2(), token("SLOT2_PIN").toCharArray());

    String label = label("per-slot");
    second.generateAes(label, 128, true);
    assertThat(second.find(label)).isPresent();
    assertThat(slot().find(label)).isEmpty();
  }

  @Test
  void unknownSlotFailsAtOpenAndLeavesNothingOpen() {
    Map<Long, char[]> pins = new HashMap<>();
    pins.put(slot1(), token("SLOT1_PIN").toCharArray());
    pins.put(12345L, "x".toCharArray());

    assertThatThrownBy(() -> HsmModule.open(LIBRARY, HsmProfile.SOFTHSM2, pins))
        .isInstanceOfSatisfying(
            HsmException.class, e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.NO_SUCH_SLOT))
        .hasMessageStartingWith("no slot 12345 in " + LIBRARY);
    // The shared module (same library, same process) still works.
    assertThat(slot().find(label("still-there"))).isEmpty();
  }

  @Test
  void measuresAesGcmThroughputWithoutAssertingIt() throws Exception {
    String label = label("speed");
    slot().generateAes(label, 256, true);
    StringBuilder report = new StringBuilder();
    for (int threads : new int[] {1, 4}) {
      report.append(AesGcmThroughput.measure(slot(), label, threads, 2_000)).append('\n');
    }
    Path out =
        Path.of(System.getProperty("arca.scripts"), "..", "hsm", "target", "hsm-throughput.txt");
    Files.writeString(out.normalize(), report.toString(), StandardCharsets.UTF_8);
    assertThat(report).contains("encryptions/s");
  }

  @Test
  void tokenInitialisedAgainInPlaceLosesItsKeysAndTakesNewOnes() throws Exception {
    String label = label("reinit");
    slot().generateAes(label, 256, true);
    AesGcmCiphertext before = slot().encryptAesGcm(label, new byte[] {1}, AAD);
    assertThat(slot().find(label)).isPresent();
    long staleHandles = slot().staleHandles();

    // What an operator's reset does: SoftHSM2 keeps the slot id, this process's sessions and its
    // login, and removes every object.
    String reset =
        run(
            "softhsm2-util",
            "--init-token",
            "--slot",
            Long.toString(slot1()),
            "--label",
            token("SLOT1_LABEL"),
            "--so-pin",
            "so-" + token("SLOT1_PIN"),
            "--pin",
            token("SLOT1_PIN"));
    assertThat(reset).contains("initialized on slot " + slot1());
    // A confirmed handle is trusted for a second; past it, a lookup reads the token again.
    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(KeyHandles.RECHECK_NANOS) + 100);

    assertThat(slot().find(label)).isEmpty();
    assertThat(slot().staleHandles()).isGreaterThan(staleHandles);
    assertThatThrownBy(() -> slot().decryptAesGcm(label, before, AAD))
        .isInstanceOfSatisfying(
            HsmException.class,
            e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.KEY_NOT_FOUND));

    slot().generateAes(label, 128, true);
    assertThat(slot().info(label).lengthBits()).isEqualTo(128);
    AesGcmCiphertext after = slot().encryptAesGcm(label, new byte[] {2}, AAD);
    assertThat(slot().decryptAesGcm(label, after, AAD)).containsExactly(2);
    assertThatThrownBy(() -> slot().decryptAesGcm(label, before, AAD))
        .isInstanceOfSatisfying(
            HsmException.class,
            e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.INVALID_DATA));
  }

  private static String token(String key) {
    String value = tokens.get(key);
    if (value == null) {
      throw new IllegalStateException("softhsm-test-tokens printed no " + key);
    }
    return value;
  }

  private static long slot1() {
    return Long.parseLong(token("SLOT1_ID"));
  }

  private static long slot2() {
    return Long.parseLong(token("SLOT2_ID"));
  }

  private static Map<String, String> runScript(Path script, Path dir)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(script.toString(), dir.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(script + " failed: " + output);
    }
    Map<String, String> values = new HashMap<>();
    output
        .lines()
        .filter(line -> line.contains("="))
        .forEach(
            line ->
                values.put(
                    line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
    return values;
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
