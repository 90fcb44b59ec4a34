package io.arca.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one of the PyKMIP scripts in {@code src/test/python} (Debian's python3-pykmip) against an
 * in-process server, as the development admin or another user, at one KMIP version.
 */
final class PyKmip {
  private static final Logger log = LoggerFactory.getLogger(PyKmip.class);

  private PyKmip() {}

  /**
   * One container of tests per version: the script's {@code SCENARIO name PASS|FAIL ...} lines at
   * that version, each a test that must say PASS; a script that printed none or failed is a failed
   * test of its own, with what it printed.
   */
  static Stream<DynamicNode> scenarioTests(
      String script, InProcessServer server, List<String> versions) {
    return versions.stream()
        .map(
            version ->
                DynamicContainer.dynamicContainer(
                    "KMIP " + version, scenarioTests(script, server, version)));
  }

  private static Stream<DynamicTest> scenarioTests(
      String script, InProcessServer server, String version) {
    Map<String, String> outcomes = outcomes(script, server, version);
    List<DynamicTest> tests = new ArrayList<>();
    outcomes.forEach(
        (scenario, outcome) ->
            tests.add(
                DynamicTest.dynamicTest(
                    scenario,
                    () -> assertThat(outcome).as(version + " " + scenario).isEqualTo("PASS"))));
    return tests.stream();
  }

  /**
   * The script's {@code SCENARIO name PASS|FAIL ...} lines at one version, by name; a script that
   * printed none or failed adds a failed "script" outcome with what it printed.
   */
  private static Map<String, String> outcomes(
      String script, InProcessServer server, String version) {
    Result result;
    try {
      result = run(script, server, version, Duration.ofMinutes(5));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("PyKMIP did not run at KMIP " + version, e);
    }
    Map<String, String> outcomes = new LinkedHashMap<>();
    for (String line : result.output().split("\n", -1)) {
      String[] parts = line.split(" ", 3);
      if (parts.length >= 3 && parts[0].equals("SCENARIO")) {
        outcomes.put(parts[1], parts[2]);
      }
    }
    if (outcomes.isEmpty() || result.exitValue() != 0) {
      outcomes.put("script", "FAIL " + result.output().strip().replace('\n', ' '));
    }
    return outcomes;
  }

  /**
   * Like {@link #scenarioTests(String, InProcessServer, List)}, but held by a ratchet list of
   * "VERSION SCENARIO" lines: a listed scenario that fails breaks the build, an unlisted failure is
   * reported as skipped with its reason, and an unlisted pass is announced in the log.
   */
  static Stream<DynamicNode> ratchetedTests(
      String script, InProcessServer server, List<String> versions, Ratchet ratchet) {
    return versions.stream()
        .map(
            version ->
                DynamicContainer.dynamicContainer(
                    "KMIP " + version, ratchetedTests(script, server, version, ratchet)));
  }

  private static Stream<DynamicTest> ratchetedTests(
      String script, InProcessServer server, String version, Ratchet ratchet) {
    Map<String, String> outcomes = outcomes(script, server, version);
    List<DynamicTest> tests = new ArrayList<>();
    outcomes.forEach(
        (scenario, outcome) ->
            tests.add(
                DynamicTest.dynamicTest(
                    scenario,
                    () -> {
                      String name = version + " " + scenario;
                      boolean passed = outcome.equals("PASS");
                      if (passed && !ratchet.listed(name)) {
                        log.warn(ratchet.announce(name));
                      }
                      assertThat(passed || !ratchet.listed(name))
                          .as("%s is listed as passing but now: %s", name, outcome)
                          .isTrue();
                      Assumptions.assumeTrue(
                          passed, () -> "known failure (not listed): " + outcome);
                    })));
    return tests.stream();
  }

  /** What a script printed (stdout and stderr together) and its exit status. */
  record Result(int exitValue, String output) {}

  /** Runs the script to its end as the development admin; fails the test if it overruns. */
  static Result run(String script, InProcessServer server, String version, Duration timeout)
      throws IOException, InterruptedException {
    return run(
        script,
        server,
        server.pki().adminCertificate(),
        server.pki().adminKey(),
        version,
        timeout,
        List.of());
  }

  /**
   * Runs the script to its end as the user of the certificate {@code cert} (PEM, with its key
   * {@code key}), with {@code more} arguments after the version; fails the test if it overruns.
   */
  static Result run(
      String script,
      InProcessServer server,
      Path cert,
      Path key,
      String version,
      Duration timeout,
      List<String> more)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("/usr/bin/python3");
    command.add(Path.of("src/test/python", script).toString());
    command.add("127.0.0.1");
    command.add(String.valueOf(server.port()));
    command.add(server.pki().caCertificate().toString());
    command.add(cert.toString());
    command.add(key.toString());
    command.add(version);
    command.addAll(more);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    assertThat(finished).as(script + " at KMIP " + version + " finished in time").isTrue();
    return new Result(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
