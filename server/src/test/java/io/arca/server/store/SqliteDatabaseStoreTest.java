package io.arca.server.store;

import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.DatabaseDumps;
import java.nio.file.Path;

/** The store contract on the embedded database. */
class SqliteDatabaseStoreTest extends DatabaseStoreContract {
  @Override
  protected DatabaseConfig freshDatabase(Path dataDir) {
    return DatabaseConfig.sqlite(dataDir);
  }

  @Override
  protected byte[] dump(DatabaseConfig config, Path dataDir) throws Exception {
    return DatabaseDumps.sqlite(dataDir);
  }
}
