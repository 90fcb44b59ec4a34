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
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The audit chains in the database, seen from one of them: the chain this repository appends to
 * (each Arca node has its own, named by its node id; {@link AuditRecord#LEGACY} by default). Each
 * append is one transaction that reads the chain's last record and links the new ones after it;
 * nodes on different chains never touch one another's rows, so Galera certification does not set
 * them against each other. Two writers of one chain still stay correct: one of them meets a
 * duplicate {@code (chain, seq)}, rolls back and links again after the winner. Also the chains'
 * wrapped keys, their signed checkpoints and how far each server's journal has been appended
 * (migrations V004, V008).
 */
public final class JdbcAuditRepository {
  private static final int PAGE = 1_000;
  private static final int ATTEMPTS = 20;
  private static final int ROWS_PER_INSERT = 32;

  private static final String COLUMNS =
      "chain, seq, recorded_at, user_name, client_address, operation, unique_ids, result_status,"
          + " result_reason, previous_hash, hash";
  private static final String INSERT_FULL = insert(ROWS_PER_INSERT);

  private final Database database;
  private final String chain;
  private final @Nullable AuditChainKey key;

  /**
   * The audit log stored in {@code database}, appended to unkeyed and in the legacy chain (tests,
   * and reading).
   */
  public JdbcAuditRepository(Database database) {
    this(database, AuditRecord.LEGACY, null);
  }

  private JdbcAuditRepository(Database database, String chain, @Nullable AuditChainKey key) {
    this.database = database;
    this.chain = AuditRecord.requireChainName(chain);
    this.key = key;
  }

  /** This log, appending records keyed under {@code key}. */
  public JdbcAuditRepository keyedWith(AuditChainKey key) {
    return new JdbcAuditRepository(database, chain, key);
  }

  /** This log, appending to the chain {@code name}. */
  public JdbcAuditRepository forChain(String name) {
    return new JdbcAuditRepository(database, name, key);
  }

  /** The chain this repository appends to. */
  public String chain() {
    return chain;
  }

  /**
   * How far a journal has been appended.
   *
   * @param journalId the journal's identifier
   * @param position the journal's position after the entries appended with it
   */
  public record JournalMark(String journalId, long position) {}

  /** Appends the entries, in order, after the chain's last record; returns the new records. */
  public List<AuditRecord> append(List<AuditEntry> entries) {
    return append(entries, null);
  }

  /**
   * Appends the entries, in order, after the chain's last record, and in the same transaction
   * records {@code mark} (so a journal's entries are appended exactly once); returns the new
   * records.
   */
  public List<AuditRecord> append(List<AuditEntry> entries, @Nullable JournalMark mark) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = database.connection()) {
        try {
          List<AuditRecord> written = appendIn(c, chain, entries, key);
          if (mark != null) {
            markJournal(c, mark);
          }
          c.commit();
          return written;
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          if (e instanceof SQLException s
              && (database.dialect().isDuplicateKey(s) || database.dialect().isRetryable(s))
              && attempt < ATTEMPTS) {
            // Another server appended first (on Galera, its commit won certification): link
            // after its records.
            continue;
          }
          throw e;
        }
      } catch (SQLException e) {
        throw new PersistenceException("appending to the audit log failed", e);
      }
    }
  }

  private static void markJournal(Connection c, JournalMark mark) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("UPDATE audit_journals SET applied_position = ? WHERE journal_id = ?")) {
      s.setLong(1, mark.position());
      s.setString(2, mark.journalId());
      if (s.executeUpdate() == 1) {
        return;
      }
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO audit_journals (journal_id, applied_position) VALUES (?, ?)")) {
      s.setString(1, mark.journalId());
      s.setLong(2, mark.position());
      s.executeUpdate();
    }
  }

  /** How far the journal {@code journalId} has been appended: 0 when it never was. */
  public long journalPosition(String journalId) {
    try (Connection c = database.connection()) {
      c.setAutoCommit(true);
      try (PreparedStatement s =
          c.prepareStatement("SELECT applied_position FROM audit_journals WHERE journal_id = ?")) {
        s.setString(1, journalId);
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? r.getLong(1) : 0;
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("reading the audit journal position failed", e);
    }
  }

  private static List<AuditRecord> appendIn(
      Connection c, String chain, List<AuditEntry> entries, @Nullable AuditChainKey key)
      throws SQLException {
    AuditRecord previous = last(c, chain);
    List<AuditRecord> written = new ArrayList<>(entries.size() + 1);
    if (previous == null && key != null && !chain.equals(AuditRecord.LEGACY)) {
      // A node's chain is keyed from its first record, which says so, and which names the other
      // chains' heads: where this chain began among them.
      previous = AuditRecord.after(chain, null, startOf(heads(c)), key);
      written.add(previous);
    }
    for (AuditEntry entry : entries) {
      previous = AuditRecord.after(chain, previous, entry, key);
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

  /**
   * The record that starts a node's chain: it marks keying, and names the heads it started among.
   */
  private static AuditEntry startOf(List<AuditCheckpoint.Head> heads) {
    StringBuilder seen = new StringBuilder();
    for (AuditCheckpoint.Head head : heads) {
      seen.append(seen.length() == 0 ? "" : " ")
          .append(head.chain())
          .append('@')
          .append(head.seq());
    }
    return new AuditEntry(
        System.currentTimeMillis(),
        "arca-server",
        "local",
        AuditRecord.KEYED,
        seen.toString(),
        "Success",
        null);
  }

  private static String insert(int rows) {
    StringBuilder sql = new StringBuilder("INSERT INTO audit_log (" + COLUMNS + ") VALUES ");
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }
    return sql.toString();
  }

  private static void bind(PreparedStatement s, List<AuditRecord> records) throws SQLException {
    int i = 1;
    for (AuditRecord record : records) {
      AuditEntry entry = record.entry();
      s.setString(i++, record.chain());
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

  private static @Nullable AuditRecord last(Connection c, String chain) throws SQLException {
    List<AuditRecord> page =
        select(
            c,
            "SELECT " + COLUMNS + " FROM audit_log WHERE chain = ? ORDER BY seq DESC LIMIT 1",
            List.of(chain));
    return page.isEmpty() ? null : page.get(0);
  }

  /** This chain's last record, or null when it has none. */
  public @Nullable AuditRecord last() {
    try (Connection c = database.connection()) {
      c.setAutoCommit(true);
      return last(c, chain);
    } catch (SQLException e) {
      throw new PersistenceException("reading the audit log failed", e);
    }
  }

  private static List<AuditCheckpoint.Head> heads(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT a.chain, a.seq, a.hash FROM audit_log a JOIN (SELECT chain, MAX(seq) AS"
                    + " last_seq FROM audit_log GROUP BY chain) h ON a.chain = h.chain AND a.seq"
                    + " = h.last_seq ORDER BY a.chain");
        ResultSet r = s.executeQuery()) {
      List<AuditCheckpoint.Head> heads = new ArrayList<>();
      while (r.next()) {
        heads.add(new AuditCheckpoint.Head(r.getString(1), r.getLong(2), r.getString(3)));
      }
      return heads;
    }
  }

  /** Every chain's last record, as a head, in the order of the chains' names. */
  public List<AuditCheckpoint.Head> heads() {
    try (Connection c = database.connection()) {
      c.setAutoCommit(true);
      return heads(c);
    } catch (SQLException e) {
      throw new PersistenceException("reading the audit chains' heads failed", e);
    }
  }

  /** The names of the chains that hold records, in order. */
  public List<String> chains() {
    return heads().stream().map(AuditCheckpoint.Head::chain).toList();
  }

  /**
   * Every record of every chain, chain by chain in the order of their names and in seq order within
   * each, read a page at a time (for verifying chains of any length).
   */
  public Iterator<AuditRecord> all() {
    return select(Selection.ALL);
  }

  /** The records of chain {@code name} in seq order, read a page at a time. */
  public Iterator<AuditRecord> records(String name) {
    return select(new Selection(null, null, null, name));
  }

  /**
   * Which records to read: each criterion given narrows them (null: any).
   *
   * @param since the earliest time recorded, epoch milliseconds, inclusive
   * @param until the latest, exclusive
   * @param user the user exactly
   * @param chain the chain exactly
   */
  public record Selection(
      @Nullable Long since, @Nullable Long until, @Nullable String user, @Nullable String chain) {
    /** Every record. */
    public static final Selection ALL = new Selection(null, null, null, null);

    /** The records of every chain that meet the other criteria. */
    public Selection(@Nullable Long since, @Nullable Long until, @Nullable String user) {
      this(since, until, user, null);
    }
  }

  /**
   * The records of {@code selection}, chain by chain in the order of their names and in seq order
   * within each, read a page at a time.
   */
  public Iterator<AuditRecord> select(Selection selection) {
    return select(selection, "", 0);
  }

  /** This chain's records after seq {@code seq}, in seq order, read a page at a time. */
  public Iterator<AuditRecord> recordsAfter(long seq) {
    return select(new Selection(null, null, null, chain), chain, seq);
  }

  private Iterator<AuditRecord> select(Selection selection, String fromChain, long fromSeq) {
    return new Iterator<>() {
      private List<AuditRecord> page = List.of();
      private int next;
      private String afterChain = fromChain;
      private long after = fromSeq;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (next < page.size()) {
          return true;
        }
        if (done) {
          return false;
        }
        page = readAfter(afterChain, after, selection);
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
        afterChain = record.chain();
        after = record.seq();
        return record;
      }
    };
  }

  private List<AuditRecord> readAfter(String chain, long seq, Selection selection) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT " + COLUMNS + " FROM audit_log WHERE (chain > ? OR (chain = ? AND seq > ?))");
    List<Object> values = new ArrayList<>(List.of(chain, chain, seq));
    if (selection.chain() != null) {
      sql.append(" AND chain = ?");
      values.add(selection.chain());
    }
    if (selection.since() != null) {
      sql.append(" AND recorded_at >= ?");
      values.add(selection.since());
    }
    if (selection.until() != null) {
      sql.append(" AND recorded_at < ?");
      values.add(selection.until());
    }
    if (selection.user() != null) {
      sql.append(" AND user_name = ?");
      values.add(selection.user());
    }
    sql.append(" ORDER BY chain, seq LIMIT " + PAGE);
    try (Connection c = database.connection()) {
      c.setAutoCommit(true);
      return select(c, sql.toString(), values);
    } catch (SQLException e) {
      throw new PersistenceException("reading the audit log failed", e);
    }
  }

  private static List<AuditRecord> select(Connection c, String sql, List<Object> values)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.size(); i++) {
        s.setObject(i + 1, values.get(i));
      }
      List<AuditRecord> records = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          AuditEntry entry =
              new AuditEntry(
                  r.getLong(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  r.getString(7),
                  r.getString(8),
                  r.getString(9));
          records.add(
              new AuditRecord(
                  r.getString(1), r.getLong(2), entry, r.getString(10), r.getString(11)));
        }
      }
      return records;
    }
  }

  /** The stored audit key of this name ({@link StoredAuditKey#CHAIN} or {@code CHECKPOINT}). */
  public Optional<StoredAuditKey> key(String name) {
    try (Connection c = database.connection()) {
      c.setAutoCommit(true);
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT name, kek_id, mechanism, wrapped, public_key, starts_at_seq"
                  + " FROM audit_keys WHERE name = ?")) {
        s.setString(1, name);
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            return Optional.empty();
          }
          byte[] publicKey = r.getBytes(5);
          long startsAt = r.getLong(6);
          return Optional.of(
              new StoredAuditKey(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  Blob.copyOf(r.getBytes(4)),
                  publicKey == null ? null : Blob.copyOf(publicKey),
                  r.wasNull() ? null : startsAt));
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("reading the audit keys failed", e);
    }
  }

  /**
   * Stores a key unless one of its name exists; for the chain key, also appends the record that
   * marks where keying starts (its first keyed record, {@code marker}) in the same transaction.
   *
   * @param stored the wrapped key ({@code startsAtSeq} is ignored: it is set here)
   * @param chainKey the unwrapped chain key when {@code stored} is the chain key, else null
   * @return whether it was stored (false: another server stored one first)
   */
  public boolean addKey(
      StoredAuditKey stored, @Nullable AuditChainKey chainKey, @Nullable AuditEntry marker) {
    try (Connection c = database.connection()) {
      try {
        Long startsAt = null;
        if (chainKey != null && marker != null) {
          AuditRecord last = last(c, AuditRecord.LEGACY);
          startsAt = last == null ? 1 : last.seq() + 1;
          try (PreparedStatement s = c.prepareStatement(insert(1))) {
            bind(s, List.of(AuditRecord.after(last, marker, chainKey)));
            s.executeUpdate();
          }
        }
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO audit_keys (name, kek_id, mechanism, wrapped, public_key,"
                    + " starts_at_seq) VALUES (?, ?, ?, ?, ?, ?)")) {
          s.setString(1, stored.name());
          s.setString(2, stored.kekId());
          s.setString(3, stored.mechanism());
          s.setBytes(4, stored.wrapped().toByteArray());
          if (stored.publicKey() == null) {
            s.setNull(5, Types.BLOB);
          } else {
            s.setBytes(5, stored.publicKey().toByteArray());
          }
          if (startsAt == null) {
            s.setNull(6, Types.BIGINT);
          } else {
            s.setLong(6, startsAt);
          }
          s.executeUpdate();
        }
        c.commit();
        return true;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        if (e instanceof SQLException s && database.dialect().isDuplicateKey(s)) {
          return false;
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new PersistenceException("storing an audit key failed", e);
    }
  }

  /** Stores a signed checkpoint (one per chain and seq: a second of the same seq is ignored). */
  public void addCheckpoint(AuditCheckpoint checkpoint) {
    try (Connection c = database.connection()) {
      c.setAutoCommit(true);
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO audit_checkpoints (chain, seq, head_hash, signed_at, seen, signature)"
                  + " VALUES (?, ?, ?, ?, ?, ?)")) {
        s.setString(1, checkpoint.chain());
        s.setLong(2, checkpoint.seq());
        s.setString(3, checkpoint.headHash());
        s.setLong(4, checkpoint.signedAt());
        s.setString(5, checkpoint.seen());
        s.setString(6, checkpoint.signature());
        s.executeUpdate();
      } catch (SQLException e) {
        if (!database.dialect().isDuplicateKey(e)) {
          throw e;
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("storing an audit checkpoint failed", e);
    }
  }

  /** Every stored checkpoint of every chain, by chain name and then seq. */
  public List<AuditCheckpoint> checkpoints() {
    try (Connection c = database.connection()) {
      c.setAutoCommit(true);
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT chain, seq, head_hash, signed_at, seen, signature FROM"
                      + " audit_checkpoints ORDER BY chain, seq");
          ResultSet r = s.executeQuery()) {
        List<AuditCheckpoint> checkpoints = new ArrayList<>();
        while (r.next()) {
          checkpoints.add(
              new AuditCheckpoint(
                  r.getString(1),
                  r.getLong(2),
                  r.getString(3),
                  r.getLong(4),
                  r.getString(5),
                  r.getString(6)));
        }
        return checkpoints;
      }
    } catch (SQLException e) {
      throw new PersistenceException("reading the audit checkpoints failed", e);
    }
  }
}
