package io.arca.server;

import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.JdbcAuditRepository;
import io.arca.persistence.JdbcGrantRepository;
import io.arca.persistence.JdbcObjectRepository;
import io.arca.server.access.DatabaseGrantStore;
import io.arca.server.access.GrantStore;
import io.arca.server.audit.AuditWriter;
import io.arca.server.config.Password;
import io.arca.server.config.ServerConfig;
import io.arca.server.store.DatabaseStore;
import io.arca.server.store.KeyCacheSettings;
import io.arca.server.store.LocalKek;
import io.arca.server.store.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stores behind the handlers, opened from the settings and closed in order: the database
 * (embedded in the data directory, or MariaDB), the server KEK, and the object store with its key
 * cache. Closing drains pending creates before the pool closes, then wipes the cache.
 */
public final class ServerStores implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServerStores.class);

  /** Audit entries waiting at most; beyond it requests wait for the writer (see AuditWriter). */
  private static final int AUDIT_QUEUE = 65_536;

  private final Database database;
  private final JdbcObjectRepository repository;
  private final DatabaseStore objects;
  private final AuditWriter audit;

  private ServerStores(
      Database database,
      JdbcObjectRepository repository,
      DatabaseStore objects,
      AuditWriter audit) {
    this.database = database;
    this.repository = repository;
    this.objects = objects;
    this.audit = audit;
  }

  /**
   * Opens the database (migrating it), the KEK and the store.
   *
   * @throws IOException if the data directory or the local KEK cannot be used
   * @throws IllegalArgumentException if the settings ask for what this server cannot do
   */
  public static ServerStores open(ServerConfig config) throws IOException {
    ServerConfig.Storage storage = config.storage();
    if (storage.kekId() != null) {
      throw new IllegalArgumentException(
          "kek-id "
              + storage.kekId()
              + ": a KEK in the HSM needs the HSM to be configured, which this server does not"
              + " do yet; leave kek-id unset to use the local KEK");
    }
    Files.createDirectories(config.dataDir());
    LocalKek kek = LocalKek.openOrCreate(config.dataDir().resolve("kek"), new SecureRandom());
    Database database = Database.open(databaseConfig(config));
    JdbcObjectRepository repository = new JdbcObjectRepository(database);
    DatabaseStore objects =
        new DatabaseStore(
            repository,
            kek,
            new KeyCacheSettings(
                storage.keyCacheEntries(), storage.keyCacheIdle(), storage.keyCacheRecheck()));
    log.info(
        "objects are stored in {}, wrapped by {}",
        storage.databaseUrl() == null
            ? config.dataDir().resolve("arca.db").toAbsolutePath()
            : storage.databaseUrl(),
        kek.id());
    AuditWriter audit;
    try {
      audit =
          new AuditWriter(
              new JdbcAuditRepository(database), config.access().auditFile(), AUDIT_QUEUE);
    } catch (IOException | RuntimeException e) {
      repository.close();
      database.close();
      throw e;
    }
    return new ServerStores(database, repository, objects, audit);
  }

  /** The database the settings name (the embedded one in the data directory by default). */
  static DatabaseConfig databaseConfig(ServerConfig config) {
    ServerConfig.Storage storage = config.storage();
    if (storage.databaseUrl() == null) {
      return DatabaseConfig.sqlite(config.dataDir());
    }
    Password password = storage.databasePassword();
    String user = java.util.Objects.requireNonNull(storage.databaseUser());
    // JDBC takes the password as a String; it lives as long as the pool does.
    DatabaseConfig mariadb =
        DatabaseConfig.mariadb(
            storage.databaseUrl(),
            user,
            password == null ? null : new String(password.toCharArray()));
    return new DatabaseConfig(
        mariadb.dialect(),
        mariadb.jdbcUrl(),
        mariadb.user(),
        mariadb.password(),
        storage.databasePoolSize(),
        Duration.ofSeconds(10));
  }

  /** The managed objects. */
  public ObjectStore objects() {
    return objects;
  }

  /** The grants, in the same database as the objects. */
  public GrantStore grants() {
    return new DatabaseGrantStore(new JdbcGrantRepository(database));
  }

  /** The audit log's writer. */
  public AuditWriter audit() {
    return audit;
  }

  @Override
  public void close() {
    // The audit records of the last requests are appended while the database is still open.
    audit.close();
    repository.close();
    database.close();
    objects.clearCache();
  }
}
