package io.arca.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server KEKs of a database ({@code keks}) and what a KEK rotation reads and writes: the object
 * rows and audit keys one KEK wraps, re-wrapped row by row under another. Each re-wrap is a compare
 * and set on the row's version and KEK, so an object is at every moment under one KEK the database
 * knows, and an update made meanwhile is never overwritten.
 */
public final class JdbcKekRepository {
  private static final String COLUMNS =
      "kek_id, check_value, check_mechanism, made_by, created_at, is_current, retired_at";

  private final Database database;

  public JdbcKekRepository(Database database) {
    this.database = database;
  }

  /** Every KEK the database knows, the current one first, then by age. */
  public List<StoredKek> all() {
    return read(
        c -> {
          List<StoredKek> keks = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT "
                          + COLUMNS
                          + " FROM keks ORDER BY is_current DESC, created_at, kek_id");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              long retired = r.getLong(7);
              Long retiredAt = r.wasNull() ? null : retired;
              keks.add(
                  new StoredKek(
                      r.getString(1),
                      Blob.copyOf(r.getBytes(2)),
                      r.getString(3),
                      r.getString(4),
                      r.getLong(5),
                      r.getInt(6) == 1,
                      retiredAt));
            }
          }
          return keks;
        });
  }

  /** The KEK that wraps new objects, if the database has recorded one. */
  public Optional<StoredKek> current() {
    return all().stream().filter(StoredKek::current).findFirst();
  }

  /**
   * Records {@code kek}; when it is current, the others stop being so in the same transaction.
   *
   * @return false when a KEK of that identifier was recorded already (by another server, say)
   */
  public boolean register(StoredKek kek) {
    return write(
        c -> {
          if (kek.current()) {
            clearCurrent(c);
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO keks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, kek.kekId());
            s.setBytes(2, kek.checkValue().toByteArray());
            s.setString(3, kek.checkMechanism());
            s.setString(4, kek.madeBy());
            s.setLong(5, kek.createdAt());
            s.setInt(6, kek.current() ? 1 : 0);
            if (kek.retiredAt() == null) {
              s.setNull(7, Types.BIGINT);
            } else {
              s.setLong(7, kek.retiredAt());
            }
            s.executeUpdate();
            return true;
          } catch (SQLException e) {
            if (database.dialect().isDuplicateKey(e)) {
              c.rollback();
              return false;
            }
            throw e;
          }
        });
  }

  /** Makes the recorded, unretired KEK {@code kekId} the one that wraps new objects. */
  public void makeCurrent(String kekId) {
    write(
        c -> {
          clearCurrent(c);
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE keks SET is_current = 1 WHERE kek_id = ? AND retired_at IS NULL")) {
            s.setString(1, kekId);
            if (s.executeUpdate() != 1) {
              throw new PersistenceException("no KEK " + kekId + " to make current");
            }
          }
          return Boolean.TRUE;
        });
  }

  /**
   * Retires {@code kekId} if it is not current and wraps nothing, in one transaction.
   *
   * @return how many objects and audit keys it still wraps (then it was not retired)
   */
  public long retire(String kekId, long at) {
    return write(
        c -> {
          long wrapped = countWrappedBy(c, kekId);
          if (wrapped > 0) {
            return wrapped;
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE keks SET retired_at = ? WHERE kek_id = ? AND is_current = 0"
                      + " AND retired_at IS NULL")) {
            s.setLong(1, at);
            s.setString(2, kekId);
            if (s.executeUpdate() != 1) {
              throw new PersistenceException(
                  "KEK " + kekId + " is unknown, current or retired already");
            }
          }
          return 0L;
        });
  }

  /** How many objects (with key material) and audit keys {@code kekId} wraps. */
  public long countWrappedBy(String kekId) {
    return read(c -> countWrappedBy(c, kekId));
  }

  /** Up to {@code limit} object rows {@code kekId} wraps, with uids after {@code afterUid}. */
  public List<WrappedRow> wrappedBy(String kekId, String afterUid, int limit) {
    return read(
        c -> {
          List<WrappedRow> rows = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT uid, version, wrapping_key_id, wrapping_mechanism, key_block FROM objects"
                      + " WHERE wrapping_key_id = ? AND key_block IS NOT NULL AND uid > ?"
                      + " ORDER BY uid LIMIT ?")) {
            s.setString(1, kekId);
            s.setString(2, afterUid);
            s.setInt(3, limit);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                rows.add(
                    new WrappedRow(
                        r.getString(1),
                        r.getLong(2),
                        r.getString(3),
                        r.getString(4),
                        Blob.copyOf(r.getBytes(5))));
              }
            }
          }
          return rows;
        });
  }

  /** A row re-wrapped: the row as it was read, and its key block under the new KEK. */
  public record Rewrap(WrappedRow old, String kekId, String mechanism, Blob keyBlock) {}

  /**
   * Writes the re-wrapped rows in one transaction. A row changed, deleted or re-wrapped since it
   * was read is left as it is (its version or KEK differs); the next batch reads it again.
   *
   * @return how many rows were re-wrapped
   */
  public int rewrap(List<Rewrap> rewraps) {
    if (rewraps.isEmpty()) {
      return 0;
    }
    return write(
        c -> {
          int done = 0;
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE objects SET key_block = ?, wrapping_key_id = ?, wrapping_mechanism = ?,"
                      + " version = version + 1 WHERE uid = ? AND version = ?"
                      + " AND wrapping_key_id = ?")) {
            for (Rewrap w : rewraps) {
              s.setBytes(1, w.keyBlock().toByteArray());
              s.setString(2, w.kekId());
              s.setString(3, w.mechanism());
              s.setString(4, w.old().uid());
              s.setLong(5, w.old().version());
              s.setString(6, w.old().wrappingKeyId());
              done += s.executeUpdate();
            }
          }
          return done;
        });
  }

  /** Re-wraps the audit key {@code name} if {@code oldKekId} still wraps it. */
  public boolean rewrapAuditKey(
      String name, String oldKekId, String kekId, String mechanism, Blob wrapped) {
    return write(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE audit_keys SET kek_id = ?, mechanism = ?, wrapped = ?"
                      + " WHERE name = ? AND kek_id = ?")) {
            s.setString(1, kekId);
            s.setString(2, mechanism);
            s.setBytes(3, wrapped.toByteArray());
            s.setString(4, name);
            s.setString(5, oldKekId);
            return s.executeUpdate() == 1;
          }
        });
  }

  /** Whether the database holds any object row, whatever wraps it. */
  public boolean holdsObjects() {
    return read(
        c -> {
          try (PreparedStatement s = c.prepareStatement("SELECT uid FROM objects LIMIT 1");
              ResultSet r = s.executeQuery()) {
            return r.next();
          }
        });
  }

  private static long countWrappedBy(Connection c, String kekId) throws SQLException {
    long count = ObjectRows.countWrappedBy(c, kekId);
    try (PreparedStatement s =
        c.prepareStatement("SELECT COUNT(*) FROM audit_keys WHERE kek_id = ?")) {
      s.setString(1, kekId);
      try (ResultSet r = s.executeQuery()) {
        return count + (r.next() ? r.getLong(1) : 0);
      }
    }
  }

  private static void clearCurrent(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("UPDATE keks SET is_current = 0 WHERE is_current = 1")) {
      s.executeUpdate();
    }
  }

  private <T> T read(Database.Work<T> work) {
    try (Connection c = database.connection()) {
      c.setAutoCommit(true);
      return work.run(c);
    } catch (SQLException e) {
      throw new PersistenceException("reading the KEKs failed", e);
    }
  }

  // Database.transaction: a rotation batch that loses a Galera certification runs again whole.
  private <T> T write(Database.Work<T> work) {
    try {
      return database.transaction(work);
    } catch (SQLException e) {
      throw new PersistenceException("writing the KEKs failed", e);
    }
  }
}
