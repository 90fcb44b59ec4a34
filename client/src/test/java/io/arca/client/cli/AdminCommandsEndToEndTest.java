package io.arca.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.server.Arca;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.ServerTls;
import io.arca.testing.ClientCertificates;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code arca admin} against a real server over mutual TLS: the administrator rotates the KEK,
 * denies and allows a client certificate and reloads; another user is refused.
 */
class AdminCommandsEndToEndTest {
  @TempDir static Path dir;
  static Arca server;
  static Path adminConf;
  static Path user1Conf;

  @BeforeAll
  static void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ClientCertificates.issue(
        pki.caCertificate(),
        pki.directory().resolve("ca.key"),
        "user1",
        pki.directory().resolve("user1.crt"),
        pki.directory().resolve("user1.key"));
    Path denyList = Files.writeString(dir.resolve("deny.txt"), "");
    ServerConfig.Tls tls =
        new ServerConfig.Tls(
            pki.serverCertificate(),
            pki.serverKey(),
            pki.caCertificate(),
            null,
            new ServerConfig.Revocation(
                null, denyList, false, null, false, Duration.ofSeconds(10)));
    ServerConfig base =
        new ServerConfig(
            "127.0.0.1",
            0,
            dir.resolve("data"),
            tls,
            IdentitySource.CN,
            new ServerConfig.Limits(16, 1 << 20, Duration.ofMinutes(1), Duration.ofSeconds(5)),
            2,
            "info",
            false,
            ServerConfig.Storage.EMBEDDED);
    ServerConfig config =
        new ServerConfig(
            base.bind(),
            base.port(),
            base.dataDir(),
            base.tls(),
            base.identityFrom(),
            base.limits(),
            base.workerThreads(),
            base.logLevel(),
            base.interop(),
            base.storage(),
            base.access().withServerAdmins(Set.of(DevelopmentPki.ADMIN_USER)),
            base.hsm(),
            base.requestBounds(),
            base.observability());
    ServerTls serverTls = ServerTls.start(tls, Duration.ofSeconds(10));
    server = Arca.start(config, serverTls, () -> serverTls.reloadOrExplain(tls));
    adminConf = conf(DevelopmentPki.ADMIN_USER);
    user1Conf = conf("user1");
  }

  private static Path conf(String user) throws Exception {
    return Files.writeString(
        dir.resolve(user + ".toml"),
        """
        host = "127.0.0.1"
        port = %d
        ca = "pki/ca.crt"
        cert = "pki/%s.crt"
        key = "pki/%s.key"
        """
            .formatted(server.port(), user, user));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  record Run(int exitCode, String out, String err) {}

  static Run as(Path conf, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--conf";
    all[args.length + 1] = conf.toString();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = ArcaCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return new Run(cli.execute(all), out.toString(), err.toString());
  }

  static Run ok(Path conf, String... args) {
    Run run = as(conf, args);
    assertThat(run.exitCode()).as("arca %s: %s", String.join(" ", args), run.err()).isZero();
    return run;
  }

  @Test
  void adminDeniesAClientCertificateAndAllowsItAgain() {
    String certificate = dir.resolve("pki").resolve("user1.crt").toString();
    ok(user1Conf, "server-version");

    Run denied = ok(adminConf, "admin", "deny", certificate);
    assertThat(denied.out()).contains("was denied");
    assertThat(as(user1Conf, "server-version").exitCode()).isNotZero();

    ok(adminConf, "admin", "allow", certificate);
    ok(user1Conf, "server-version");
  }

  @Test
  void adminRotatesTheKekAndReadsItsStatus() throws Exception {
    Run started = ok(adminConf, "admin", "kek", "rotate", "--to", "local");
    assertThat(started.out()).startsWith("Rotation: running to local");

    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Run status = ok(adminConf, "admin", "kek", "status");
    while (!status.out().contains("Rotation: finished")) {
      assertThat(status.out()).contains("Rotation: running");
      assertThat(System.nanoTime()).as("finished within 60 s").isLessThan(deadline);
      Thread.sleep(50);
      status = ok(adminConf, "admin", "kek", "status");
    }
    assertThat(status.out()).contains("| current |").contains("| previous | wraps 0");
  }

  @Test
  void adminReloadsAndOthersAreRefused() {
    assertThat(ok(adminConf, "admin", "reload").out()).startsWith("Reloaded: new handshakes");

    Run refused = as(user1Conf, "admin", "reload");
    assertThat(refused.exitCode()).isEqualTo(ArcaCli.EXIT_KMIP_ERROR);
    assertThat(refused.err()).contains("PermissionDenied");
  }
}
