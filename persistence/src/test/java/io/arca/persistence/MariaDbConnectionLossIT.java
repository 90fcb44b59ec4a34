package io.arca.persistence;

import org.junit.jupiter.api.BeforeAll;

/** The connection-loss contract on a real MariaDB server ({@link TestMariaDb}). */
class MariaDbConnectionLossIT extends ConnectionLossContract {
  @BeforeAll
  static void requireServer() {
    TestMariaDb.requireServer();
  }

  @Override
  protected DatabaseConfig freshDatabase() throws Exception {
    return TestMariaDb.freshDatabase("arca_loss_it");
  }
}
