package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.testing.TestTokens;
import io.arca.testing.TokenImplementation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the slot contract on SoftHSM2 with two fresh tokens made by {@code
 * scripts/softhsm-test-tokens}, and what only SoftHSM2 can show (its tokens are private, so one can
 * be initialised again in place). Without SoftHSM2 the test is skipped, except under CI (the {@code
 * CI} variable set), where it fails.
 */
class SoftHsm2SlotIT extends HsmSlotContract {

  private static final int MAX_SESSIONS = 4;

  private static @Nullable HsmModule module;
  private static @Nullable TestTokens tokens;

  @BeforeAll
  static void prepareTokens() throws Exception {
    TestTokens prepared = TestTokens.prepare(TokenImplementation.SOFTHSM2);
    tokens = prepared;
    Map<Long, char[]> pins = new LinkedHashMap<>();
    pins.put(prepared.first().id(), prepared.first().pin().toCharArray());
    module =
        HsmModule.open(prepared.library(), HsmProfile.SOFTHSM2.withMaxSessions(MAX_SESSIONS), pins);
  }

  @AfterAll
  static void closeModule() {
    if (module != null) {
      module.close();
    }
  }

  @Override
  TestTokens tokens() {
    return Objects.requireNonNull(tokens, "tokens");
  }

  @Override
  HsmModule module() {
    return Objects.requireNonNull(module, "module");
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
            Long.toString(tokens().first().id()),
            "--label",
            tokens().first().label(),
            "--so-pin",
            "so-" + tokens().first().pin(),
            "--pin",
            tokens().first().pin());
    assertThat(reset).contains("initialized on slot " + tokens().first().id());
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

  private static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }
}
