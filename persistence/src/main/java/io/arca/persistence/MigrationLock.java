package io.arca.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lease on migrating a MariaDB schema, held by the one row of {@code schema_lock}: two nodes
 * started at once on a new database would otherwise both run the scripts, and the second fail
 * half-way. {@code GET_LOCK} would not do, since on a Galera cluster it locks one node only; a row
 * inserted under a primary key is decided across the cluster (a second insert meets a duplicate, or
 * loses certification). A holder that died leaves a row whose lease ends, and the next node takes
 * it over.
 */
final class MigrationLock implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MigrationLock.class);

  /** Longer than any migration takes; only a holder that died makes a node wait this long. */
  static final Duration LEASE = Duration.ofMinutes(2);

  private static final long POLL_MILLIS = 200;

  private final Database database;
  private final String holder;

  private MigrationLock(Database database, String holder) {
    this.database = database;
    this.holder = holder;
  }

  /**
   * Waits until this node holds the lease, at most {@code wait}.
   *
   * @throws PersistenceException when another node held it all along
   */
  static MigrationLock acquire(Database database, Duration wait) throws SQLException {
    byte[] bytes = new byte[16];
    // Tells holders apart; not a secret.
    ThreadLocalRandom.current().nextBytes(bytes);
    String holder = HexFormat.of().formatHex(bytes);
    database.read(
        c -> {
          try (Statement s = c.createStatement()) {
            // Created by the runner, as schema_version is; a node that finds it there keeps it.
            s.execute(
                "CREATE TABLE IF NOT EXISTS schema_lock ("
                    + "id INTEGER NOT NULL PRIMARY KEY, "
                    + "holder VARCHAR(64) NOT NULL, "
                    + "expires_at BIGINT NOT NULL) "
                    // Text compares byte for byte, as in every table of the schema.
                    + "ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin");
          }
          return true;
        });
    long deadline = System.nanoTime() + wait.toNanos();
    boolean waited = false;
    while (true) {
      boolean inserted = tryInsert(database, holder);
      // Galera has been seen to acknowledge an insert that lost to another node's at the same
      // moment, and an insert retried after a lost connection meets its own row: the lease is
      // ours when the cluster holds our row, whatever the insert answered.
      if (holder.equals(database.causalRead(MigrationLock::currentHolder))) {
        return new MigrationLock(database, holder);
      }
      if (!inserted) {
        database.read(MigrationLock::dropExpired);
      }
      if (System.nanoTime() > deadline) {
        throw new PersistenceException(
            "another node has been migrating the database schema for longer than " + wait);
      }
      if (!waited) {
        log.info("another node is migrating the database schema; waiting for it");
        waited = true;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PersistenceException("interrupted while waiting to migrate the schema", e);
      }
    }
  }

  private static boolean tryInsert(Database database, String holder) throws SQLException {
    try {
      return database.read(
          c -> {
            try (PreparedStatement p =
                c.prepareStatement(
                    "INSERT INTO schema_lock (id, holder, expires_at) VALUES (1, ?, ?)")) {
              p.setString(1, holder);
              p.setLong(2, System.currentTimeMillis() + LEASE.toMillis());
              return p.executeUpdate() == 1;
            }
          });
    } catch (SQLException e) {
      if (database.dialect().isDuplicateKey(e) || database.dialect().isRetryable(e)) {
        return false;
      }
      throw e;
    }
  }

  private static String currentHolder(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT holder FROM schema_lock WHERE id = 1")) {
      return r.next() ? r.getString(1) : "";
    }
  }

  private static boolean dropExpired(Connection c) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("DELETE FROM schema_lock WHERE id = 1 AND expires_at < ?")) {
      p.setLong(1, System.currentTimeMillis());
      if (p.executeUpdate() == 1) {
        log.warn("took over the schema migration lease of a node that did not finish");
        return true;
      }
    }
    return false;
  }

  /** Gives the lease up. */
  @Override
  public void close() {
    try {
      database.read(
          c -> {
            try (PreparedStatement p =
                c.prepareStatement("DELETE FROM schema_lock WHERE id = 1 AND holder = ?")) {
              p.setString(1, holder);
              return p.executeUpdate();
            }
          });
    } catch (SQLException e) {
      // The lease ends on its own; the next node waits for it.
      log.warn("releasing the schema migration lease failed: {}", e.toString());
    }
  }
}
