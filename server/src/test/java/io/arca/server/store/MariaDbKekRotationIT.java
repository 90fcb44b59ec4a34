package io.arca.server.store;

import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.TestMariaDb;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;

/** KEK checks and rotation on the build's private MariaDB server. */
class MariaDbKekRotationIT extends KekRotationContract {
  @BeforeAll
  static void requireServer() {
    TestMariaDb.requireServer();
  }

  @Override
  protected DatabaseConfig freshDatabase(Path dataDir) throws Exception {
    return TestMariaDb.freshDatabase("arca_kek");
  }

  @Override
  protected byte[] dump(DatabaseConfig config, Path dataDir) throws Exception {
    return TestMariaDb.dump(config);
  }
}
