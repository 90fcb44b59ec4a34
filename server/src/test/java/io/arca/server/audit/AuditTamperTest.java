package io.arca.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.persistence.AuditChainKey;
import io.arca.persistence.AuditCheckpoint;
import io.arca.persistence.AuditEntry;
import io.arca.persistence.AuditRecord;
import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.JdbcAuditRepository;
import io.arca.server.store.LocalKek;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone with write access to the database rewrites the audit log: {@code audit verify} finds a
 * record edited and re-chained (with plain hashes, or HMACs under a key of their own), the tail cut
 * back behind a checkpoint, and a database that no longer matches the audit file; and passes the
 * untouched log, which began unkeyed and became keyed.
 */
class AuditTamperTest {
  @TempDir Path dir;
  private DatabaseConfig config;
  private Database database;
  private LocalKek kek;
  private Path file;
  private AuditCheckpoint checkpoint;

  @BeforeEach
  void writeALog() throws Exception {
    config = config();
    database = Database.open(config);
    kek = LocalKek.openOrCreate(dir.resolve("kek"), new SecureRandom());
    JdbcAuditRepository repository = new JdbcAuditRepository(database);
    repository.append(List.of(entry("old-1"), entry("old-2"))); // written before keying existed
    AuditKeys keys = AuditKeys.openOrCreate(repository, kek, new SecureRandom());
    file = dir.resolve("audit.log");
    try (AuditWriter writer =
        new AuditWriter(
            repository.keyedWith(keys.keying().key()),
            new AuditJournal(dir.resolve("audit-journal"), 16L << 20, false),
            keys,
            false,
            file)) {
      for (int i = 1; i <= 10; i++) {
        writer.record(entry("k" + i));
      }
      writer.flush();
      checkpoint = Objects.requireNonNull(writer.checkpoint());
      for (int i = 11; i <= 13; i++) {
        writer.record(entry("k" + i));
      }
      writer.flush();
    } // close signs a last checkpoint
  }

  /** The database the log is written to: the embedded one here. */
  DatabaseConfig config() throws Exception {
    return DatabaseConfig.sqlite(dir);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void anUntouchedLogVerifies() throws Exception {
    assertThat(checkpoint.seq()).isEqualTo(13);
    assertThat(verify(true))
        .contains("database, chain legacy: 16 audit records, chain intact")
        .contains("agree on the file's 13 records")
        .contains("2 signed checkpoints hold, the last at record 16");
  }

  @Test
  void anEditedRecordReChainedWithPlainHashesIsFound() throws Exception {
    rewriteFrom(6, null);
    assertThat(verify(false)).contains("chain broken at record 6").contains("keyed hash");
  }

  @Test
  void anEditedRecordReChainedUnderAnotherKeyIsFound() throws Exception {
    byte[] forged = new byte[32];
    new SecureRandom().nextBytes(forged);
    rewriteFrom(6, AuditChainKey.of(forged));
    assertThat(verify(false)).contains("chain broken at record 6");
  }

  @Test
  void anUnkeyedRecordEditedAndEverythingReChainedIsFound() throws Exception {
    rewriteFrom(2, null); // the keying record and all after it get plain hashes too
    assertThat(verify(false)).contains("chain broken at record 3");
  }

  @Test
  void theTailCutBackBehindACheckpointIsFound() throws Exception {
    execute("DELETE FROM audit_log WHERE seq > 11");
    assertThat(verify(false))
        .contains("checkpoint of record 13: the chain ends at record 11 (its tail was cut off)")
        .contains("does not hold it (removed)");
  }

  @Test
  void theTailCutWithTheStoredCheckpointsIsFoundByTheFiles() throws Exception {
    execute("DELETE FROM audit_log WHERE seq > 11");
    execute("DELETE FROM audit_checkpoints");
    assertThat(verify(false))
        .contains("audit.log and the database disagree at chain legacy's record 12")
        .contains("is not in the database");
  }

  private String verify(boolean expected) throws Exception {
    StringWriter out = new StringWriter();
    boolean intact = AuditVerifier.verify(config, kek, file, new PrintWriter(out));
    assertThat(intact).as(out.toString()).isEqualTo(expected);
    return out.toString();
  }

  /**
   * Changes record {@code from}'s user to mallory and re-chains it and every later record, hashing
   * with {@code key} (null: plain SHA-256), as someone without the chain key could.
   */
  private void rewriteFrom(long from, @Nullable AuditChainKey key) throws Exception {
    List<AuditRecord> records = new ArrayList<>();
    new JdbcAuditRepository(database).all().forEachRemaining(records::add);
    AuditRecord previous = records.get((int) from - 2);
    try (Connection c = database.connection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE audit_log SET user_name = ?, previous_hash = ?, hash = ? WHERE seq = ?")) {
      for (AuditRecord record : records.subList((int) from - 1, records.size())) {
        AuditEntry e = record.entry();
        AuditEntry entry =
            record.seq() == from
                ? new AuditEntry(
                    e.recordedAt(),
                    "mallory",
                    e.clientAddress(),
                    e.operation(),
                    e.uniqueIds(),
                    e.resultStatus(),
                    e.resultReason())
                : e;
        AuditRecord forged = AuditRecord.after(previous, entry, key);
        s.setString(1, entry.user());
        s.setString(2, forged.previousHash());
        s.setString(3, forged.hash());
        s.setLong(4, forged.seq());
        s.executeUpdate();
        previous = forged;
      }
      c.commit();
    }
  }

  private void execute(String sql) throws Exception {
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      s.execute(sql);
      c.commit();
    }
  }

  private static AuditEntry entry(String uid) {
    return new AuditEntry(
        1_700_000_000_000L, "alice", "192.0.2.7:40000", "Get", uid, "Success", null);
  }
}
