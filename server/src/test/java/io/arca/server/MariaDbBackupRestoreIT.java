package io.arca.server;

import io.arca.persistence.TestMariaDb;
import io.arca.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * Backup and restore on the build's private MariaDB server: MariaDB to MariaDB, and across the two
 * kinds of database both ways (a backup does not depend on the database that made it).
 */
class MariaDbBackupRestoreIT {
  @BeforeAll
  static void requireServer() {
    TestMariaDb.requireServer();
  }

  static ServerConfig.Storage mariadb() throws Exception {
    return new ServerConfig.Storage(
        TestMariaDb.freshDatabase("arca_backup").jdbcUrl(),
        TestMariaDb.USER,
        null,
        4,
        null,
        10_000,
        Duration.ofMinutes(10),
        Duration.ofSeconds(1));
  }

  @Nested
  class MariaDbToMariaDb extends BackupRestoreContract {
    @Override
    protected ServerConfig.Storage sourceStorage(Path dataDir) throws Exception {
      return mariadb();
    }

    @Override
    protected ServerConfig.Storage targetStorage(Path dataDir) throws Exception {
      return mariadb();
    }
  }

  @Nested
  class SqliteToMariaDb extends BackupRestoreContract {
    @Override
    protected ServerConfig.Storage sourceStorage(Path dataDir) {
      return ServerConfig.Storage.EMBEDDED;
    }

    @Override
    protected ServerConfig.Storage targetStorage(Path dataDir) throws Exception {
      return mariadb();
    }
  }

  @Nested
  class MariaDbToSqlite extends BackupRestoreContract {
    @Override
    protected ServerConfig.Storage sourceStorage(Path dataDir) throws Exception {
      return mariadb();
    }

    @Override
    protected ServerConfig.Storage targetStorage(Path dataDir) {
      return ServerConfig.Storage.EMBEDDED;
    }
  }
}
