package io.arca.server.store;

import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.DatabaseDumps;
import java.nio.file.Path;

/** KEK checks and rotation on the embedded database. */
class SqliteKekRotationTest extends KekRotationContract {
  @Override
  protected DatabaseConfig freshDatabase(Path dataDir) {
    return DatabaseConfig.sqlite(dataDir);
  }

  @Override
  protected byte[] dump(DatabaseConfig config, Path dataDir) throws Exception {
    return DatabaseDumps.sqlite(dataDir);
  }
}
