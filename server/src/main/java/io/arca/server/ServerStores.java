package io.arca.server;

import io.arca.hsm.HsmException;
import io.arca.hsm.HsmKeyRef;
import io.arca.hsm.HsmModule;
import io.arca.kmip.KmipException;
import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.JdbcAuditRepository;
import io.arca.persistence.JdbcGrantRepository;
import io.arca.persistence.JdbcKekRepository;
import io.arca.persistence.JdbcObjectRepository;
import io.arca.server.access.DatabaseGrantStore;
import io.arca.server.access.GrantStore;
import io.arca.server.audit.AuditJournal;
import io.arca.server.audit.AuditKeys;
import io.arca.server.audit.AuditWriter;
import io.arca.server.config.HsmSettings;
import io.arca.server.config.NodeId;
import io.arca.server.config.Password;
import io.arca.server.config.PrivateFiles;
import io.arca.server.config.ServerConfig;
import io.arca.server.hsm.HsmObjects;
import io.arca.server.hsm.HsmRoutingStore;
import io.arca.server.metrics.Readiness;
import io.arca.server.metrics.ServerMetrics;
import io.arca.server.store.DatabaseStore;
import io.arca.server.store.KekRing;
import io.arca.server.store.KekRotations;
import io.arca.server.store.KekSource;
import io.arca.server.store.KekStartup;
import io.arca.server.store.KeyCacheSettings;
import io.arca.server.store.KeyWrapper;
import io.arca.server.store.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stores behind the handlers, opened from the settings and closed in order: the database
 * (embedded in the data directory, or MariaDB), the server KEK, and the object store with its key
 * cache. Closing drains pending creates before the pool closes, then wipes the cache.
 */
