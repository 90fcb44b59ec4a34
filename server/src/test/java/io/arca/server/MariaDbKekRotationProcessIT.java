package io.arca.server;

import io.arca.persistence.TestMariaDb;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/** {@link KekRotationProcessContract} on the build's private MariaDB. */
class MariaDbKekRotationProcessIT extends KekRotationProcessContract {
  @BeforeAll
  static void requireServer() {
    TestMariaDb.requireServer();
  }

  @Override
  List<String> databaseFlags() throws Exception {
    return List.of(
        "--database-url",
        TestMariaDb.freshDatabase("arca_kek_process").jdbcUrl(),
        "--database-user",
        TestMariaDb.USER);
  }
}
