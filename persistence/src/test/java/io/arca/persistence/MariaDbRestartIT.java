package io.arca.persistence;

import static io.arca.persistence.ObjectRepositoryContract.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pool outlives a MariaDB restart: connections that died with the server are found dead on
 * borrow and replaced, so the first request after the restart succeeds. This test runs a server of
 * its own, since it restarts it.
 */
class MariaDbRestartIT {
  private static Path dir;
  private static Path script;

  @BeforeAll
  static void startServer() throws Exception {
    TestMariaDb.requireServer();
    script = Path.of(System.getProperty("ARCA_MARIADB_TEST_SERVER", "scripts/mariadb-test-server"));
    dir = Path.of(System.getProperty("ARCA_MARIADB_RESTART_DIR", "target/mariadb-restart"));
    run("start");
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (dir != null) {
      run("stop");
    }
  }

  private static void run(String command) throws Exception {
    Process process =
        new ProcessBuilder(script.toString(), command, dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(command).isTrue();
    assertThat(process.exitValue()).as(script + " " + command).isZero();
  }

  @Test
  void repositoryWorksAgainRightAfterTheServerRestarts() throws Exception {
    String base = Files.readString(dir.resolve("url"), StandardCharsets.UTF_8).strip();
    try (Connection c = DriverManager.getConnection(base, TestMariaDb.USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS restart_it");
      s.execute("CREATE DATABASE restart_it");
    }
    DatabaseConfig config = DatabaseConfig.mariadb(base + "restart_it", TestMariaDb.USER, null);
    try (Database database = Database.open(config);
        JdbcObjectRepository repository = new JdbcObjectRepository(database)) {
      repository.insert(key("before", "alice", "Active"));
      assertThat(repository.find("before")).isPresent();

      run("restart");

      assertThat(repository.find("before")).isPresent();
      repository.insert(key("after", "alice", "Active"));
      assertThat(repository.locate(ObjectCriteria.all(10))).containsExactly("after", "before");
    }
  }
}
