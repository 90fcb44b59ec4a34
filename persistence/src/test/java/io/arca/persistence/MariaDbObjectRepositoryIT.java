package io.arca.persistence;

import org.junit.jupiter.api.BeforeAll;

/**
 * The repository contract on a real MariaDB server ({@link TestMariaDb}), one database per test.
 */
class MariaDbObjectRepositoryIT extends ObjectRepositoryContract {

  @BeforeAll
  static void requireServer() {
    TestMariaDb.requireServer();
  }

  @Override
  protected DatabaseConfig freshDatabase() throws Exception {
    return TestMariaDb.freshDatabase("arca_it");
  }

  @Override
  protected byte[] dump(DatabaseConfig config) throws Exception {
    return TestMariaDb.dump(config);
  }
}
