package io.arca.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.apache.commons.dbcp2.BasicDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded DBCP2 pool over one database, migrated to the code's schema when opened; every
 * connection it hands out has auto-commit off and the dialect's isolation level.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final SqlDialect dialect;
  private final BasicDataSource pool;

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
      int version = migrations.apply(database);
      log.info("database {} at schema version {}", config.dialect(), version);
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
      return pool.getConnection();
    } catch (SQLException e) {
      throw new PersistenceException("no database connection", e);
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
