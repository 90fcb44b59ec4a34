package io.arca.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures durable inserts per second on SQLite with 1 and 16 callers, through the group-commit
 * writer and, for comparison, one transaction per insert on a pooled connection. It logs the rates
 * (see the surefire output file) and asserts only that every insert is stored: timings vary too
 * much to assert.
 */
class GroupCommitThroughputTest {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitThroughputTest.class);

  /**
   * Small by default so the build stays quick; {@code -Darca.bench.inserts=5000} for a longer run.
   */
  private static final int INSERTS = Integer.getInteger("arca.bench.inserts", 800);

  @TempDir Path tmp;

  @Test
  void measureInsertRates() throws Exception {
    for (int callers : new int[] {1, 16}) {
      measure("group commit", callers, true);
      measure("one commit per insert", callers, false);
    }
  }

  private void measure(String how, int callers, boolean groupCommit) throws Exception {
    Path dir = tmp.resolve((groupCommit ? "group-" : "single-") + callers);
    java.nio.file.Files.createDirectories(dir);
    try (Database database = Database.open(DatabaseConfig.sqlite(dir));
        JdbcObjectRepository repository = new JdbcObjectRepository(database)) {
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      long start = System.nanoTime();
      try {
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < callers; t++) {
          int thread = t;
          work.add(
              pool.submit(
                  () -> {
                    for (int i = thread; i < INSERTS; i += callers) {
                      StoredObject o = ObjectRepositoryContract.key("t-" + i, "alice", "Active");
                      if (groupCommit) {
                        repository.insert(o);
                      } else {
                        insertAlone(database, o.atVersion(1));
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> f : work) {
          f.get(300, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      log.info(
          "SQLite, {}, {} caller(s): {} inserts in {} s = {} inserts/s",
          how,
          callers,
          INSERTS,
          String.format("%.2f", seconds),
          Math.round(INSERTS / seconds));
      assertThat(repository.locate(ObjectCriteria.all(INSERTS + 1))).hasSize(INSERTS);
    }
  }

  private static Void insertAlone(Database database, StoredObject o) throws Exception {
    try (Connection c = database.connection()) {
      ObjectRows.insert(c, List.of(o), UniqueNames.none());
      c.commit();
    }
    return null;
  }
}
