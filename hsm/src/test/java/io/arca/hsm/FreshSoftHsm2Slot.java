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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The base of the ITs of one HSM capability each: a fresh SoftHSM2 token made by {@code
 * scripts/softhsm-test-tokens}, opened and logged in for the class and closed after it (so that the
 * next class, which makes its tokens again, finds no module open). Skipped without SoftHSM2, except
 * under CI, where it fails.
 */
abstract class FreshSoftHsm2Slot {

  static final Path LIBRARY = Path.of(HsmProfile.SOFTHSM2.defaultLibrary());

  private static @Nullable HsmModule module;
  private static long slotId;
  private static String pin;

  @BeforeAll
  static void openFreshToken() throws Exception {
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
    Map<String, String> tokens = runScript(Path.of(scripts, "softhsm-test-tokens"), dir);
    slotId = Long.parseLong(Objects.requireNonNull(tokens.get("SLOT1_ID")));
    pin = Objects.requireNonNull(tokens.get("SLOT1_PIN"));
    module = open(HsmProfile.SOFTHSM2);
  }

  @AfterAll
  static void closeModule() {
    if (module != null) {
      module.close();
      module = null;
    }
  }

  static HsmSlot slot() {
    return Objects.requireNonNull(module, "no token opened").slot(slotId);
  }

  /**
   * The test token opened once more, in a module of its own with another profile; the library is
   * shared, so the caller closes it before the class ends.
   */
  static HsmModule open(HsmProfile profile) {
    Map<Long, char[]> pins = new LinkedHashMap<>();
    pins.put(slotId, pin.toCharArray());
    return HsmModule.open(LIBRARY, profile, pins);
  }

  static long slotId() {
    return slotId;
  }

  static String label(String what) {
    return what + "-" + UUID.randomUUID();
  }

  static void assertFails(HsmException.Kind kind, String message, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(HsmException.class, e -> assertThat(e.kind()).isEqualTo(kind))
        .hasMessageContaining(message);
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
