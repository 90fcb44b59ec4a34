package io.arca.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * PyKMIP's client (Debian's python3-pykmip) derives keys and Secret Data with every Derivation
 * Method it can express and checks each value against Python's own KDFs, at KMIP 1.0, 1.2, 1.4 and
 * 2.0 (HKDF at 2.0). Every scenario must pass.
 */
class PyKmipDeriveKeyIT {
  private static final List<String> VERSIONS = List.of("1.0", "1.2", "1.4", "2.0");

  @TempDir static Path dataDir;
  static InProcessServer server;

  @BeforeAll
  static void start() throws Exception {
    server = InProcessServer.start(dataDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @TestFactory
  Stream<DynamicNode> everyDerivationMethod() {
    return VERSIONS.stream()
        .map(version -> DynamicContainer.dynamicContainer("KMIP " + version, scenarios(version)));
  }

  private static Stream<DynamicTest> scenarios(String version) {
    Map<String, String> results;
    try {
      results = run(version);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException("PyKMIP did not run at KMIP " + version, e);
    }
    List<DynamicTest> tests = new ArrayList<>();
    results.forEach(
        (scenario, outcome) ->
            tests.add(
                DynamicTest.dynamicTest(
                    scenario,
                    () -> assertThat(outcome).as(version + " " + scenario).isEqualTo("PASS"))));
    return tests.stream();
  }

  private static Map<String, String> run(String version) throws IOException, InterruptedException {
    PyKmip.Result result =
        PyKmip.run("pykmip_derive_key.py", server, version, Duration.ofMinutes(3));
    Map<String, String> results = new LinkedHashMap<>();
    for (String line : result.output().split("\n", -1)) {
      String[] parts = line.split(" ", 3);
      if (parts.length >= 3 && parts[0].equals("SCENARIO")) {
        results.put(parts[1], parts[2]);
      }
    }
    if (results.isEmpty() || result.exitValue() != 0) {
      results.put("script", "FAIL " + result.output().strip().replace('\n', ' '));
    }
    return results;
  }
}
