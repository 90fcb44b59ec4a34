package io.arca.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Servers started at the same moment on one new database: each opens it (and so migrates it) in a
 * thread of its own, released together by a barrier.
 */
final class MigrationRace {
  private MigrationRace() {}

  /**
   * Opens every config at once and asserts that each open succeeded and found the schema at the
   * latest version, every script recorded once.
   */
  static void openAllAtOnceAndCheck(List<DatabaseConfig> configs) throws Exception {
    CyclicBarrier start = new CyclicBarrier(configs.size());
    ExecutorService pool = Executors.newFixedThreadPool(configs.size());
    try {
      List<Future<List<Integer>>> opened = new ArrayList<>();
      for (DatabaseConfig config : configs) {
        opened.add(
            pool.submit(
                () -> {
                  start.await();
                  try (Database database = Database.open(config)) {
                    return versions(database);
                  }
                }));
      }
      List<Integer> expected = new ArrayList<>();
      for (int v = 1; v <= Migrations.SCRIPTS.size(); v++) {
        expected.add(v);
      }
      for (Future<List<Integer>> f : opened) {
        assertThat(f.get(5, TimeUnit.MINUTES)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Integer> versions(Database database) throws Exception {
    return database.causalRead(
        c -> {
          List<Integer> versions = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet r = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            while (r.next()) {
              versions.add(r.getInt(1));
            }
          }
          return versions;
        });
  }
}
