package io.arca.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.arca.client.ClientTls;
import io.arca.client.KmipConnection;
import io.arca.kmip.ttlv.DecodeLimits;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every OASIS test-case file against an in-process server, one fresh server per KMIP version
 * and profile so that a profile's files run in order on one server; applies the ratchet in {@code
 * passing-cases.txt} and writes {@code target/conformance.md}.
 */
class OasisConformanceTest {
  private static final Logger log = LoggerFactory.getLogger(OasisConformanceTest.class);
  static final Path REPORT = Path.of("target/conformance.md");

  @TempDir static Path work;
  private static final List<CaseResult> results = Collections.synchronizedList(new ArrayList<>());
  private static @Nullable FileSystem jar;
  private static @Nullable InProcessServer server;

  @TestFactory
  Stream<DynamicNode> oasisTestCases() throws Exception {
    Ratchet ratchet = Ratchet.load("/passing-cases.txt");
    List<CaseFile> cases = CaseFile.find(List.of(testCaseRoot()));
    Map<String, List<CaseFile>> groups = CaseFile.groups(cases);
    List<String> names = cases.stream().map(CaseFile::name).toList();
    DynamicTest listIsSound =
        DynamicTest.dynamicTest(
            "passing-cases.txt names only existing cases",
            () -> assertThat(names).containsAll(ratchet.names()));
    return Stream.concat(
        Stream.of(listIsSound),
        groups.entrySet().stream()
            .map(
                group ->
                    DynamicContainer.dynamicContainer(
                        "KMIP " + group.getKey(),
                        tests(group.getKey(), group.getValue(), ratchet))));
  }

  private static Stream<DynamicTest> tests(String group, List<CaseFile> files, Ratchet ratchet) {
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      CaseFile file = files.get(i);
      boolean first = i == 0;
      boolean last = i == files.size() - 1;
      tests.add(
          DynamicTest.dynamicTest(
              file.name(),
              file.path().toUri(),
              () -> {
                try {
                  if (first) {
                    startServer(group);
                  }
                  check(run(file), ratchet);
                } finally {
                  if (last) {
                    stopServer();
                  }
                }
              }));
    }
    return tests.stream();
  }

  private static void startServer(String group) throws Exception {
    stopServer();
    server =
        InProcessServer.start(
            Files.createDirectories(work.resolve(group.replace(' ', '-'))), work.resolve("pki"));
  }

  private static void stopServer() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  private static @Nullable CaseRunner runner;
  private static @Nullable InProcessServer runnerServer;

  private static CaseResult run(CaseFile file) throws Exception {
    InProcessServer running = server;
    if (running == null) {
      throw new IllegalStateException("no server for " + file.name());
    }
    // One runner per server, so that it knows which keys that server generated in earlier cases.
    if (runner == null || runnerServer != running) {
      SSLContext tls =
          ClientTls.context(
              running.pki().caCertificate(),
              running.pki().adminCertificate(),
              running.pki().adminKey());
      runner =
          new CaseRunner(
              () ->
                  KmipConnection.open(
                      tls,
                      "127.0.0.1",
                      running.port(),
                      Duration.ofSeconds(20),
                      DecodeLimits.DEFAULTS),
              encoding ->
                  new HttpsExchange(
                      tls,
                      "127.0.0.1",
                      running.httpsPort(),
                      encoding,
                      Duration.ofSeconds(20),
                      DecodeLimits.DEFAULTS),
              Clock.systemUTC());
      runnerServer = running;
    }
    CaseResult result = runner.run(file);
    results.add(result);
    return result;
  }

  private static void check(CaseResult result, Ratchet ratchet) {
    String name = result.file().name();
    boolean listed = ratchet.listed(name);
    if (result.outcome() == CaseResult.Outcome.PASS) {
      if (!listed) {
        log.warn(ratchet.announce(name));
      }
      return;
    }
    if (listed) {
      fail("%s is in passing-cases.txt but now %s: %s", name, result.outcome(), result.detail());
    }
    // Not listed: reported in target/conformance.md; shown here as skipped, not as a failure.
    Assumptions.abort(
        "known " + result.outcome() + " (not in passing-cases.txt): " + result.detail());
  }

  private static Path testCaseRoot() throws IOException {
    URL url = OasisConformanceTest.class.getResource("/kmip-testcases");
    if (url == null) {
      throw new IOException("the OASIS test cases are not on the test classpath");
    }
    URI uri = URI.create(url.toString());
    if (uri.getScheme().equals("jar")) {
      jar = FileSystems.newFileSystem(uri, Map.of());
      return jar.getPath("/kmip-testcases");
    }
    return Path.of(uri);
  }

  @AfterAll
  static void writeReport() throws IOException {
    stopServer();
    List<CaseResult> all;
    synchronized (results) {
      all = List.copyOf(results);
    }
    String markdown = ConformanceReport.markdown("Arca: OASIS KMIP test cases", all);
    Files.createDirectories(REPORT.toAbsolutePath().getParent());
    Files.writeString(REPORT, markdown, StandardCharsets.UTF_8);
    log.info("OASIS test cases: {}; report in {}", ConformanceReport.summary(all), REPORT);
    if (jar != null) {
      jar.close();
    }
  }
}
