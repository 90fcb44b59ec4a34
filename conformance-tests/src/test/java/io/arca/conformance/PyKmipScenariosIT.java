package io.arca.conformance;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PyKMIP's high-level client (Debian's python3-pykmip) runs a scenario per operation (create, get,
 * get attributes, locate, activate, revoke, destroy, register, encrypt/decrypt, sign/verify, secret
 * data, Get with a Key Wrapping Specification, Register of a wrapped key) at KMIP 1.0, 1.2, 1.4 and
 * 2.0. The same ratchet as the OASIS cases applies, from {@code passing-pykmip-scenarios.txt};
 * every scenario is a row in {@code target/conformance.md}.
 */
class PyKmipScenariosIT {
  private static final Logger log = LoggerFactory.getLogger(PyKmipScenariosIT.class);
  private static final List<String> VERSIONS = List.of("1.0", "1.2", "1.4", "2.0");
  private static final String SECTION = "\n## PyKMIP scenarios\n";

  @TempDir static Path dataDir;
  static InProcessServer server;

  /** Version, then scenario name, to "PASS" or "FAIL reason", in the order run. */
  static final Map<String, Map<String, String>> outcomes = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    server = InProcessServer.start(dataDir);
  }

  @TestFactory
  Stream<DynamicNode> pykmipScenarios() throws IOException {
    Ratchet ratchet = Ratchet.load("/passing-pykmip-scenarios.txt");
    return VERSIONS.stream()
        .map(
            version ->
                DynamicContainer.dynamicContainer("KMIP " + version, scenarios(version, ratchet)));
  }

  private static Stream<DynamicTest> scenarios(String version, Ratchet ratchet) {
    Map<String, String> results;
    try {
      results = run(version);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("PyKMIP did not run at KMIP " + version, e);
    }
    outcomes.put(version, results);
    List<DynamicTest> tests = new ArrayList<>();
    results.forEach(
        (scenario, outcome) ->
            tests.add(
                DynamicTest.dynamicTest(
                    scenario, () -> check(version + " " + scenario, outcome, ratchet))));
    return tests.stream();
  }

  private static void check(String name, String outcome, Ratchet ratchet) {
    boolean passed = outcome.equals("PASS");
    if (passed && !ratchet.listed(name)) {
      log.warn(ratchet.announce(name));
    }
    if (!passed && ratchet.listed(name)) {
      fail("%s is in passing-pykmip-scenarios.txt but now: %s", name, outcome);
    }
    Assumptions.assumeTrue(passed, () -> "known failure (not listed): " + outcome);
  }

  private static Map<String, String> run(String version) throws IOException, InterruptedException {
    String output =
        PyKmip.run("pykmip_scenarios.py", server, version, Duration.ofMinutes(3)).output();
    Map<String, String> results = new LinkedHashMap<>();
    for (String line : output.split("\n", -1)) {
      String[] parts = line.split(" ", 3);
      if (parts.length >= 3 && parts[0].equals("SCENARIO")) {
        results.put(parts[1], parts[2]);
      }
    }
    if (results.isEmpty()) {
      results.put("connect", "FAIL " + output.strip().replace('\n', ' '));
    }
    return results;
  }

  @AfterAll
  static void stopAndReport() throws IOException {
    server.close();
    StringBuilder section = new StringBuilder(SECTION);
    section.append("\n| version | scenario | outcome |\n|---|---|---|\n");
    outcomes.forEach(
        (version, results) ->
            results.forEach(
                (scenario, outcome) ->
                    section
                        .append("| ")
                        .append(version)
                        .append(" | ")
                        .append(scenario)
                        .append(" | ")
                        .append(ConformanceReport.escape(outcome))
                        .append(" |\n")));
    Path report = OasisConformanceTest.REPORT;
    String existing = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "";
    int previous = existing.indexOf(SECTION);
    String kept = previous >= 0 ? existing.substring(0, previous) : existing;
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, kept + section, StandardCharsets.UTF_8);
  }
}
