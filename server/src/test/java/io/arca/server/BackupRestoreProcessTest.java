package io.arca.server;

import java.util.List;

/** {@link BackupRestoreProcessContract} on the embedded database (SQLite in the data directory). */
class BackupRestoreProcessTest extends BackupRestoreProcessContract {
  @Override
  List<String> freshDatabaseFlags() {
    return List.of();
  }
}
