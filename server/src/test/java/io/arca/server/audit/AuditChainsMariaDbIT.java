package io.arca.server.audit;

import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.TestMariaDb;

/** Two nodes' audit chains in one MariaDB database. */
class AuditChainsMariaDbIT extends AuditChainsTest {
  @Override
  DatabaseConfig config() throws Exception {
    TestMariaDb.requireServer();
    return TestMariaDb.freshDatabase("audit_chains");
  }
}
