package io.arca.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The connection-loss contract on the embedded SQLite database, one file per test. */
class SqliteConnectionLossTest extends ConnectionLossContract {
  @TempDir Path tmp;
  private int databases;

  @Override
  protected DatabaseConfig freshDatabase() throws Exception {
    return DatabaseConfig.sqlite(Files.createDirectories(tmp.resolve("data-" + databases++)));
  }
}
