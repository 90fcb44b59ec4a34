package io.arca.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A repository over the three Galera nodes in the connector's sequential mode keeps storing objects
 * when the node it uses is killed, loses none it acknowledged, and the killed node rejoins with
 * every one of them.
 */
class GaleraFailoverIT {
  private static final long MAX_GAP_NANOS = TimeUnit.SECONDS.toNanos(5);

  private static TestGalera cluster;

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

  @Test
  void killingTheNodeInUseLosesNoAcknowledgedObjectAndItRejoinsWithThemAll() throws Exception {
    List<DatabaseConfig> perNode = cluster.freshDatabase("failover_it");
    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong longestGap = new AtomicLong();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Database database = Database.open(cluster.sequential(perNode.get(0)));
        JdbcObjectRepository repository = new JdbcObjectRepository(database)) {
      Future<?> writer =
          pool.submit(
              () -> {
                long last = System.nanoTime();
                for (int i = 0; !stop.get(); i++) {
                  String uid = "failover-" + i;
                  try {
                    repository.insert(ObjectRepositoryContract.key(uid, "alice", "Active"));
                    acknowledged.add(uid);
                    long now = System.nanoTime();
                    longestGap.accumulateAndGet(now - last, Math::max);
                    last = now;
                  } catch (RuntimeException e) {
                    failures.add(uid + ": " + e);
                  }
                }
              });
      waitFor(acknowledged, 50);
      cluster.kill(1);
      int before = acknowledged.size();
      waitFor(acknowledged, before + 200);
      cluster.restart(1);
      stop.set(true);
      writer.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    assertThat(longestGap.get())
        .as("longest pause between two acknowledged objects (failures: %s)", failures)
        .isLessThan(MAX_GAP_NANOS);
    for (int node = 1; node <= 3; node++) {
      try (Database database = Database.open(perNode.get(node - 1));
          JdbcObjectRepository repository = new JdbcObjectRepository(database)) {
        List<String> missing = new ArrayList<>();
        for (String uid : acknowledged) {
          if (repository.find(uid).isEmpty()) {
            missing.add(uid);
          }
        }
        assertThat(missing).as("acknowledged objects missing on node %s", node).isEmpty();
      }
    }
    assertThat(cluster.size(1)).as("the killed node rejoined").isEqualTo(3);
  }

  private static void waitFor(ConcurrentLinkedQueue<String> acknowledged, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (acknowledged.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(acknowledged.size())
        .as("objects acknowledged within 60 s")
        .isGreaterThanOrEqualTo(count);
  }
}
