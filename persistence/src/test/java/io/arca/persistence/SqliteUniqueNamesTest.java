package io.arca.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Unique names on the embedded SQLite database, one file per test. */
class SqliteUniqueNamesTest extends UniqueNamesContract {
  @TempDir Path tmp;
  private int databases;

  @Override
  protected DatabaseConfig freshDatabase() throws Exception {
    return DatabaseConfig.sqlite(Files.createDirectories(tmp.resolve("data-" + databases++)));
  }
}
