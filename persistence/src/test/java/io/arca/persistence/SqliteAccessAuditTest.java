package io.arca.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The grant and audit contract on the embedded SQLite database. */
class SqliteAccessAuditTest extends AccessAuditContract {
  @TempDir Path tmp;

  @Override
  protected DatabaseConfig freshDatabase() throws Exception {
    return DatabaseConfig.sqlite(Files.createDirectories(tmp.resolve("data")));
  }
}
