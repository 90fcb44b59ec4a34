package io.arca.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.server.Arca;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * One short run of each scenario that needs no HSM against a real in-process server (embedded
 * SQLite store, mutual TLS): the setup is accepted and every measured answer is a success. The HSM
 * scenarios are not run here (starting SoftHSM2 tokens needs failsafe's SOFTHSM2_CONF, which only
 * the server's ITs set up); scripts/bench runs them, and a server without an HSM is shown to refuse
 * them cleanly.
 */
class LoadGeneratorSmokeTest {
  @TempDir static Path dir;
  static DevelopmentPki pki;
  static Arca server;

  @BeforeAll
  static void start() throws Exception {
    pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls =
        new ServerConfig.Tls(pki.serverCertificate(), pki.serverKey(), pki.caCertificate(), null);
    ServerConfig config =
        new ServerConfig(
            "127.0.0.1",
            0,
            dir,
            tls,
            IdentitySource.CN,
            new ServerConfig.Limits(32, 1 << 20, Duration.ofMinutes(1), Duration.ofSeconds(5)),
            2,
            "info",
            false,
            ServerConfig.Storage.EMBEDDED);
    server = Arca.start(config, TlsContexts.server(tls));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"noop", "handshake", "get", "create-aes", "encrypt-aes-gcm", "encrypt-aes-cbc"})
  void scenarioEndsWithTheSummaryLineAndNoErrors(String scenario) {
    Run run = run("--scenario", scenario);

    assertThat(run.code).as(run.output).isZero();
    assertThat(run.lastLine())
        .as(run.output)
        .matches(
            scenario
                + ": [1-9]\\d* ops/s, p50 [\\d.]+ ms, p95 [\\d.]+ ms, p99 [\\d.]+ ms, "
                + "max [\\d.]+ ms, errors 0");
  }

  @Test
  void handshakesOfferingChosenGroupsAndResumingAreServed() {
    for (String[] options :
        List.of(
            new String[] {"--groups", "X25519,P-256"},
            new String[] {"--groups", "P-256", "--resume"})) {
      List<String> arguments = new ArrayList<>(List.of("--scenario", "handshake"));
      arguments.addAll(List.of(options));
      Run run = run(arguments.toArray(new String[0]));

      assertThat(run.code).as(run.output).isZero();
      assertThat(run.lastLine()).as(run.output).matches("handshake: [1-9]\\d* ops/s, .*errors 0");
    }
  }

  @Test
  void kmip12RequestsAreServedToo() {
    Run run = run("--scenario", "encrypt-aes-gcm", "--kmip-version", "1.2", "--json");

    assertThat(run.code).as(run.output).isZero();
    assertThat(run.lastLine())
        .as(run.output)
        .matches("\\{\"scenario\":\"encrypt-aes-gcm\",\"ops_per_s\":[1-9]\\d*,.*\"errors\":0}");
  }

  @Test
  void aServerThatRefusesTheSetupSkipsTheScenarioWithItsReason() {
    // This server has no HSM, so it cannot create hsm::1::... keys.
    Run run = run("--scenario", "encrypt-hsm", "--hsm-slot", "1");

    assertThat(run.code).as(run.output).isEqualTo(LoadGenerator.SKIPPED);
    assertThat(run.lastLine()).as(run.output).startsWith("encrypt-hsm: skipped: Create failed: ");
  }

  @Test
  void anHsmScenarioWithoutSlotOrKeyIsAUsageError() {
    Run run = run("--scenario", "decrypt-rsa-hsm");

    assertThat(run.code).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(run.errors).contains("--hsm-slot");
  }

  private static Run run(String... scenarioArguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new LoadGenerator());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--port",
                String.valueOf(server.port()),
                "--ca",
                pki.caCertificate().toString(),
                "--cert",
                pki.adminCertificate().toString(),
                "--key",
                pki.adminKey().toString(),
                "--connections",
                "2",
                "--warmup",
                "0",
                "--duration",
                "1"));
    arguments.addAll(List.of(scenarioArguments));
    int code = cli.execute(arguments.toArray(new String[0]));
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int code, String output, String errors) {
    String lastLine() {
      return output.strip().lines().reduce((a, b) -> b).orElse("");
    }
  }
}
