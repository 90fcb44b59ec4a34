package io.arca.server.hsm;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.arca.hsm.HsmProfile;
import io.arca.server.config.Password;
import io.arca.server.config.ServerConfig;
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

/**
 * Two fresh SoftHSM2 tokens with different PINs, made by {@code scripts/softhsm-test-tokens} in the
 * directory of {@code SOFTHSM2_CONF} (set by failsafe). Without SoftHSM2 the tests are skipped,
 * except under CI, where they fail.
 */
record SoftHsmTokens(long slot1, String pin1, long slot2, String pin2) {
  static final Path LIBRARY = Path.of(Objects.requireNonNull(HsmProfile.SOFTHSM2.defaultLibrary()));

  static SoftHsmTokens prepare() throws Exception {
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
    Map<String, String> values = runScript(Path.of(scripts, "softhsm-test-tokens"), dir);
    return new SoftHsmTokens(
        Long.parseLong(values.get("SLOT1_ID")),
        Objects.requireNonNull(values.get("SLOT1_PIN"), "SLOT1_PIN"),
        Long.parseLong(values.get("SLOT2_ID")),
        Objects.requireNonNull(values.get("SLOT2_PIN"), "SLOT2_PIN"));
  }

  /** HSM settings for both slots, administered by {@code admin}. */
  ServerConfig.Hsm settings(String admin) {
    return settings(admin, pin1);
  }

  /** HSM settings for both slots with {@code firstPin} for the first one. */
  ServerConfig.Hsm settings(String admin, String firstPin) {
    Map<Long, Password> slots = new LinkedHashMap<>();
    slots.put(slot1, new Password(firstPin.toCharArray()));
    slots.put(slot2, new Password(pin2.toCharArray()));
    return new ServerConfig.Hsm(HsmProfile.SOFTHSM2, LIBRARY, admin, slots);
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
