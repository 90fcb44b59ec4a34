package io.arca.persistence;

import org.junit.jupiter.api.BeforeAll;

/** The settings contract on a real MariaDB server ({@link TestMariaDb}). */
class MariaDbSettingsIT extends SettingsContract {

  @BeforeAll
  static void requireServer() {
    TestMariaDb.requireServer();
  }

  @Override
  protected DatabaseConfig freshDatabase() throws Exception {
    return TestMariaDb.freshDatabase("arca_settings_it");
  }
}
