package io.arca.persistence;

import org.junit.jupiter.api.BeforeAll;

/** Unique names on a real MariaDB server ({@link TestMariaDb}), one database per test. */
class MariaDbUniqueNamesIT extends UniqueNamesContract {

  @BeforeAll
  static void requireServer() {
    TestMariaDb.requireServer();
  }

  @Override
  protected DatabaseConfig freshDatabase() throws Exception {
    return TestMariaDb.freshDatabase("arca_names_it");
  }
}
