package io.arca.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.TestGalera;
import io.arca.persistence.TestMariaDb;
import io.arca.server.audit.AuditVerifier;
import io.arca.server.store.LocalKek;
import io.arca.server.tls.DevelopmentPki;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failover under load, with every part real: three Galera nodes, two Arca servers run as processes
 * of their own ({@code bin/arca-server}, so that one can be killed with {@code kill -9}), and three
 * Java clients given both servers, each creating and getting keys without pause. Galera node 1 (the
 * first in server A's sequential URL) is killed, then server A, which every client uses. No
 * acknowledged key may be lost or handed out twice, each client must succeed again within 5 s of
 * each kill, both killed parts must come back and serve, and both servers' audit chains must
 * verify.
 */
class GaleraArcaFailoverIT {
  private static final Logger log = LoggerFactory.getLogger(GaleraArcaFailoverIT.class);
  private static final int CLIENTS = 3;
  private static final long FAILOVER_BUDGET_MILLIS = 5_000;

  @TempDir Path dir;

  @Test
  void killingADatabaseNodeAndThenTheServerInUseLosesNoAcknowledgedKey() throws Exception {
    TestGalera cluster = TestGalera.start();
    List<ArcaProcess> servers = new ArrayList<>();
    List<Client> clients = new ArrayList<>();
    try {
      DatabaseConfig onNodeOne = cluster.freshDatabase("arca_failover").get(0);
      String database = onNodeOne.jdbcUrl().substring(onNodeOne.jdbcUrl().lastIndexOf('/') + 1);
      List<String> dbHosts = new ArrayList<>();
      for (int n = 1; n <= 3; n++) {
        dbHosts.add(cluster.url(n).replace("jdbc:mariadb://", "").replace("/", ""));
      }
      DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
      // Both servers must hold one KEK: made once, copied to each data directory.
      Path kek = dir.resolve("kek");
      LocalKek.openOrCreate(kek, new SecureRandom());
      // A writes through database node 1, B through node 2: killing node 1 moves only A.
      ArcaProcess a =
          new ArcaProcess("node-a", dir.resolve("a"), pki, kek, sequential(dbHosts, 0, database));
      ArcaProcess b =
          new ArcaProcess("node-b", dir.resolve("b"), pki, kek, sequential(dbHosts, 1, database));
      servers.add(a);
      servers.add(b);
      // Both at once on the fresh database: one migrates it while the other waits for it.
      a.start();
      b.start();
      a.awaitListening();
      b.awaitListening();

      ClientConfig both =
          new ClientConfig(
              "127.0.0.1:" + a.port + ",127.0.0.1:" + b.port,
              ClientConfig.KMIP_PORT,
              pki.caCertificate(),
              pki.adminCertificate(),
              pki.adminKey(),
              null,
              null);
      AtomicBoolean running = new AtomicBoolean(true);
      for (int i = 0; i < CLIENTS; i++) {
        Client client = new Client(i, KmipClient.create(both, 1), running);
        clients.add(client);
        client.thread.start();
      }

      Thread.sleep(8_000);
      int beforeDatabaseKill = succeeded(clients);
      long databaseKilled = System.nanoTime();
      cluster.kill(1);
      List<Long> afterDatabaseKill = firstSuccessAfter(clients, databaseKilled);
      log.info(
          "Galera node 1 killed after {} acknowledged operations; first success of each client"
              + " {} ms after",
          beforeDatabaseKill,
          afterDatabaseKill);

      long rejoinStarted = System.nanoTime();
      cluster.restart(1);
      long rejoinMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - rejoinStarted);
      assertThat(cluster.size(1)).as("the killed database node rejoined").isEqualTo(3);

      Thread.sleep(2_000);
      int beforeServerKill = succeeded(clients);
      assertThat(clients).allSatisfy(c -> assertThat(c.serverInUse()).endsWith(":" + a.port));
      long serverKilled = System.nanoTime();
      a.kill();
      List<Long> afterServerKill = firstSuccessAfter(clients, serverKilled);
      log.info(
          "server A killed after {} acknowledged operations; first success of each client {} ms"
              + " after",
          beforeServerKill,
          afterServerKill);

      long restartStarted = System.nanoTime();
      a.start();
      a.awaitListening();
      long restartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartStarted);
      Thread.sleep(2_000);
      running.set(false);
      for (Client client : clients) {
        client.thread.join(60_000);
        assertThat(client.thread.isAlive()).as("client %d stopped", client.number).isFalse();
      }
      // A Get may be served from the key cache, without the database, or sent again to B: the
      // first Create shows the write path's failover.
      log.info(
          "first Create of each client {} ms after the Galera kill, {} ms after the server kill",
          firstCreateAfter(clients, databaseKilled),
          firstCreateAfter(clients, serverKilled));
      int total = succeeded(clients);
      log.info(
          "{} operations acknowledged ({} after the server kill), {} refused or broken; Galera node"
              + " 1 rejoined in {} ms, server A served again {} ms after its restart",
          total,
          total - beforeServerKill,
          clients.stream().mapToInt(c -> c.failures.size()).sum(),
          rejoinMillis,
          restartMillis);
      for (Client client : clients) {
        log.info(
            "client {}: first failures {}",
            client.number,
            client.failures.stream().limit(3).toList());
      }

      List<String> acknowledged = new ArrayList<>();
      clients.forEach(c -> acknowledged.addAll(c.created));
      assertThat(new HashSet<>(acknowledged))
          .as("no identifier acknowledged twice")
          .hasSameSizeAs(acknowledged);
      assertThat(clients.stream().flatMap(c -> c.notFound.stream()).toList())
          .as("acknowledged keys a Get did not find during the run")
          .isEmpty();
      // The server makes every identifier here: a Create cut off by a kill is either stored and
      // acknowledged or not stored, never refused as a duplicate of the row its own first attempt
      // committed; and a request the database node's loss cut off runs again on the next node.
      assertThat(clients.stream().flatMap(c -> c.alreadyExists.stream()).toList())
          .as("Creates answered Object Already Exists for a server-made identifier")
          .isEmpty();
      for (ArcaProcess server : servers) {
        server.logErrors(); // a General Failure's reference leads to its stack trace there
      }
      // Not asserted yet: a request the node's loss holds up past every retry is still answered
      // General Failure now and then (one in about 6,000 on a clean-clone run); docs/SCALING.md.
      log.info(
          "requests answered General Failure during the kills: {}",
          clients.stream().flatMap(c -> c.generalFailures.stream()).toList());
      assertThat(afterDatabaseKill)
          .as("each client's first success after the database node's kill, ms")
          .allSatisfy(millis -> assertThat(millis).isBetween(0L, FAILOVER_BUDGET_MILLIS));
      assertThat(afterServerKill)
          .as("each client's first success after server A's kill, ms")
          .allSatisfy(millis -> assertThat(millis).isBetween(0L, FAILOVER_BUDGET_MILLIS));

      // Every acknowledged key is served by both servers, the restarted one included, and held
      // by every database node.
      for (ArcaProcess server : servers) {
        assertThat(missingThrough(server, pki, acknowledged))
            .as("acknowledged keys that %s does not serve", server.nodeId)
            .isEmpty();
      }
      for (int n = 1; n <= 3; n++) {
        assertThat(storedOn(cluster.url(n) + database))
            .as("database node %d holds every acknowledged key", n)
            .containsAll(acknowledged);
      }

      // A clean stop writes what each server still holds of its audit chain.
      a.stop();
      b.stop();
      StringWriter report = new StringWriter();
      boolean intact =
          AuditVerifier.verify(
              DatabaseConfig.mariadb(sequential(dbHosts, 0, database), TestMariaDb.USER, null),
              LocalKek.openOrCreate(kek, new SecureRandom()),
              null,
              new PrintWriter(report));
      log.info("audit verify:\n{}", report);
      assertThat(intact).as(report.toString()).isTrue();
      assertThat(report.toString()).contains("chain node-a", "chain node-b");
    } finally {
      for (Client client : clients) {
        client.thread.interrupt();
        client.kmip.close();
      }
      for (ArcaProcess server : servers) {
        server.kill();
      }
      cluster.stop();
    }
  }

  /** The three database nodes in sequential mode, starting with the node at {@code first}. */
  private static String sequential(List<String> hosts, int first, String database) {
    List<String> order = new ArrayList<>();
    for (int i = 0; i < hosts.size(); i++) {
      order.add(hosts.get((first + i) % hosts.size()));
    }
    return "jdbc:mariadb:sequential://" + String.join(",", order) + "/" + database;
  }

  private static int succeeded(List<Client> clients) {
    return clients.stream().mapToInt(c -> c.successes.size()).sum();
  }

  /**
   * For each client, how long after {@code since} its first operation succeeded, waiting up to
   * three times the budget (a longer wait is reported as such, and fails the assertion).
   */
  private static List<Long> firstSuccessAfter(List<Client> clients, long since)
      throws InterruptedException {
    long deadline = since + TimeUnit.MILLISECONDS.toNanos(3 * FAILOVER_BUDGET_MILLIS);
    List<Long> millis = new ArrayList<>();
    for (Client client : clients) {
      Long first = null;
      while (first == null && System.nanoTime() < deadline) {
        first = client.successes.stream().filter(t -> t - since > 0).findFirst().orElse(null);
        if (first == null) {
          Thread.sleep(20);
        }
      }
      millis.add(first == null ? Long.MAX_VALUE : TimeUnit.NANOSECONDS.toMillis(first - since));
    }
    return millis;
  }

  /** For each client, how long after {@code since} its first Create succeeded, ms (-1: none). */
  private static List<Long> firstCreateAfter(List<Client> clients, long since) {
    List<Long> millis = new ArrayList<>();
    for (Client client : clients) {
      millis.add(
          client.creates.stream()
              .filter(t -> t - since > 0)
              .findFirst()
              .map(t -> TimeUnit.NANOSECONDS.toMillis(t - since))
              .orElse(-1L));
    }
    return millis;
  }

  private static List<String> missingThrough(
      ArcaProcess server, DevelopmentPki pki, List<String> uids) throws IOException {
    ClientConfig only =
        new ClientConfig(
            "127.0.0.1:" + server.port,
            ClientConfig.KMIP_PORT,
            pki.caCertificate(),
            pki.adminCertificate(),
            pki.adminKey(),
            null,
            null);
    List<String> missing = new ArrayList<>();
    try (KmipClient client = KmipClient.create(only, 1)) {
      for (String uid : uids) {
        try {
          client.get(uid, null);
        } catch (KmipOperationException e) {
          missing.add(uid + " (" + e.getMessage() + ")");
        }
      }
    }
    return missing;
  }

  private static Set<String> storedOn(String url) throws Exception {
    Set<String> uids = new HashSet<>();
    try (Connection c = DriverManager.getConnection(url, TestMariaDb.USER, "");
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT uid FROM objects")) {
      while (rows.next()) {
        uids.add(rows.getString(1));
      }
    }
    return uids;
  }

  /** One client thread: creates a key, then gets one of its keys, until told to stop. */
  private static final class Client {
    final int number;
    final KmipClient kmip;
    final Thread thread;

    /** Written by the client's thread only; read by the test after it stopped. */
    final List<String> created = new ArrayList<>();

    final ConcurrentLinkedQueue<Long> successes = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Long> creates = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> notFound = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> alreadyExists = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> generalFailures = new ConcurrentLinkedQueue<>();

    Client(int number, KmipClient kmip, AtomicBoolean running) {
      this.number = number;
      this.kmip = kmip;
      this.thread = new Thread(() -> run(running), "failover-client-" + number);
    }

    String serverInUse() {
      return kmip.serverInUse();
    }

    private void run(AtomicBoolean running) {
      while (running.get() && !Thread.currentThread().isInterrupted()) {
        try {
          String uid = kmip.create(ObjectType.SYMMETRIC_KEY, aes128());
          created.add(uid);
          long now = System.nanoTime();
          creates.add(now);
          successes.add(now);
        } catch (KmipOperationException e) {
          tally("Create", e);
        } catch (IOException | RuntimeException e) {
          failures.add("Create: " + e);
        }
        if (created.isEmpty()) {
          continue;
        }
        String known = created.get(ThreadLocalRandom.current().nextInt(created.size()));
        try {
          kmip.get(known, null);
          successes.add(System.nanoTime());
        } catch (KmipOperationException e) {
          if (e.resultReason() == ResultReason.ITEM_NOT_FOUND) {
            notFound.add(known);
          }
          tally("Get", e);
        } catch (IOException | RuntimeException e) {
          failures.add("Get: " + e);
        }
      }
    }

    private void tally(String operation, KmipOperationException e) {
      String failure = operation + ": " + e;
      failures.add(failure);
      if (e.resultReason() == ResultReason.OBJECT_ALREADY_EXISTS) {
        alreadyExists.add(failure);
      } else if (e.resultReason() == ResultReason.GENERAL_FAILURE) {
        generalFailures.add(failure);
      }
    }

    private static Attributes aes128() {
      return Attributes.of(
          Attribute.of(
              new TtlvEnumeration(
                  Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
          Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128)));
    }
  }

  /**
   * One Arca server as a process of its own, on a port kept across restarts so that the clients
   * find it again where they were told it is.
   */
  private static final class ArcaProcess {
    final String nodeId;
    final Path dataDir;
    final int port;
    private final List<String> command;
    private @Nullable Process process;

    ArcaProcess(String nodeId, Path dataDir, DevelopmentPki pki, Path kek, String databaseUrl)
        throws IOException {
      this.nodeId = nodeId;
      this.dataDir = dataDir;
      this.port = freePort();
      Files.createDirectories(dataDir);
      Files.copy(kek, dataDir.resolve("kek"));
      Path root = Path.of(System.getProperty("arca.root", "..")).toAbsolutePath().normalize();
      this.command =
          List.of(
              root.resolve("bin/arca-server").toString(),
              "--bind=127.0.0.1",
              "--port=" + port,
              "--data-dir=" + dataDir,
              "--tls-cert=" + pki.serverCertificate(),
              "--tls-key=" + pki.serverKey(),
              "--tls-client-ca=" + pki.caCertificate(),
              "--database-url=" + databaseUrl,
              "--database-user=" + TestMariaDb.USER,
              "--node-id=" + nodeId,
              "--admin-bind=off");
    }

    private static int freePort() throws IOException {
      try (ServerSocket probe = new ServerSocket(0)) {
        return probe.getLocalPort();
      }
    }

    private Path log() {
      return dataDir.resolve("arca-server.log");
    }

    /** Copies the server's ERROR lines, each with the stack trace after it, to the test's log. */
    void logErrors() throws IOException {
      List<Path> logs;
      try (var files = Files.list(dataDir)) {
        logs = files.filter(f -> f.getFileName().toString().startsWith("arca-server")).toList();
      }
      for (Path file : logs) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).contains(" ERROR ")) {
            log.warn(
                "{} logged: {}",
                nodeId,
                String.join("\n", lines.subList(i, Math.min(lines.size(), i + 25))));
          }
        }
      }
    }

    void start() throws IOException {
      if (Files.exists(log())) { // kept for logErrors: what the killed process logged
        Files.move(log(), dataDir.resolve("arca-server-" + System.nanoTime() + ".log"));
      }
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
              .start();
    }

    void awaitListening() throws Exception {
      Process process = Objects.requireNonNull(this.process, "not started");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (System.nanoTime() < deadline) {
        if (Files.exists(log())
            && Files.readString(log(), StandardCharsets.UTF_8).contains("Arca listens on")) {
          return;
        }
        if (!process.isAlive()) {
          throw new IllegalStateException(
              nodeId + " exited: " + Files.readString(log(), StandardCharsets.UTF_8));
        }
        Thread.sleep(100);
      }
      throw new IllegalStateException(nodeId + " did not listen within 120 s; see " + log());
    }

    /** {@code kill -9}: no shutdown hook, no flush. */
    void kill() throws InterruptedException {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }

    /** SIGTERM: the server finishes what is in flight and writes its pending records. */
    void stop() throws InterruptedException {
      Process process = Objects.requireNonNull(this.process, "not started");
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException(nodeId + " did not stop within 60 s");
      }
    }
  }
}
