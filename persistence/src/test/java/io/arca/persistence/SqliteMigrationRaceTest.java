package io.arca.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers opening one new SQLite file at once: the first migration's transaction holds the
 * write lock from its start, so the second finds the schema migrated.
 */
class SqliteMigrationRaceTest {
  @TempDir Path tmp;

  @RepeatedTest(3)
  void twoOpensAtOnceBothFindTheMigratedSchema() throws Exception {
    DatabaseConfig config = DatabaseConfig.sqlite(Files.createDirectories(tmp.resolve("data")));
    MigrationRace.openAllAtOnceAndCheck(List.of(config, config));
  }
}
