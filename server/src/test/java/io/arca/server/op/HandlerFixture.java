package io.arca.server.op;

import io.arca.kmip.ProtocolVersion;
import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.JdbcObjectRepository;
import io.arca.server.batch.BatchState;
import io.arca.server.batch.RequestContext;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.store.DatabaseStore;
import io.arca.server.store.KeyCacheSettings;
import io.arca.server.store.LocalKek;
import io.arca.server.store.ObjectStore;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * A real object store for handler tests: SQLite and a local KEK in a temporary directory, and
 * request contexts at a fixed time, one batch each unless a test shares one.
 */
final class HandlerFixture implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-11-29T06:00:00Z");

  private final Database database;
  private final JdbcObjectRepository repository;
  private final DatabaseStore store;
  private final ObjectAccess objects;

  private HandlerFixture(Database database, JdbcObjectRepository repository, DatabaseStore store) {
    this.database = database;
    this.repository = repository;
    this.store = store;
    this.objects = new ObjectAccess(store);
  }

  static HandlerFixture open(Path dir) throws IOException {
    Database database = Database.open(DatabaseConfig.sqlite(dir));
    JdbcObjectRepository repository = new JdbcObjectRepository(database);
    DatabaseStore store =
        new DatabaseStore(
            repository,
            LocalKek.openOrCreate(dir.resolve("kek"), new SecureRandom()),
            KeyCacheSettings.DEFAULTS);
    return new HandlerFixture(database, repository, store);
  }

  ObjectStore store() {
    return store;
  }

  /** The database behind the store (grants and audit live there too). */
  Database database() {
    return database;
  }

  ObjectAccess objects() {
    return objects;
  }

  /**
   * Deletes every object, attribute and grant and empties the key cache, so that what comes next
   * finds the store as {@link #open} left it. A store that is empty already is left alone: each
   * delete is a commit, which waits for the disk.
   */
  void empty() {
    store.clearCache();
    try (Connection connection = database.connection();
        Statement statement = connection.createStatement()) {
      try (ResultSet found =
          statement.executeQuery(
              "SELECT EXISTS (SELECT 1 FROM objects) OR EXISTS (SELECT 1 FROM access_grants)")) {
        if (!found.next() || !found.getBoolean(1)) {
          return;
        }
      }
      connection.setAutoCommit(false);
      try {
        statement.executeUpdate("DELETE FROM object_attributes");
        statement.executeUpdate("DELETE FROM objects");
        statement.executeUpdate("DELETE FROM access_grants");
        connection.commit();
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("emptying the test store", e);
    }
  }

  /** A request from {@code user} in {@code version} at {@link #NOW}, in a batch of its own. */
  static RequestContext context(String user, ProtocolVersion version) {
    return new RequestContext(user, version, NOW, new BatchState());
  }

  /** Settings for building the handler registry in tests: embedded storage, nothing listens. */
  static ServerConfig serverConfig() {
    return new ServerConfig(
        "127.0.0.1",
        0,
        Path.of("unused"),
        null,
        IdentitySource.CN,
        new ServerConfig.Limits(10, 1 << 20, Duration.ofMinutes(1), Duration.ofSeconds(5)),
        1,
        "info",
        false,
        ServerConfig.Storage.EMBEDDED);
  }

  /** Alice, speaking KMIP 2.1. */
  static RequestContext alice() {
    return context("alice", ProtocolVersion.V2_1);
  }

  @Override
  public void close() {
    repository.close();
    database.close();
    store.clearCache();
  }
}
