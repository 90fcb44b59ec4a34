package io.arca.server.store;

import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.TestMariaDb;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on the build's private MariaDB server. */
class MariaDbDatabaseStoreIT extends DatabaseStoreContract {
  @BeforeAll
  static void requireServer() {
    TestMariaDb.requireServer();
  }

  @Override
  protected DatabaseConfig freshDatabase(Path dataDir) throws Exception {
    return TestMariaDb.freshDatabase("arca_store");
  }

  @Override
  protected byte[] dump(DatabaseConfig config, Path dataDir) throws Exception {
    return TestMariaDb.dump(config);
  }
}
