package io.arca.persistence;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Two servers started at once on a new MariaDB database: one migrates it while the other waits, and
 * both open it at the latest schema version. Without the migration lease both ran the scripts and
 * one failed ("Can't DROP FOREIGN KEY").
 */
class MariaDbMigrationRaceIT {
  @BeforeAll
  static void requireServer() {
    TestMariaDb.requireServer();
  }

  @RepeatedTest(3)
  void twoServersStartedAtOnceBothOpenTheMigratedSchema() throws Exception {
    DatabaseConfig config = TestMariaDb.freshDatabase("arca_race_it");
    MigrationRace.openAllAtOnceAndCheck(List.of(config, config));
  }
}
