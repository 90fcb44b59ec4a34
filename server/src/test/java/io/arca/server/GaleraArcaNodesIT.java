package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Destroy;
import io.arca.kmip.payload.Get;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.TestGalera;
import io.arca.persistence.TestMariaDb;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two Arca nodes over mutual TLS on a three-node Galera cluster, each writing through a different
 * database node (node A through database node 1, node B through node 2): the hardest layout for
 * uniqueness, which must then be decided by the cluster, and for a change made on one node to reach
 * the other.
 */
class GaleraArcaNodesIT {
  private static final Logger log = LoggerFactory.getLogger(GaleraArcaNodesIT.class);
  private static final ProtocolVersion V = ProtocolVersion.V2_1;

  @TempDir static Path dir;
  private static TestGalera cluster;
  private static Arca nodeA;
  private static Arca nodeB;
  private static SSLContext admin;

  @BeforeAll
  static void start() throws Exception {
    cluster = TestGalera.start();
    DatabaseConfig database = cluster.freshDatabase("arca_nodes").get(0);
    String name = database.jdbcUrl().substring(database.jdbcUrl().lastIndexOf('/') + 1);
    List<String> hosts = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      hosts.add(cluster.url(n).replace("jdbc:mariadb://", "").replace("/", ""));
    }
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    nodeA = Arca.start(config(dir.resolve("a"), tls, hosts, name), TlsContexts.server(tls));
    // Every node must hold the cluster's KEK: B gets A's local KEK before it starts.
    Files.createDirectories(dir.resolve("b"));
    Files.copy(
        dir.resolve("a").resolve("kek"),
        dir.resolve("b").resolve("kek"),
        StandardCopyOption.COPY_ATTRIBUTES);
    List<String> fromNodeTwo = List.of(hosts.get(1), hosts.get(2), hosts.get(0));
    nodeB = Arca.start(config(dir.resolve("b"), tls, fromNodeTwo, name), TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
  }

  private static ServerConfig config(
      Path dataDir, ServerConfig.Tls tls, List<String> hosts, String database) {
    ServerConfig base = TestServers.config(dataDir, tls, 64, 64 * 1024);
    return new ServerConfig(
        base.bind(),
        base.port(),
        base.dataDir(),
        base.tls(),
        base.identityFrom(),
        base.limits(),
        base.workerThreads(),
        base.logLevel(),
        base.interop(),
        new ServerConfig.Storage(
            "jdbc:mariadb:sequential://" + String.join(",", hosts) + "/" + database,
            TestMariaDb.USER,
            null,
            8,
            null,
            10_000,
            Duration.ofMinutes(10),
            Duration.ofSeconds(1)));
  }

  @AfterAll
  static void stop() throws Exception {
    if (nodeA != null) {
      nodeA.close();
    }
    if (nodeB != null) {
      nodeB.close();
    }
    if (cluster != null) {
      cluster.stop();
    }
  }

  @Test
  void destroyOnOneNodeIsRefusedOnTheOtherWithinTheKeyCacheRecheck() throws Exception {
    try (SSLSocket a = TestClients.connect(admin, nodeA.port());
        SSLSocket b = TestClients.connect(admin, nodeB.port())) {
      String uid =
          DuplicateNamesEndToEndTest.uid(
              DuplicateNamesEndToEndTest.createNamed(a, V, "destroyed-across-nodes"), V);
      assertThat(get(b, uid).resultStatus())
          .as("B serves, and caches, A's key")
          .isEqualTo(ResultStatus.SUCCESS);

      ResponseBatchItem destroyed =
          DuplicateNamesEndToEndTest.call(
              a, V, Operation.DESTROY, new Destroy.Request(uid).encode(V));
      assertThat(destroyed.resultStatus()).isEqualTo(ResultStatus.SUCCESS);
      long destroyedAt = System.nanoTime();
      long refusedAfterMillis = -1;
      while (System.nanoTime() - destroyedAt < TimeUnit.SECONDS.toNanos(5)) {
        if (get(b, uid).resultStatus() != ResultStatus.SUCCESS) {
          refusedAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - destroyedAt);
          break;
        }
        Thread.sleep(20);
      }
      log.info("Get on B refused {} ms after the Destroy on A", refusedAfterMillis);
      // The recheck interval is 1 s; the polling step and a round trip on a loaded 2-core machine
      // are the slack.
      assertThat(refusedAfterMillis).isBetween(0L, 1_250L);
    }
  }

  @Test
  void twoNodesRacingForOneNameLeaveOneObject() throws Exception {
    race(
        round -> "raced-name-" + round,
        (socket, label) -> DuplicateNamesEndToEndTest.createNamed(socket, V, label));
  }

  @Test
  void twoNodesRacingForOneChosenIdentifierLeaveOneObject() throws Exception {
    race(round -> "raced-uid-" + round, GaleraArcaNodesIT::createWithIdentifier);
  }

  private interface Creation {
    ResponseBatchItem create(SSLSocket socket, String label) throws Exception;
  }

  private interface Labels {
    String of(int round);
  }

  /** Each round, a client of A and a client of B create at once: exactly one succeeds. */
  private static void race(Labels labels, Creation creation) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<String> wrong = new ArrayList<>();
    try (SSLSocket a = TestClients.connect(admin, nodeA.port());
        SSLSocket b = TestClients.connect(admin, nodeB.port())) {
      for (int round = 0; round < 20; round++) {
        String label = labels.of(round);
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<ResponseBatchItem>> answers = new ArrayList<>();
        for (SSLSocket socket : List.of(a, b)) {
          Callable<ResponseBatchItem> create =
              () -> {
                start.await(10, TimeUnit.SECONDS);
                return creation.create(socket, label);
              };
          answers.add(pool.submit(create));
        }
        int created = 0;
        for (Future<ResponseBatchItem> answer : answers) {
          if (answer.get(60, TimeUnit.SECONDS).resultStatus() == ResultStatus.SUCCESS) {
            created++;
          }
        }
        if (created != 1) {
          wrong.add(label + ": " + created + " created");
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(wrong).as("rounds without exactly one object created").isEmpty();
  }

  private static ResponseBatchItem createWithIdentifier(SSLSocket socket, String uid)
      throws Exception {
    Attributes attributes =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128)),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), 12)),
            Attribute.of(new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), uid)));
    return DuplicateNamesEndToEndTest.call(
        socket,
        V,
        Operation.CREATE,
        Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(V));
  }

  private static ResponseBatchItem get(SSLSocket socket, String uid) throws Exception {
    return DuplicateNamesEndToEndTest.call(socket, V, Operation.GET, Get.Request.of(uid).encode(V));
  }
}
