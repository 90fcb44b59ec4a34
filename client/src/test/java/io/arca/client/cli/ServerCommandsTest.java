package io.arca.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.server.Arca;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The server commands of the CLI against a real server over mutual TLS. */
class ServerCommandsTest {
  @TempDir static Path dir;
  static DevelopmentPki pki;
  static Arca server;
  static Path conf;

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
            new ServerConfig.Limits(16, 1 << 20, Duration.ofMinutes(1), Duration.ofSeconds(5)),
            2,
            "info",
            false,
            ServerConfig.Storage.EMBEDDED);
    server = Arca.start(config, TlsContexts.server(tls));
    conf =
        Files.writeString(
            dir.resolve("arca.toml"),
            """
            host = "127.0.0.1"
            port = %d
            ca = "pki/ca.crt"
            cert = "pki/admin.crt"
            key = "pki/admin.key"
            """
                .formatted(server.port()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run arca(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = ArcaCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return new Run(cli.execute(args), out.toString(), err.toString());
  }

  @Test
  void discoverVersionsListsTheServersVersionsFromAConfigurationFile() {
    Run run = arca("discover-versions", "--conf", conf.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines()).containsExactly("2.1", "2.0", "1.4", "1.3", "1.2", "1.1", "1.0");
  }

  @Test
  void queryWorksWithFlagsAloneAndInA1xVersion() {
    Run run =
        arca(
            "query",
            "--kmip-version",
            "1.2",
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(server.port()),
            "--ca",
            pki.caCertificate().toString(),
            "--p12",
            pki.adminPkcs12().toString(),
            "--p12-password",
            DevelopmentPki.ADMIN_P12_PASSWORD);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Vendor: Arca", "Operation: DiscoverVersions", "Operation: Query");
  }

  @Test
  void serverVersionNamesTheVendor() {
    Run run = arca("server-version", "--conf", conf.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Arca ");
  }

  @Test
  void noServerListeningIsAConnectionError() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    Run run =
        arca("discover-versions", "--conf", conf.toString(), "--port", String.valueOf(closedPort));

    assertThat(run.exitCode()).isEqualTo(ArcaCli.EXIT_CONNECTION);
    assertThat(run.err()).contains("arca:");
  }

  @Test
  void missingClientCertificateIsAUsageError() {
    Run run = arca("discover-versions", "--ca", pki.caCertificate().toString());

    assertThat(run.exitCode()).isEqualTo(ArcaCli.EXIT_USAGE);
    assertThat(run.err()).contains("--cert");
  }
}
