package io.arca.server;

import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.TestMariaDb;
import io.arca.server.config.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;

/** {@link RequestBoundsContract} on a private MariaDB. */
class RequestBoundsMariaDbIT extends RequestBoundsContract {
  @TempDir static Path dir;
  private @Nullable DatabaseConfig database;

  @Override
  Path dataDir() {
    return dir;
  }

  @Override
  ServerConfig.Storage storage() throws Exception {
    TestMariaDb.requireServer();
    database = TestMariaDb.freshDatabase("arca_bounds");
    return new ServerConfig.Storage(
        database.jdbcUrl(),
        TestMariaDb.USER,
        null,
        4,
        null,
        100,
        Duration.ofMinutes(1),
        Duration.ofSeconds(1));
  }

  @Override
  DatabaseConfig database() {
    return Objects.requireNonNull(database, "storage() made it");
  }
}
