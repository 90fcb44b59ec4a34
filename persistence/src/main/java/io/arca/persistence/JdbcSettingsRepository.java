package io.arca.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The server-wide settings ({@code server_settings}): one row per setting, its content opaque bytes
 * the server encodes, and a version that counts its changes. Every node sharing the database reads
 * the same rows; a node that compares versions knows when another changed a setting.
 */
public final class JdbcSettingsRepository {
  /** The longest content a setting may have. */
  public static final int MAX_CONTENT_BYTES = 1 << 20;

  private final Database database;

  /** Settings stored in {@code database}. */
  public JdbcSettingsRepository(Database database) {
    this.database = database;
  }

  /**
   * One setting as stored.
   *
   * @param version how many times it was replaced (0: never)
   * @param content what was stored, empty when never set
   */
  public record Setting(long version, Blob content) {}

  /**
   * The setting {@code name} as the cluster last committed it.
   *
   * @throws PersistenceException when it cannot be read or there is no such setting
   */
  public Setting read(String name) {
    try {
      return database.causalRead(
          c -> {
            try (PreparedStatement s =
                c.prepareStatement("SELECT version, content FROM server_settings WHERE name = ?")) {
              s.setString(1, name);
              try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                  throw new PersistenceException("no setting " + name);
                }
                return new Setting(r.getLong(1), Blob.copyOf(r.getBytes(2)));
              }
            }
          });
    } catch (SQLException e) {
      throw new PersistenceException("reading setting " + name + " failed", e);
    }
  }

  /** The version of the setting {@code name}, cheaper than {@link #read} (no content). */
  public long version(String name) {
    try {
      return database.causalRead(
          c -> {
            try (PreparedStatement s =
                c.prepareStatement("SELECT version FROM server_settings WHERE name = ?")) {
              s.setString(1, name);
              try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                  throw new PersistenceException("no setting " + name);
                }
                return r.getLong(1);
              }
            }
          });
    } catch (SQLException e) {
      throw new PersistenceException("reading setting " + name + " failed", e);
    }
  }

  /**
   * Replaces the content of the setting {@code name} and counts the change.
   *
   * @return the setting's new version
   * @throws IllegalArgumentException when {@code content} is longer than {@link #MAX_CONTENT_BYTES}
   */
  public long replace(String name, Blob content) {
    if (content.length() > MAX_CONTENT_BYTES) {
      throw new IllegalArgumentException(
          "setting "
              + name
              + ": "
              + content.length()
              + " bytes (at most "
              + MAX_CONTENT_BYTES
              + ")");
    }
    try {
      return database.transaction(c -> replace(c, name, content));
    } catch (SQLException e) {
      throw new PersistenceException("changing setting " + name + " failed", e);
    }
  }

  private static long replace(Connection c, String name, Blob content) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE server_settings SET version = version + 1, content = ? WHERE name = ?")) {
      s.setBytes(1, content.toByteArray());
      s.setString(2, name);
      if (s.executeUpdate() != 1) {
        throw new PersistenceException("no setting " + name);
      }
    }
    try (PreparedStatement s =
        c.prepareStatement("SELECT version FROM server_settings WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
