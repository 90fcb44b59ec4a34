package io.arca.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PyKMIP's own client (Debian's python3-pykmip, which scripts/test installs) asks the server for
 * Discover Versions and Query over mutual TLS with the development admin certificate.
 */
class PyKmipDiscoverQueryIT {
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

  @ParameterizedTest(name = "KMIP {0}")
  @ValueSource(strings = {"1.0", "1.2", "1.4", "2.0"})
  void pykmipDiscoversVersionsAndQueriesTheServer(String version) throws Exception {
    Map<String, String> answer = run(version);

    assertThat(answer.get("query_status")).isEqualTo("SUCCESS");
    assertThat(answer.get("vendor")).isEqualTo("Arca");
    if (version.equals("1.0")) {
      // KMIP 1.1 added Discover Versions: a 1.0 request is refused it (KmipEndToEndTest checks the
      // reason, Operation Not Supported), and Query does not list it.
      assertThat(answer.get("discover_status")).startsWith("REFUSED");
      assertThat(answer.getOrDefault("operations", "").split(",", -1))
          .contains("QUERY")
          .doesNotContain("DISCOVER_VERSIONS");
      return;
    }
    assertThat(answer.get("discover_status")).isEqualTo("SUCCESS");
    assertThat(answer.get("versions")).startsWith("2.1,2.0,1.4,1.3,1.2,1.1,1.0");
    assertThat(answer.getOrDefault("operations", "").split(",", -1))
        .contains("DISCOVER_VERSIONS", "QUERY");
  }

  private static Map<String, String> run(String version) throws IOException, InterruptedException {
    PyKmip.Result result =
        PyKmip.run("pykmip_discover_query.py", server, version, Duration.ofSeconds(60));
    String output = result.output();
    assertThat(result.exitValue()).as(output).isZero();
    Map<String, String> answer = new HashMap<>();
    for (String line : output.split("\n", -1)) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        answer.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return answer;
  }
}
