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
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs one of the PyKMIP scripts in {@code src/test/python} (Debian's python3-pykmip) against an
 * in-process server, as the development admin or another user, at one KMIP version.
 */
final class PyKmip {
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
    Result result;
    try {
      result = run(script, server, version, Duration.ofMinutes(3));
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
    List<DynamicTest> tests = new ArrayList<>();
    outcomes.forEach(
        (scenario, outcome) ->
            tests.add(
                DynamicTest.dynamicTest(
                    scenario,
                    () -> assertThat(outcome).as(version + " " + scenario).isEqualTo("PASS"))));
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
