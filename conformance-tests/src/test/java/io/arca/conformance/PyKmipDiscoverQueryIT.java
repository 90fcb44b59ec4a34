package io.arca.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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

  /**
   * PyKMIP asks in one Query for every function its version defines (and PyKMIP decodes as the
   * specification does) and its own decoder reads the server's real answers: the vendor tags, the
   * JDK's Hash_DRBG, the profiles whose OASIS cases pass, streaming; and nothing where the server
   * has nothing (namespaces, attestation, validations, registration).
   */
  @ParameterizedTest(name = "KMIP {0}")
  @ValueSource(strings = {"1.0", "1.2", "1.4", "2.0"})
  void pykmipReadsTheAnswerToEveryQueryFunctionOfItsVersion(String version) throws Exception {
    Map<String, String> answer = run(version);

    assertThat(answer.get("full_status")).as(answer.get("full_reason")).isEqualTo("SUCCESS");
    assertThat(answer.get("full_operations")).isNotEqualTo("0");
    assertThat(answer.get("application_namespaces")).isEmpty();
    assertThat(answer.get("validations")).isEmpty();
    assertThat(answer.get("client_registration_methods")).isEmpty();
    assertThat(answer.get("attestation_types")).isEmpty();
    if (version.equals("1.0")) {
      assertThat(answer.get("extension_names")).isEmpty(); // not asked: 1.1 added extensions
      return;
    }
    // The access extension's four tags first, then the admin operations' fields.
    assertThat(answer.get("extension_names"))
        .startsWith("Arca User,Arca Access Grant,Arca Owner,Arca Owned Object,Arca KEK Id");
    assertThat(answer.get("extension_tags"))
        .startsWith(version.equals("2.0") ? "" : "0x540001,0x540002,0x540003,0x540004,0x540005");
    if (version.equals("1.2")) {
      assertThat(answer).doesNotContainKey("rng_algorithms"); // 1.3 added RNGs and the rest
      return;
    }
    assertThat(answer.get("rng_algorithms")).isEqualTo("DRBG");
    assertThat(answer.get("drbg_algorithms")).isEqualTo("HASH");
    assertThat(answer.get("streaming")).isEqualTo("True");
    assertThat(answer.get("asynchronous")).isEqualTo("True"); // Poll and Cancel are served
    assertThat(answer.get("unwrap_mode")).isEqualTo("NOT_PROCESSED");
    List<String> profiles = List.of(answer.getOrDefault("profiles", "").split(",", -1));
    if (version.equals("1.4")) {
      assertThat(profiles)
          .contains("SYMMETRIC_KEY_LIFECYCLE_SERVER_KMIPv10", "BASIC_CRYPTOGRAPHIC_SERVER_KMIPv14")
          .doesNotContain("TAPE_LIBRARY_SERVER_KMIPv14");
    } else {
      assertThat(profiles)
          // The QS files pass at 2.0 and 2.1, so the profile is claimed there.
          .contains("BASIC_CRYPTOGRAPHIC_SERVER", "TAPE_LIBRARY_SERVER", "QUANTUM_SAFE_SERVER");
    }
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
