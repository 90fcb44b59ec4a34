package io.arca.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * The audit chain in the database. Each append is one transaction that reads the chain's last
 * record and links the new ones after it, so servers sharing a MariaDB extend one chain: when two
 * race, one of them meets a duplicate {@code seq}, rolls back and links again after the winner.
 */
public final class JdbcAuditRepository {
  private static final int PAGE = 1_000;
  private static final int ATTEMPTS = 20;
  private static final int ROWS_PER_INSERT = 32;

  private static final String COLUMNS =
      "seq, recorded_at, user_name, client_address, operation, unique_ids, result_status,"
          + " result_reason, previous_hash, hash";
  private static final String INSERT_FULL = insert(ROWS_PER_INSERT);

  private final Database database;

  /** The audit log stored in {@code database}. */
  public JdbcAuditRepository(Database database) {
    this.database = database;
  }

  /** Appends the entries, in order, after the chain's last record; returns the new records. */
  public List<AuditRecord> append(List<AuditEntry> entries) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = database.connection()) {
        try {
          List<AuditRecord> written = appendIn(c, entries);
          c.commit();
          return written;
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          if (e instanceof SQLException s
              && database.dialect().isDuplicateKey(s)
              && attempt < ATTEMPTS) {
            continue; // another server appended first: link after its records
          }
          throw e;
        }
      } catch (SQLException e) {
        throw new PersistenceException("appending to the audit log failed", e);
      }
    }
  }

  private static List<AuditRecord> appendIn(Connection c, List<AuditEntry> entries)
      throws SQLException {
    AuditRecord previous = last(c);
    List<AuditRecord> written = new ArrayList<>(entries.size());
    for (AuditEntry entry : entries) {
      previous = AuditRecord.after(previous, entry);
      written.add(previous);
    }
    // Rows go ROWS_PER_INSERT to a statement: one statement per row made SQLite's per-statement
    // work (reset, step, JNI crossings) most of the audit writer's insert time.
    int full = written.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
    if (full > 0) {
      try (PreparedStatement s = c.prepareStatement(INSERT_FULL)) {
        for (int from = 0; from < full; from += ROWS_PER_INSERT) {
          bind(s, written.subList(from, from + ROWS_PER_INSERT));
          s.addBatch();
        }
        s.executeBatch();
      }
    }
    if (full < written.size()) {
      try (PreparedStatement s = c.prepareStatement(insert(written.size() - full))) {
        bind(s, written.subList(full, written.size()));
        s.executeUpdate();
      }
    }
    return written;
  }

  private static String insert(int rows) {
    StringBuilder sql = new StringBuilder("INSERT INTO audit_log (" + COLUMNS + ") VALUES ");
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }
    return sql.toString();
  }

  private static void bind(PreparedStatement s, List<AuditRecord> records) throws SQLException {
    int i = 1;
    for (AuditRecord record : records) {
      AuditEntry entry = record.entry();
      s.setLong(i++, record.seq());
      s.setLong(i++, entry.recordedAt());
      s.setString(i++, entry.user());
      s.setString(i++, entry.clientAddress());
      s.setString(i++, entry.operation());
      s.setString(i++, entry.uniqueIds());
      s.setString(i++, entry.resultStatus());
      if (entry.resultReason() == null) {
        s.setNull(i++, Types.VARCHAR);
      } else {
        s.setString(i++, entry.resultReason());
      }
      s.setString(i++, record.previousHash());
      s.setString(i++, record.hash());
    }
  }

  private static @Nullable AuditRecord last(Connection c) throws SQLException {
    List<AuditRecord> page =
        select(c, "SELECT " + COLUMNS + " FROM audit_log ORDER BY seq DESC LIMIT 1", 0);
    return page.isEmpty() ? null : page.get(0);
  }

  /** The chain's last record, or null when the log is empty. */
  public @Nullable AuditRecord last() {
    try (Connection c = database.connection()) {
      c.setAutoCommit(true);
      return last(c);
    } catch (SQLException e) {
      throw new PersistenceException("reading the audit log failed", e);
    }
  }

  /** Every record in seq order, read a page at a time (for verifying a chain of any length). */
  public Iterator<AuditRecord> all() {
    return new Iterator<>() {
      private List<AuditRecord> page = List.of();
      private int next;
      private long after;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (next < page.size()) {
          return true;
        }
        if (done) {
          return false;
        }
        page = readAfter(after);
        next = 0;
        done = page.size() < PAGE;
        return !page.isEmpty();
      }

      @Override
      public AuditRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        AuditRecord record = page.get(next++);
        after = record.seq();
        return record;
      }
    };
  }

  private List<AuditRecord> readAfter(long seq) {
    try (Connection c = database.connection()) {
      c.setAutoCommit(true);
      return select(
          c, "SELECT " + COLUMNS + " FROM audit_log WHERE seq > ? ORDER BY seq LIMIT " + PAGE, seq);
    } catch (SQLException e) {
      throw new PersistenceException("reading the audit log failed", e);
    }
  }

  private static List<AuditRecord> select(Connection c, String sql, long after)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      if (sql.contains("?")) {
        s.setLong(1, after);
      }
      List<AuditRecord> records = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          AuditEntry entry =
              new AuditEntry(
                  r.getLong(2),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  r.getString(7),
                  r.getString(8));
          records.add(new AuditRecord(r.getLong(1), entry, r.getString(9), r.getString(10)));
        }
      }
      return records;
    }
  }
}
