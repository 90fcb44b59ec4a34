package io.arca.server.audit;

import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.TestMariaDb;

/** The same rewrites of the audit log, on MariaDB. */
class AuditTamperMariaDbIT extends AuditTamperTest {
  @Override
  DatabaseConfig config() throws Exception {
    TestMariaDb.requireServer();
    return TestMariaDb.freshDatabase("audit_tamper");
  }
}
