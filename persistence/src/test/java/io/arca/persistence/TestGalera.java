package io.arca.persistence;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A three-node Galera cluster that {@code scripts/galera-test-cluster} runs in the build's target
 * directory, for the tests of what only a cluster shows. Without Galera installed the tests fail
 * under CI and are skipped elsewhere.
 */
public final class TestGalera {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final Path script;
  private final Path dir;

  private TestGalera(Path script, Path dir) {
    this.script = script;
    this.dir = dir;
  }

  /** Starts the cluster's nodes that are not running (the first start takes about a minute). */
  public static TestGalera start() throws Exception {
    TestGalera cluster =
        new TestGalera(
            Path.of(System.getProperty("ARCA_GALERA_TEST_CLUSTER", "scripts/galera-test-cluster")),
            Path.of(System.getProperty("ARCA_GALERA_DIR", "target/galera")));
    cluster.run("start");
    if (!Files.isRegularFile(cluster.dir.resolve("urls"))) {
      String why = "no Galera cluster: install mariadb-server, galera-4 and rsync";
      if (System.getenv("CI") != null) {
        fail(why);
      }
      Assumptions.abort(why + "; skipping the Galera tests outside CI");
    }
    return cluster;
  }

  /** Node {@code n}'s server URL (1 to 3), e.g. {@code jdbc:mariadb://127.0.0.1:40001/}. */
  public String url(int n) throws Exception {
    List<String> urls = Files.readAllLines(dir.resolve("urls"), StandardCharsets.UTF_8);
    return urls.get(n - 1).strip();
  }

  /**
   * A new, empty database, created through node 1 and so on every node; the configs point at it
   * through each node in turn.
   */
  public List<DatabaseConfig> freshDatabase(String prefix) throws Exception {
    String name = prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(url(1), TestMariaDb.USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
    return List.of(
        DatabaseConfig.mariadb(url(1) + name, TestMariaDb.USER, null),
        DatabaseConfig.mariadb(url(2) + name, TestMariaDb.USER, null),
        DatabaseConfig.mariadb(url(3) + name, TestMariaDb.USER, null));
  }

  /**
   * The three nodes as one MariaDB Connector/J URL in sequential mode: the first node that answers
   * serves, and the next is tried when it goes away.
   */
  public DatabaseConfig sequential(DatabaseConfig onNodeOne) throws Exception {
    String name = onNodeOne.jdbcUrl().substring(onNodeOne.jdbcUrl().lastIndexOf('/') + 1);
    List<String> hosts = new java.util.ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      hosts.add(url(n).replace("jdbc:mariadb://", "").replace("/", ""));
    }
    return DatabaseConfig.mariadb(
        "jdbc:mariadb:sequential://" + String.join(",", hosts) + "/" + name,
        TestMariaDb.USER,
        null);
  }

  /** {@code kill -9} of node {@code n}. */
  public void kill(int n) throws Exception {
    run("kill", Integer.toString(n));
  }

  /** Starts node {@code n} again; returns once it has rejoined and caught up. */
  public void restart(int n) throws Exception {
    run("restart", Integer.toString(n));
  }

  /** The cluster size node {@code n} sees (0 when it is down). */
  public int size(int n) throws Exception {
    Process process =
        new ProcessBuilder(script.toString(), "size", dir.toString(), Integer.toString(n))
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(60, TimeUnit.SECONDS);
    return Integer.parseInt(out.strip().isEmpty() ? "0" : out.strip());
  }

  /** Stops every node; the data stays for the next start. */
  public void stop() throws Exception {
    run("stop");
  }

  private void run(String command, String... arguments) throws Exception {
    List<String> line =
        new java.util.ArrayList<>(List.of(script.toString(), command, dir.toString()));
    line.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(line)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile()))
            .start();
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(script + " " + command + " did not finish in 300 s");
    }
    if (process.exitValue() != 0) {
      fail(script + " " + command + " failed; see " + logFile());
    }
  }

  private java.io.File logFile() throws Exception {
    Files.createDirectories(dir);
    return dir.resolve("cluster.log").toFile();
  }
}
