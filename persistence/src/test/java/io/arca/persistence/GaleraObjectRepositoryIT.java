package io.arca.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The object repository on a three-node Galera cluster, one repository per node over one database:
 * writes that collide across nodes are decided by the cluster (a commit that loses certification
 * runs again and then sees the winner), and what one node acknowledged is found on every node.
 */
class GaleraObjectRepositoryIT {
  private static TestGalera cluster;

  private final List<Database> databases = new ArrayList<>();
  private final List<JdbcObjectRepository> nodes = new ArrayList<>();

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = TestGalera.start();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.stop();
    }
  }

  @BeforeEach
  void openEveryNode() throws Exception {
    for (DatabaseConfig config : cluster.freshDatabase("galera_it")) {
      Database database = Database.open(config);
      databases.add(database);
      nodes.add(new JdbcObjectRepository(database));
    }
    assertThat(databases).allSatisfy(d -> assertThat(d.galera()).isTrue());
  }

  @AfterEach
  void closeEveryNode() {
    nodes.forEach(JdbcObjectRepository::close);
    databases.forEach(Database::close);
  }

  @Test
  void objectStoredThroughOneNodeIsFoundThroughTheOthersAtOnce() {
    List<String> missed = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String uid = "written-" + i;
      nodes.get(i % 3).insert(ObjectRepositoryContract.key(uid, "alice", "Active"));
      if (nodes.get((i + 1) % 3).find(uid).isEmpty()) {
        missed.add(uid);
      }
    }
    assertThat(missed).as("acknowledged objects another node answered missing").isEmpty();
  }

  @Test
  void twoNodesRacingForOneIdentifierStoreItOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<String> wrong = new ArrayList<>();
    try {
      for (int round = 0; round < 150; round++) {
        String uid = "contested-" + round;
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<String>> racers = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
          JdbcObjectRepository node = nodes.get(n);
          String owner = "owner-" + n;
          racers.add(
              pool.submit(
                  () -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                      node.insert(ObjectRepositoryContract.key(uid, owner, "Active"));
                      return "stored";
                    } catch (DuplicateObjectException e) {
                      return "duplicate";
                    } catch (RuntimeException e) {
                      return e.toString();
                    }
                  }));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> racer : racers) {
          outcomes.add(racer.get(60, TimeUnit.SECONDS));
        }
        if (!outcomes.containsAll(List.of("stored", "duplicate"))) {
          wrong.add(uid + ": " + outcomes);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(wrong).as("rounds without exactly one winner and one duplicate").isEmpty();
  }
}
