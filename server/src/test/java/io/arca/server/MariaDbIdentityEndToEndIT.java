package io.arca.server;

import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.TestMariaDb;
import io.arca.server.config.ServerConfig;
import java.time.Duration;

/**
 * Identities over real mutual TLS with the build's private MariaDB server, whose PAD SPACE
 * collation once gave {@code "user2 "} the grants of {@code user2}.
 */
class MariaDbIdentityEndToEndIT extends IdentityEndToEndContract {
  @Override
  protected ServerConfig.Storage storage() throws Exception {
    TestMariaDb.requireServer();
    DatabaseConfig database = TestMariaDb.freshDatabase("arca_identity_e2e");
    return new ServerConfig.Storage(
        database.jdbcUrl(),
        TestMariaDb.USER,
        null,
        4,
        null,
        10_000,
        Duration.ofMinutes(10),
        Duration.ofSeconds(1));
  }
}
