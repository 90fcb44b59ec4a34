package io.arca.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Two logged-in-able test tokens of one implementation, as its script in {@code scripts/} printed
 * them ({@code KEY=VALUE} lines). Without the implementation installed a test is skipped, except
 * under CI (the {@code CI} variable set), where it fails; a script that fails fails the test.
 *
 * @param first the first token's slot (the slot the tests mostly use)
 * @param second a second token with a PIN of its own
 */
public record TestTokens(
    TokenImplementation implementation, Path library, Slot first, Slot second) {

  /** A slot holding a test token; the PIN is a test-only value. */
  public record Slot(long id, String label, String pin) {
    @Override
    public String toString() {
      return "Slot[" + id + ", " + label + "]";
    }
  }

  /**
   * Brings up the tokens of {@code implementation}: for SoftHSM2, two fresh tokens in the directory
   * of {@code SOFTHSM2_CONF} (emptied first; failsafe sets the variable, since SoftHSM2 reads it
   * when the library is initialised); for opencryptoki, the machine's shared test tokens. Needs the
   * system property {@code arca.scripts} (failsafe sets it).
   */
  public static TestTokens prepare(TokenImplementation implementation)
      throws IOException, InterruptedException {
    assumeInstalled(implementation);
    String scripts = System.getProperty("arca.scripts");
    String conf = System.getenv("SOFTHSM2_CONF");
    String missing =
        scripts == null
            ? "arca.scripts is not set: run through Maven failsafe"
            : implementation == TokenImplementation.SOFTHSM2 && conf == null
                ? "SOFTHSM2_CONF is not set: run through Maven failsafe"
                : null;
    if (missing != null || scripts == null) {
      skipOrFail(missing);
      throw new IllegalStateException(missing);
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(scripts, implementation.script()).toString());
    if (implementation == TokenImplementation.SOFTHSM2 && conf != null) {
      Path dir =
          Objects.requireNonNull(
              Path.of(conf).toAbsolutePath().getParent(), "SOFTHSM2_CONF has no directory");
      deleteRecursively(dir);
      command.add(dir.toString());
    }
    Map<String, String> values = run(command);
    return new TestTokens(
        implementation,
        Path.of(values.getOrDefault("LIBRARY", implementation.library().toString())),
        slot(values, 1),
        slot(values, 2));
  }

  /**
   * Skips the calling test when the implementation is not installed, or fails it under CI (the
   * {@code CI} variable set), where every token must be there.
   */
  public static void assumeInstalled(TokenImplementation implementation) {
    if (!Files.isRegularFile(implementation.library())) {
      skipOrFail(
          implementation.model()
              + " is not installed ("
              + implementation.library()
              + "; "
              + implementation.install()
              + ")");
    }
  }

  private static void skipOrFail(@Nullable String why) {
    if (System.getenv("CI") != null) {
      fail(why);
    }
    assumeTrue(false, why);
  }

  private static Slot slot(Map<String, String> values, int n) {
    return new Slot(
        Long.parseLong(value(values, "SLOT" + n + "_ID")),
        value(values, "SLOT" + n + "_LABEL"),
        value(values, "SLOT" + n + "_PIN"));
  }

  private static String value(Map<String, String> values, String key) {
    @Nullable String value = values.get(key);
    if (value == null) {
      throw new IllegalStateException(
          "the token script printed no " + key + ": " + values.keySet());
    }
    return value;
  }

  private static Map<String, String> run(List<String> command)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
    Map<String, String> values = new HashMap<>();
    output
        .lines()
        .filter(line -> line.indexOf('=') > 0)
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
