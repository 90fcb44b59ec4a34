package io.arca.persistence;

import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ObjectRepository} over JDBC, for SQLite and MariaDB alike; inserts go through a {@link
 * GroupCommitWriter} so that concurrent creates share their durable commits.
 */
public final class JdbcObjectRepository implements ObjectRepository, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JdbcObjectRepository.class);

  private final Database database;
  private final UniqueNames names;
  private final GroupCommitWriter writer;

  /**
   * A repository over {@code database} that lets names repeat; closing it stops the writer, not the
   * database.
   */
  public JdbcObjectRepository(Database database) {
    this(database, UniqueNames.none());
  }

  /**
   * A repository over {@code database} in which the database refuses a second object of one owner
   * with a name {@code names} makes unique ({@link DuplicateNameException}).
   */
  public JdbcObjectRepository(Database database, UniqueNames names) {
    this(database, names, 1024, 256);
  }

  JdbcObjectRepository(Database database, UniqueNames names, int queueCapacity, int maxBatch) {
    this.database = database;
    this.names = names;
    this.writer = new GroupCommitWriter(database, names, queueCapacity, maxBatch);
  }

  @Override
  public StoredObject insert(StoredObject object) {
    StoredObject first = object.atVersion(1);
    try {
      return writer.submit(first).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PersistenceException(
          "interrupted while inserting " + object.uid() + "; it may or may not be stored", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new PersistenceException("inserting object " + object.uid() + " failed", e);
    }
  }

  @Override
  public Optional<StoredObject> find(String uid) {
    Optional<StoredObject> found = snapshotRead(c -> ObjectRows.find(c, uid));
    return found.isPresent() || !database.galera()
        ? found
        : causalRead(c -> ObjectRows.find(c, uid));
  }

  @Override
  public OptionalLong currentVersion(String uid) {
    // The key cache's recheck: on Galera it must see a change committed through another node,
    // which a plain read of a row that exists may not have applied yet.
    return database.galera()
        ? causalRead(c -> ObjectRows.version(c, uid))
        : read(c -> ObjectRows.version(c, uid));
  }

  @Override
  public StoredObject update(StoredObject object) {
    String token = HexFormat.of().formatHex(randomBytes(16));
    long next = object.version() + 1;
    boolean updated;
    AtomicBoolean inDoubt = new AtomicBoolean();
    try {
      updated =
          database.transaction(
              c -> ObjectRows.update(c, object, names, token), () -> inDoubt.set(true));
      // After a commit in doubt, the retry finds the object at the next version: this update's own
      // when its write token is the one recorded for that version.
      if ((updated && database.galera()) || (!updated && inDoubt.get())) {
        updated = held(object.uid(), next, token);
      }
    } catch (SQLException e) {
      if (inDoubt.get() && database.dialect().isDuplicateKey(e) && heldQuietly(object, token)) {
        return object.atVersion(next);
      }
      if (database.dialect().isDuplicateName(e)) {
        throw new DuplicateNameException(object.uid(), e);
      }
      if (!database.dialect().isDuplicateKey(e) && !database.dialect().isRetryable(e)) {
        throw new PersistenceException("database write failed", e);
      }
      // Another writer won: its write token for the next version is here already (on Galera,
      // another node's update of the same version was applied between this one's check and its
      // insert), or the cluster kept rolling this one back after its retries. The caller reads the
      // object again and applies its change on what the winner wrote.
      updated = false;
    }
    if (!updated) {
      throw new ConcurrentUpdateException(object.uid(), object.version());
    }
    return object.atVersion(next);
  }

  /**
   * Whether this node's update, acknowledged, is the one the cluster holds: two nodes updating one
   * object from one version have been seen both acknowledged by Galera while one was lost
   * (docs/SCALING.md). A lost one is reported as the version conflict it is, and its caller applies
   * its change again on what the other wrote.
   */
  private boolean held(String uid, long version, String token) throws SQLException {
    boolean held = database.causalRead(c -> ObjectRows.updateHeld(c, uid, version, token));
    if (!held) {
      log.warn("the database acknowledged an update of {} that it does not hold; retrying", uid);
    }
    return held;
  }

  private boolean heldQuietly(StoredObject object, String token) {
    try {
      return held(object.uid(), object.version() + 1, token);
    } catch (SQLException e) {
      throw new PersistenceException(
          "object " + object.uid() + " may or may not be updated: its commit was cut off", e);
    }
  }

  // A token must differ from every other writer's, not be secret: no SecureRandom needed.
  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }

  @Override
  public boolean delete(String uid) {
    AtomicBoolean inDoubt = new AtomicBoolean();
    try {
      // A retry after a commit in doubt finds no row when that commit deleted it: deleted all the
      // same, so not reported as a miss.
      return database.transaction(c -> ObjectRows.delete(c, uid), () -> inDoubt.set(true))
          || inDoubt.get();
    } catch (SQLException e) {
      throw new PersistenceException("database write failed", e);
    }
  }

  @Override
  public long countWrappedBy(String wrappingKeyId) {
    return read(c -> ObjectRows.countWrappedBy(c, wrappingKeyId));
  }

  @Override
  public List<String> locate(ObjectCriteria criteria) {
    return read(c -> ObjectRows.locate(c, criteria));
  }

  /**
   * From now on tells {@code batchSizes} how many inserts each group commit takes, on the
   * committing thread (metrics: how well concurrent creates share a commit).
   */
  public void observeCommits(IntConsumer batchSizes) {
    writer.observeBatches(batchSizes);
  }

  @Override
  public void close() {
    writer.close();
  }

  private <T> T read(Database.Work<T> work) {
    // Autocommit reads: no transaction is held open, so on SQLite a read never takes the lock.
    try {
      return database.read(work);
    } catch (SQLException e) {
      throw new PersistenceException("database read failed", e);
    }
  }

  /**
   * A miss on a Galera node read again once the node has applied every commit the cluster
   * acknowledged: an object another node stored a moment ago is found, never answered missing.
   */
  private <T> T causalRead(Database.Work<T> work) {
    try {
      return database.causalRead(work);
    } catch (SQLException e) {
      throw new PersistenceException("database read failed", e);
    }
  }

  private <T> T snapshotRead(Database.Work<T> work) {
    try {
      return database.snapshotRead(work);
    } catch (SQLException e) {
      throw new PersistenceException("database read failed", e);
    }
  }

  /** The server-wide settings kept in the same database as these objects. */
  public JdbcSettingsRepository settings() {
    return new JdbcSettingsRepository(database);
  }
}
