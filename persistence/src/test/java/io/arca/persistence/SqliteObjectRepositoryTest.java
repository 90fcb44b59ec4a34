package io.arca.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The repository contract on the embedded SQLite database, one file per test. */
class SqliteObjectRepositoryTest extends ObjectRepositoryContract {
  @TempDir Path tmp;
  private int databases;

  @Override
  protected DatabaseConfig freshDatabase() throws Exception {
    Path dataDir = Files.createDirectories(tmp.resolve("data-" + databases++));
    return DatabaseConfig.sqlite(dataDir);
  }

  @Override
  protected byte[] dump(DatabaseConfig config) throws Exception {
    Path file = Path.of(config.jdbcUrl().substring("jdbc:sqlite:".length()));
    return DatabaseDumps.sqlite(file.resolveSibling("."));
  }
}
