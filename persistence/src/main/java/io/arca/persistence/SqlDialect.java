package io.arca.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Set;

/**
 * What differs between the SQL back ends: the migration scripts, the driver settings, the isolation
 * level and how a duplicate key is reported.
 */
public enum SqlDialect {
  /**
   * Embedded SQLite: WAL so readers never wait for the writer, {@code synchronous=FULL} so a commit
   * is on disk when it returns, and IMMEDIATE transactions so a transaction takes the one write
   * lock at its start (waiting up to the busy timeout) instead of failing on an upgrade.
   */
  SQLITE(
      "sqlite",
      Map.of(
          "journal_mode", "WAL",
          "synchronous", "FULL",
          "busy_timeout", "10000",
          "foreign_keys", "true",
          "transaction_mode", "IMMEDIATE"),
      Connection.TRANSACTION_SERIALIZABLE),

  /**
   * MariaDB (InnoDB, utf8mb4) at READ COMMITTED: every write that must not be lost checks the
   * version column in its own UPDATE, so nothing relies on repeatable reads, and READ COMMITTED
   * takes no gap locks, so concurrent attribute inserts do not deadlock on the index.
   */
  MARIADB(
      "mariadb",
      Map.of("sessionVariables", "sql_mode='STRICT_ALL_TABLES',time_zone='+00:00'"),
      Connection.TRANSACTION_READ_COMMITTED);

  private final String directory;

  @SuppressWarnings("ImmutableEnumChecker") // always a Map.of, which is immutable
  private final Map<String, String> connectionProperties;

  private final int isolation;

  SqlDialect(String directory, Map<String, String> connectionProperties, int isolation) {
    this.directory = directory;
    this.connectionProperties = connectionProperties;
    this.isolation = isolation;
  }

  /** The classpath folder holding this dialect's migrations. */
  String migrationDirectory() {
    return "db/migration/" + directory;
  }

  Map<String, String> connectionProperties() {
    return connectionProperties;
  }

  int isolation() {
    return isolation;
  }

  /** Whether {@code e} reports a primary key or unique constraint violation. */
  boolean isDuplicateKey(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        // 23xxx is the SQL standard's integrity violation; SQLite reports 19 (SQLITE_CONSTRAINT)
        // and its extended codes, MariaDB 1062 (ER_DUP_ENTRY).
        String state = s.getSQLState();
        int code = s.getErrorCode();
        if (this == MARIADB && code == 1062) {
          return true;
        }
        if (this == SQLITE && (code & 0xff) == 19) {
          return true;
        }
        if (state != null && state.startsWith("23")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code e} reports a duplicate in the unique index of {@code object_names} ({@link
   * UniqueNames}) rather than in a primary key: both databases name the index or its table in the
   * message, MariaDB as {@code for key 'object_names_owner_name'}, SQLite as {@code UNIQUE
   * constraint failed: object_names.owner, object_names.name_digest}.
   */
  boolean isDuplicateName(SQLException e) {
    if (!isDuplicateKey(e)) {
      return false;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        for (SQLException n = s; n != null; n = n.getNextException()) {
          String message = n.getMessage();
          if (message != null && message.contains("object_names")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code e} says the transaction was rolled back by the database and may simply run
   * again: on MariaDB a deadlock (1213, which is also how Galera reports a write set that lost
   * certification against another node's commit), a lock wait timeout (1205), a Galera node not
   * ready for queries (1047) or SQL state 40001 (serialization failure). SQLite waits for its one
   * write lock instead (busy timeout), so nothing there is retried.
   */
  boolean isRetryable(SQLException e) {
    if (this != MARIADB) {
      return false;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        for (SQLException n = s; n != null; n = n.getNextException()) {
          int code = n.getErrorCode();
          if (code == 1213 || code == 1205 || code == 1047 || "40001".equals(n.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code e} says the connection was lost, or its node cannot serve yet, so that the work
   * may run again on a fresh connection: SQL state class 08 (connection exception), the driver's
   * {@link SQLTransientConnectionException} or {@link SQLNonTransientConnectionException}, MariaDB
   * Connector/J's 25S03 (it reconnected to another host and the transaction in progress was lost),
   * a Galera node not ready for queries (1047, "WSREP has not yet prepared node"), a server going
   * down (1053), a killed connection (1927) and the client's lost-server errors (2002, 2006, 2013).
   * In every dialect, since it says nothing of the SQL.
   */
  boolean isConnectionLoss(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException s) {
        for (SQLException n = s; n != null; n = n.getNextException()) {
          String state = n.getSQLState();
          if (state != null && (state.startsWith("08") || state.equals("25S03"))) {
            return true;
          }
          if (CONNECTION_LOST.contains(n.getErrorCode())) {
            return true;
          }
          // A Galera node cut off from the cluster's majority refuses writes with this text
          // (whatever the code), until it rejoins or the connector moves to another node.
          String message = n.getMessage();
          if (message != null && message.contains("Not connected to Primary Component")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static final Set<Integer> CONNECTION_LOST = Set.of(1047, 1053, 1927, 2002, 2006, 2013);
}
