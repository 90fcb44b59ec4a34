package io.arca.server;

import io.arca.persistence.TestMariaDb;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/** {@link BackupRestoreProcessContract} on the build's private MariaDB, one database each side. */
class MariaDbBackupRestoreProcessIT extends BackupRestoreProcessContract {
  @BeforeAll
  static void requireServer() {
    TestMariaDb.requireServer();
  }

  @Override
  List<String> freshDatabaseFlags() throws Exception {
    return List.of(
        "--database-url",
        TestMariaDb.freshDatabase("arca_backup_process").jdbcUrl(),
        "--database-user",
        TestMariaDb.USER);
  }
}
