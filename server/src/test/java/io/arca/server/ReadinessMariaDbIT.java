package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.persistence.TestMariaDb;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.Observability;
import io.arca.server.config.ServerConfig;
import io.arca.server.metrics.AdminClient;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /readyz} follows the database: ready on a running MariaDB, unready (503, naming the
 * database) once it is stopped, ready again once it is back on the same port, while {@code
 * /healthz} answers throughout. Runs a MariaDB server of its own, since it stops it.
 */
class ReadinessMariaDbIT {
  private static Path mariadb;
  private static Path script;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    TestMariaDb.requireServer();
    script = Path.of(System.getProperty("arca.scripts", "scripts"), "mariadb-test-server");
    mariadb = Path.of("target/mariadb-readiness");
    run("start");
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (mariadb != null) {
      run("stop");
    }
  }

  private static void run(String command) throws Exception {
    Process process =
        new ProcessBuilder(script.toString(), command, mariadb.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(command).isTrue();
    assertThat(process.exitValue()).as(script + " " + command).isZero();
  }

  @Test
  void readyzTurnsUnreadyWhileTheDatabaseIsDownAndReadyWhenItReturns() throws Exception {
    String base = Files.readString(mariadb.resolve("url"), StandardCharsets.UTF_8).strip();
    try (Connection c = DriverManager.getConnection(base, TestMariaDb.USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS readiness");
      s.execute("CREATE DATABASE readiness CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    ServerConfig config =
        TestServers.watched(
            new ServerConfig(
                "127.0.0.1",
                0,
                dir,
                tls,
                IdentitySource.CN,
                new ServerConfig.Limits(
                    64, 64 * 1024, Duration.ofMinutes(1), Duration.ofSeconds(5)),
                4,
                "info",
                false,
                new ServerConfig.Storage(
                    base + "readiness",
                    TestMariaDb.USER,
                    null,
                    4,
                    null,
                    10_000,
                    Duration.ofHours(1),
                    Duration.ofSeconds(1))),
            new Observability(
                InetSocketAddress.createUnresolved("127.0.0.1", 0),
                null,
                Observability.LogFormat.TEXT,
                false));
    try (Arca server = Arca.start(config, TlsContexts.server(tls))) {
      AdminClient admin = new AdminClient(server.adminPort(), null);
      assertThat(admin.get("/readyz")).isEqualTo(new AdminClient.Answer(200, "ready\n"));

      run("stop");
      AdminClient.Answer down = admin.get("/readyz");
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.body()).contains("database: does not answer");
      assertThat(admin.get("/healthz").status()).isEqualTo(200);

      run("restart");
      AdminClient.Answer back = admin.get("/readyz");
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (back.status() != 200 && System.nanoTime() < until) {
        Thread.sleep(200);
        back = admin.get("/readyz");
      }
      assertThat(back).isEqualTo(new AdminClient.Answer(200, "ready\n"));
    }
  }
}
