package io.arca.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a database to the code's schema by running the numbered SQL scripts it has not run yet,
 * recording each in {@code schema_version}; refuses a database whose schema is newer than the code.
 *
 * <p>All pending scripts run in one transaction. SQLite rolls DDL back with it; MariaDB commits
 * each DDL statement on its own, so there a failed script leaves the schema half-applied and the
 * version unrecorded, and the operator must repair it (the usual MariaDB limitation).
 *
 * <p>Nodes started at once on one database migrate it one at a time: on MariaDB (and Galera) the
 * runner holds a {@link MigrationLock} while it reads the version and runs the scripts, so a node
 * that waited finds the schema current; on SQLite the migration's transaction takes the one write
 * lock at its start (IMMEDIATE), which does the same.
 */
public final class Migrations {
  /** The scripts, in order; every dialect has one file of each name. Add new ones at the end. */
  static final List<String> SCRIPTS =
      List.of(
          "V001__objects.sql",
          "V002__access_audit.sql",
          "V003__exact_identifiers.sql",
          "V004__audit_keys.sql",
          "V005__keks.sql",
          "V006__unique_names.sql",
          "V007__write_tokens.sql",
          "V008__audit_chains.sql",
          "V009__server_settings.sql");

  private static final Pattern NAME = Pattern.compile("V(\\d{3})__[a-z0-9_]+\\.sql");

  private final String directory;
  private final List<String> scripts;

  Migrations(String directory, List<String> scripts) {
    this.directory = directory;
    this.scripts = List.copyOf(scripts);
    for (int i = 0; i < scripts.size(); i++) {
      if (versionOf(scripts.get(i)) != i + 1) {
        throw new IllegalArgumentException(
            "migration " + scripts.get(i) + " out of sequence (expected: V" + (i + 1) + ")");
      }
    }
  }

  static Migrations forDialect(SqlDialect dialect) {
    return new Migrations(dialect.migrationDirectory(), SCRIPTS);
  }

  /** The newest schema version this code knows. */
  int latestVersion() {
    return scripts.size();
  }

  /**
   * Applies what is pending and returns the database's schema version afterwards.
   *
   * @throws SchemaTooNewException if the database is ahead of the code
   */
  int apply(Database database) {
    if (database.dialect() != SqlDialect.MARIADB) {
      return applyLocked(database);
    }
    MigrationLock lock;
    try {
      lock = MigrationLock.acquire(database, LOCK_WAIT);
    } catch (SQLException e) {
      throw new PersistenceException("taking the schema migration lease failed", e);
    }
    try {
      return applyLocked(database);
    } finally {
      lock.close();
    }
  }

  /** How long a node waits for another to finish migrating: past the lease, it takes over. */
  private static final Duration LOCK_WAIT = MigrationLock.LEASE.plusMinutes(1);

  private int applyLocked(Database database) {
    try (Connection c = database.connection()) {
      if (database.galera()) {
        // The version another node recorded before it let the lease go must be read here.
        try (Statement s = c.createStatement()) {
          s.execute("SET SESSION wsrep_sync_wait = 1");
        }
      }
      try {
        int current = currentVersion(c);
        if (current > latestVersion()) {
          throw new SchemaTooNewException(current, latestVersion());
        }
        for (int v = current + 1; v <= latestVersion(); v++) {
          String script = scripts.get(v - 1);
          for (String sql : statements(read(script))) {
            try (Statement s = c.createStatement()) {
              s.execute(sql);
            }
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
            p.setInt(1, v);
            p.setString(2, script);
            p.setLong(3, System.currentTimeMillis());
            p.executeUpdate();
          }
        }
        c.commit();
        return Math.max(current, latestVersion());
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        if (database.galera()) {
          try (Statement s = c.createStatement()) {
            s.execute("SET SESSION wsrep_sync_wait = 0");
          }
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("migrating the database schema failed", e);
    }
  }

  private static int currentVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      // Portable between both dialects; the version table is created by the runner, not a script,
      // so that a fresh database and a migrated one are read the same way.
      s.execute(
          "CREATE TABLE IF NOT EXISTS schema_version ("
              + "version INTEGER NOT NULL PRIMARY KEY, "
              + "script VARCHAR(255) NOT NULL, "
              + "applied_at BIGINT NOT NULL)");
      try (ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  private String read(String script) {
    String path = directory + "/" + script;
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new PersistenceException("migration script missing from the classpath: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PersistenceException("cannot read migration script " + path, e);
    }
  }

  /** Splits a script at semicolons that end a line; lines starting with {@code --} are comments. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

  static int versionOf(String script) {
    Matcher m = NAME.matcher(script);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "migration name: " + script + " (expected: V<nnn>__<words>.sql)");
    }
    return Integer.parseInt(m.group(1));
  }
}
