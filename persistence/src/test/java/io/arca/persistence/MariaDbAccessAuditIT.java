package io.arca.persistence;

import org.junit.jupiter.api.BeforeAll;

/** The grant and audit contract on a real MariaDB server ({@link TestMariaDb}). */
class MariaDbAccessAuditIT extends AccessAuditContract {

  @BeforeAll
  static void requireServer() {
    TestMariaDb.requireServer();
  }

  @Override
  protected DatabaseConfig freshDatabase() throws Exception {
    return TestMariaDb.freshDatabase("arca_audit_it");
  }
}