public final class ServerStores implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServerStores.class);

  /** Rows per transaction of a rotation asked over KMIP (the tool's default). */
  private static final int ROTATION_BATCH_ROWS = 500;

  private final Database database;
  private final JdbcObjectRepository repository;
  private final DatabaseStore databaseObjects;
  private final @Nullable HsmModule hsmModule;
  private final @Nullable HsmObjects hsmObjects;
  private final ObjectStore objects;
  private final AuditWriter audit;
  private final KeyWrapper kek;
  private final KekRotations rotations;

  private ServerStores(
      Database database,
      JdbcObjectRepository repository,
      DatabaseStore databaseObjects,
      @Nullable HsmModule hsmModule,
      @Nullable HsmObjects hsmObjects,
      AuditWriter audit,
      KeyWrapper kek,
      KekRotations rotations) {
    this.kek = kek;
    this.rotations = rotations;
    this.database = database;
    this.repository = repository;
    this.databaseObjects = databaseObjects;
    this.hsmModule = hsmModule;
    this.hsmObjects = hsmObjects;
    this.objects = new HsmRoutingStore(databaseObjects, hsmObjects);
    this.audit = audit;
  }

  /**
   * Opens the HSM (every slot logged in, or nothing), the database (migrating it), the KEK and the
   * store.
   *
   * @throws IOException if the data directory or the local KEK cannot be used
   * @throws IllegalArgumentException if the settings ask for what this server cannot do
   * @throws IllegalStateException if the HSM cannot be opened: library missing, slot unknown, login
   *     refused, or the --kek-id key absent
   */
  public static ServerStores open(ServerConfig config) throws IOException {
    ServerConfig.Storage storage = config.storage();
    String kekId = storage.kekId();
    if (kekId != null && (!HsmKeyRef.isHsmId(kekId) || config.hsm() == null)) {
      throw new IllegalArgumentException(
          "kek-id "
              + kekId
              + ": the server KEK must be an HSM key, hsm::<slot>::<label>, with the HSM configured"
              + " (--hsm-model, --hsm-slot); leave kek-id unset to use the local KEK");
    }
    HsmModule hsm = openHsm(config.hsm());
    try {
      PrivateFiles.directory(config.dataDir());
      Database database = Database.open(databaseConfig(config));
      KekRing kek;
      try {
        kek = openKeks(config, database, hsm);
      } catch (IOException | RuntimeException e) {
        database.close();
        throw e;
      }
      JdbcObjectRepository repository =
          new JdbcObjectRepository(
              database, DatabaseStore.uniqueNames(config.access().namesMayRepeat()));
      DatabaseStore objects =
          new DatabaseStore(
              repository,
              kek,
              new KeyCacheSettings(
                  storage.keyCacheEntries(), storage.keyCacheIdle(), storage.keyCacheRecheck()),
              hsm);
      log.info(
          "objects are stored in {}, wrapped by {}",
          storage.databaseUrl() == null
              ? config.dataDir().resolve("arca.db").toAbsolutePath()
              : storage.databaseUrl(),
          kek.id());
      HsmObjects hsmObjects =
          hsm == null ? null : new HsmObjects(hsm, Objects.requireNonNull(config.hsm()).admin());
      AuditWriter audit;
      try {
        ServerConfig.Access access = config.access();
        String nodeId = NodeId.resolve(access.nodeId(), config.dataDir(), new SecureRandom());
        JdbcAuditRepository auditLog = new JdbcAuditRepository(database).forChain(nodeId);
        AuditKeys auditKeys = AuditKeys.openOrCreate(auditLog, kek, new SecureRandom());
        log.info("node {} writes the audit chain of its name", nodeId);
        audit =
            new AuditWriter(
                auditLog.keyedWith(auditKeys.keying().key()),
                new AuditJournal(
                    config.dataDir().resolve("audit-journal"),
                    access.auditJournalMaxBytes(),
                    access.auditSync()),
                auditKeys,
                access.auditRequireDatabase(),
                access.auditFile());
      } catch (IOException | RuntimeException e) {
        repository.close();
        database.close();
        throw e;
      }
      KekRotations rotations =
          new KekRotations(
              new JdbcKekRepository(database),
              new JdbcAuditRepository(database),
              kek,
              new KekSource(config.dataDir(), hsm, new SecureRandom()),
              ROTATION_BATCH_ROWS);
      return new ServerStores(
          database, repository, objects, hsm, hsmObjects, audit, kek, rotations);
    } catch (IOException | RuntimeException e) {
      if (hsm != null) {
        hsm.close();
      }
      if (e instanceof KmipException k) {
        throw new IllegalStateException("kek-id " + kekId + ": " + k.getMessage(), e);
      }
      throw e;
    }
  }

  /**
   * The database's KEKs, checked against what this server has ({@link KekStartup}); a new database
   * records the configured one.
   */
  static KekRing openKeks(ServerConfig config, Database database, @Nullable HsmModule hsm)
      throws IOException {
    return KekStartup.open(
        new JdbcKekRepository(database),
        new JdbcAuditRepository(database),
        new KekSource(config.dataDir(), hsm, new SecureRandom()),
        config.storage().kekId(),
        config.storage().keyCacheRecheck());
  }

  /** What is done with the server KEK while {@link #withKek} holds it open. */
  public interface KekUse<T> {
    T apply(KeyWrapper kek) throws IOException;
  }

  /**
   * Opens the server KEKs the database names (local files, which must exist, or HSM keys), checked
   * as at start, for the audit tools, and closes the database and the HSM afterwards.
   */
  public static <T> T withKek(ServerConfig config, KekUse<T> use) throws IOException {
    String kekId = config.storage().kekId();
    if (kekId == null && !Files.isRegularFile(config.dataDir().resolve("kek"))) {
      boolean anyLocal;
      try (Stream<Path> files = Files.list(config.dataDir())) {
        anyLocal = files.anyMatch(f -> f.getFileName().toString().startsWith("kek"));
      } catch (IOException e) {
        anyLocal = false;
      }
      if (!anyLocal) {
        throw new IllegalArgumentException(
            config.dataDir().resolve("kek") + ": no local KEK there (check --data-dir)");
      }
    }
    HsmModule hsm = openHsm(config.hsm());
    try (Database database = Database.open(databaseConfig(config))) {
      return use.apply(openKeks(config, database, hsm));
    } finally {
      if (hsm != null) {
        hsm.close();
      }
    }
  }

  /** The configured HSM, opened for a tool, or null without one. */
  static @Nullable HsmModule openHsmFor(ServerConfig config) {
    return openHsm(config.hsm());
  }

  /** Opens the configured HSM with every slot logged in, or null without one; wipes the PINs. */
  private static @Nullable HsmModule openHsm(@Nullable HsmSettings settings) {
    if (settings == null) {
      return null;
    }
    try {
      HsmModule hsm = HsmModule.open(settings.library(), settings.profile(), settings.pins());
      log.info(
          "HSM {} ({}) open, slots {}, administered by {}",
          settings.profile().name(),
          settings.library(),
          settings.slotPasswords().keySet(),
          settings.admin());
      return hsm;
    } catch (HsmException e) {
      throw new IllegalStateException(
          "cannot open the HSM (" + settings.profile().name() + "): " + e.getMessage(), e);
    } finally {
      settings.wipePasswords();
    }
  }

  /** The database the settings name (the embedded one in the data directory by default). */
  static DatabaseConfig databaseConfig(ServerConfig config) {
    ServerConfig.Storage storage = config.storage();
    if (storage.databaseUrl() == null) {
      return DatabaseConfig.sqlite(config.dataDir());
    }
    Password password = storage.databasePassword();
    String user = Objects.requireNonNull(storage.databaseUser());
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

  /** The managed objects: the database's and the HSM's. */
  public ObjectStore objects() {
    return objects;
  }

  /** The HSM's keys as managed objects, or null when the server has no HSM. */
  public @Nullable HsmObjects hsm() {
    return hsmObjects;
  }

  /** The grants, in the same database as the objects. */
  public GrantStore grants() {
    return new DatabaseGrantStore(new JdbcGrantRepository(database));
  }

  /** The audit log's writer. */
  public AuditWriter audit() {
    return audit;
  }

  /** The KEK rotations this server runs for its administrators. */
  public KekRotations kekRotations() {
    return rotations;
  }

  /** Hands the stores' meters to {@code metrics}: pool, group commits, key cache, HSM, audit. */
  void watch(ServerMetrics metrics) {
    metrics.watchDatabase(database, repository);
    metrics.watchKeyCache(databaseObjects);
    if (hsmModule != null) {
      metrics.watchHsm(hsmModule.openSlots());
    }
    metrics.watchAudit(audit);
  }

  /** The checks of {@code /readyz}: the database, every HSM slot, the server KEK. */
  Readiness readiness() {
    return new Readiness(database, hsmModule == null ? List.of() : hsmModule.openSlots(), kek);
  }

  @Override
  public void close() {
    // A rotation in progress stops between two batches; it resumes when asked again.
    rotations.close();
    // The audit records of the last requests are appended while the database is still open.
    audit.close();
    try {
      repository.close();
      database.close();
      databaseObjects.clearCache();
    } finally {
      if (hsmModule != null) {
        hsmModule.close();
      }
    }
  }
}
