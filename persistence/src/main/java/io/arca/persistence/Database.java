package io.arca.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.apache.commons.dbcp2.BasicDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded DBCP2 pool over one database, migrated to the code's schema when opened; every
 * connection it hands out has auto-commit off and the dialect's isolation level.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  /**
   * How many times a transaction the database rolled back on its own (a deadlock, a Galera
   * certification conflict) runs in all before its failure reaches the caller.
   */
  static final int ATTEMPTS = 6;

  /** Work on a connection: one transaction, or one read. */
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** One try of a read or a transaction, on a connection of its own. */
  private interface Attempt<T> {
    T run() throws SQLException;
  }

  private final SqlDialect dialect;
  private final BasicDataSource pool;
  private volatile boolean galera;
  private volatile UnaryOperator<Connection> interposer = UnaryOperator.identity();

  private Database(SqlDialect dialect, BasicDataSource pool) {
    this.dialect = dialect;
    this.pool = pool;
  }

  /**
   * Opens the pool and applies pending migrations.
   *
   * @throws SchemaTooNewException if the database was migrated by a newer Arca
   */
  public static Database open(DatabaseConfig config) {
    return open(config, Migrations.forDialect(config.dialect()));
  }

  static Database open(DatabaseConfig config, Migrations migrations) {
    if (config.dialect() == SqlDialect.SQLITE) {
      SqliteFiles.ownerOnly(config.jdbcUrl());
    }
    BasicDataSource pool = new BasicDataSource();
    pool.setUrl(config.jdbcUrl());
    if (config.user() != null) {
      pool.setUsername(config.user());
    }
    if (config.password() != null) {
      pool.setPassword(config.password());
    }
    config.dialect().connectionProperties().forEach(pool::addConnectionProperty);
    pool.setDefaultAutoCommit(false);
    pool.setDefaultTransactionIsolation(config.dialect().isolation());
    pool.setRollbackOnReturn(true);
    // MariaDB connections go back to the pool in manual commit, the mode every borrower starts in:
    // switching to auto-commit on return and back on borrow cost two round trips per transaction.
    // SQLite's driver begins the next (IMMEDIATE, write-locking) transaction as soon as a commit
    // ends in manual mode, so an idle SQLite connection must be in auto-commit.
    pool.setAutoCommitOnReturn(config.dialect() == SqlDialect.SQLITE);
    pool.setInitialSize(1);
    pool.setMaxTotal(config.maxConnections());
    pool.setMaxIdle(config.maxConnections());
    pool.setMinIdle(1);
    pool.setMaxWait(config.connectTimeout());
    // A server-side disconnect (MariaDB restart, wait_timeout) must cost one validation, not a
    // failed request; idle connections are checked in the background as well. Without a validation
    // query the pool asks the driver (Connection.isValid): a protocol ping for MariaDB, no SQL to
    // parse.
    pool.setValidationQueryTimeout(Duration.ofSeconds(5));
    pool.setTestOnBorrow(true);
    pool.setTestWhileIdle(true);
    pool.setDurationBetweenEvictionRuns(Duration.ofMinutes(1));
    pool.setMaxConn(Duration.ofHours(1));
    Database database = new Database(config.dialect(), pool);
    try {
      database.galera = database.detectGalera();
      int version = migrations.apply(database);
      log.info(
          "database {} at schema version {}{}",
          config.dialect(),
          version,
          database.galera ? ", a Galera cluster node" : "");
      return database;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  public SqlDialect dialect() {
    return dialect;
  }

  /**
   * A pooled connection, auto-commit off; close it to give it back (uncommitted work is undone).
   */
  public Connection connection() {
    try {
      return borrow();
    } catch (SQLException e) {
      throw new PersistenceException("no database connection", e);
    }
  }

  private Connection borrow() throws SQLException {
    return interposer.apply(pool.getConnection());
  }

  /**
   * From now on passes every connection lent through {@code interposer} first: tests put a
   * connection that dies at a chosen moment between the pool and the code.
   */
  void interpose(UnaryOperator<Connection> interposer) {
    this.interposer = interposer;
  }

  /**
   * Runs {@code work} in one transaction and commits it; a transaction the database rolled back on
   * its own ({@link SqlDialect#isRetryable}) or whose connection was lost ({@link
   * SqlDialect#isConnectionLoss}) runs again, whole, on a fresh connection (the connector's
   * multi-host URL then picks the next node), up to {@link #ATTEMPTS} times in all, after a short
   * random pause so that two nodes that collided do not collide again. The work must do nothing
   * outside the connection that a second run would repeat.
   *
   * @throws SQLException the last failure, when it is not retryable or every attempt failed
   */
  public <T> T transaction(Work<T> work) throws SQLException {
    return transaction(work, () -> {});
  }

  /**
   * {@link #transaction(Work)}, telling {@code commitInDoubt} when a connection was lost during a
   * commit: that commit may have been made, so a later attempt may find the rows the earlier one
   * wrote (a duplicate key), and the caller must then check whether they are its own.
   */
  <T> T transaction(Work<T> work, Runnable commitInDoubt) throws SQLException {
    return retrying(
        () -> {
          try (Connection c = borrow()) {
            T result;
            try {
              result = work.run(c);
            } catch (SQLException | RuntimeException e) {
              rollbackQuietly(c, e);
              throw e;
            }
            try {
              c.commit();
            } catch (SQLException e) {
              if (dialect.isConnectionLoss(e)) {
                commitInDoubt.run();
              }
              rollbackQuietly(c, e);
              throw e;
            }
            return result;
          }
        },
        true);
  }

  /**
   * A read in auto-commit, run again on a fresh connection when its connection is lost, and also
   * after a lock wait timeout or a conflict (a causal wait held up by a node being lost): a read
   * changes nothing, so running it again is always safe.
   */
  public <T> T read(Work<T> work) throws SQLException {
    return retrying(
        () -> {
          try (Connection c = borrow()) {
            c.setAutoCommit(true);
            return work.run(c);
          }
        },
        true);
  }

  private <T> T retrying(Attempt<T> attempt, boolean rolledBackToo) throws SQLException {
    for (int n = 1; ; n++) {
      try {
        return attempt.run();
      } catch (SQLException e) {
        boolean lost = dialect.isConnectionLoss(e);
        if (n >= ATTEMPTS || !(lost || (rolledBackToo && dialect.isRetryable(e)))) {
          throw e;
        }
        // The message only: a driver's exception names the statement, never its bound values.
        log.debug("{} ({}); attempt {}", lost ? "connection lost" : "rolled back", e, n + 1);
        pause(n, lost);
      }
    }
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      // A lost connection cannot roll back; the server undoes what it did not commit.
      cause.addSuppressed(e);
    }
  }

  /**
   * Runs a read that must see every commit acknowledged anywhere in the cluster: on a Galera node
   * it waits until the node has applied what the cluster committed before the read began ({@code
   * wsrep_sync_wait}); elsewhere a plain read, which sees every commit already.
   */
  public <T> T causalRead(Work<T> work) throws SQLException {
    if (!galera) {
      return read(work);
    }
    return read(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("SET SESSION wsrep_sync_wait = 1");
          }
          try {
            return work.run(c);
          } finally {
            try (Statement s = c.createStatement()) {
              s.execute("SET SESSION wsrep_sync_wait = 0");
            }
          }
        });
  }

  /**
   * Runs reads that should agree with each other (an object's row and its attributes). On MariaDB
   * they run in one REPEATABLE READ transaction, so all see the database as of the first read,
   * however many commits other connections or Galera nodes make meanwhile. On SQLite they run in
   * auto-commit, since a transaction there would take the one write lock; the caller re-checks what
   * it read.
   */
  public <T> T snapshotRead(Work<T> work) throws SQLException {
    if (dialect != SqlDialect.MARIADB) {
      return read(work);
    }
    return retrying(
        () -> {
          try (Connection c = borrow()) {
            int isolation = c.getTransactionIsolation();
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
              return work.run(c);
            } finally {
              c.rollback();
              c.setTransactionIsolation(isolation);
            }
          }
        },
        false);
  }

  /** Whether this database is a node of a Galera cluster, whose reads may lag other nodes. */
  public boolean galera() {
    return galera;
  }

  private boolean detectGalera() {
    if (dialect != SqlDialect.MARIADB) {
      return false;
    }
    try (Connection c = connection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SHOW VARIABLES LIKE 'wsrep_on'")) {
      return r.next() && "ON".equalsIgnoreCase(r.getString(2));
    } catch (SQLException e) {
      throw new PersistenceException("reading wsrep_on failed", e);
    }
  }

  /**
   * A conflict clears in milliseconds; a lost node takes the cluster about two seconds to evict
   * (the Galera suspect timeout), so connection losses wait 0.1, 0.2, 0.4, 0.8, then 1.6 s.
   */
  private static void pause(int attempt, boolean connectionLost) {
    long bound =
        connectionLost ? 100L << Math.min(attempt - 1, 4) : 1L + (2L << Math.min(attempt, 6));
    try {
      Thread.sleep(connectionLost ? bound : ThreadLocalRandom.current().nextLong(1, bound));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Connections lent out now. */
  public int connectionsInUse() {
    return pool.getNumActive();
  }

  /** Connections open in the pool, waiting to be lent. */
  public int connectionsIdle() {
    return pool.getNumIdle();
  }

  /** The most connections the pool opens. */
  public int maxConnections() {
    return pool.getMaxTotal();
  }

  /**
   * Whether the database answers now: a connection from the pool, checked by the driver within
   * {@code timeout} (a protocol ping for MariaDB). Never throws: a readiness probe asks this.
   */
  public boolean reachable(Duration timeout) {
    try (Connection c = pool.getConnection()) {
      return c.isValid((int) Math.max(1, timeout.toSeconds()));
    } catch (SQLException | RuntimeException e) {
      log.debug("the database does not answer: {}", e.getMessage());
      return false;
    }
  }

  @Override
  public void close() {
    try {
      pool.close();
    } catch (SQLException e) {
      throw new PersistenceException("closing the connection pool failed", e);
    }
  }
}
