package io.arca.server;

import io.arca.persistence.DatabaseConfig;
import io.arca.server.config.ServerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link RequestBoundsContract} on the embedded database. */
class RequestBoundsEndToEndTest extends RequestBoundsContract {
  @TempDir static Path dir;

  @Override
  Path dataDir() {
    return dir;
  }

  @Override
  ServerConfig.Storage storage() {
    return ServerConfig.Storage.EMBEDDED;
  }

  @Override
  DatabaseConfig database() {
    return DatabaseConfig.sqlite(dir);
  }
}
