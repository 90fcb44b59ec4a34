package io.arca.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The access grants over JDBC. Reads are auto-commit (they never hold SQLite's lock); adding and
 * removing a set of rows is one transaction, so a grant of several operations appears at once.
 */
public final class JdbcGrantRepository {
  private final Database database;

  /** Grants stored in {@code database}. */
  public JdbcGrantRepository(Database database) {
    this.database = database;
  }

  /** The rows that name {@code user} or {@code *}. */
  public List<StoredGrant> grantsTo(String user) {
    return read(
        "SELECT user_name, object_uid, operation FROM access_grants WHERE user_name IN (?, ?)",
        user,
        StoredGrant.ANY);
  }

  /** The rows on one object ({@code *}: the server). */
  public List<StoredGrant> grantsOn(String objectUid) {
    return read(
        "SELECT user_name, object_uid, operation FROM access_grants WHERE object_uid = ?",
        objectUid);
  }

  /** Adds the rows that are not there yet. */
  public void add(Collection<StoredGrant> grants) {
    write(
        grants,
        "SELECT 1 FROM access_grants WHERE user_name = ? AND object_uid = ? AND operation = ?",
        "INSERT INTO access_grants (user_name, object_uid, operation) VALUES (?, ?, ?)");
  }

  /** Removes these rows; absent ones are ignored. */
  public void remove(Collection<StoredGrant> grants) {
    write(
        grants,
        null,
        "DELETE FROM access_grants WHERE user_name = ? AND object_uid = ? AND operation = ?");
  }

  private List<StoredGrant> read(String sql, String... parameters) {
    try {
      return database.read(
          c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
              for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
              }
              List<StoredGrant> rows = new ArrayList<>();
              try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                  rows.add(new StoredGrant(r.getString(1), r.getString(2), r.getString(3)));
                }
              }
              return rows;
            }
          });
    } catch (SQLException e) {
      throw new PersistenceException("reading access grants failed", e);
    }
  }

  /** Runs {@code change} for each row not found by {@code existing} (when given), in one commit. */
  private void write(Collection<StoredGrant> grants, @Nullable String existing, String change) {
    try {
      database.transaction(
          c -> {
            for (StoredGrant grant : grants) {
              if (existing != null && exists(c, existing, grant)) {
                continue;
              }
              try (PreparedStatement s = c.prepareStatement(change)) {
                bind(s, grant);
                s.executeUpdate();
              }
            }
            return grants.size();
          });
    } catch (SQLException e) {
      throw new PersistenceException("changing access grants failed", e);
    }
  }

  private static boolean exists(Connection c, String sql, StoredGrant grant) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, grant);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  private static void bind(PreparedStatement s, StoredGrant grant) throws SQLException {
    s.setString(1, grant.user());
    s.setString(2, grant.objectUid());
    s.setString(3, grant.operation());
  }
}
