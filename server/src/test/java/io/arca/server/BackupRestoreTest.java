package io.arca.server;

import io.arca.server.config.ServerConfig;
import java.nio.file.Path;

/** Backup and restore on the embedded database, SQLite to SQLite. */
class BackupRestoreTest extends BackupRestoreContract {
  @Override
  protected ServerConfig.Storage sourceStorage(Path dataDir) {
    return ServerConfig.Storage.EMBEDDED;
  }

  @Override
  protected ServerConfig.Storage targetStorage(Path dataDir) {
    return ServerConfig.Storage.EMBEDDED;
  }
}
