package io.arca.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V008 gives each node a chain of its own: the records and checkpoints written before it
 * become the legacy chain, with their seq, hashes and signatures as they were, and still verify.
 */
class AuditChainsMigrationTest {
  @TempDir Path tmp;

  @Test
  void recordsWrittenBeforeChainsBecomeTheLegacyChainAndStillVerify() throws Exception {
    DatabaseConfig config = DatabaseConfig.sqlite(tmp);
    Migrations beforeChains =
        new Migrations(
            "db/test-migration",
            List.of(
                "V001__objects.sql",
                "V002__access_audit.sql",
                "V003__exact_identifiers.sql",
                "V004__audit_keys.sql",
                "V005__keks.sql",
                "V006__unique_names.sql",
                "V007__write_tokens.sql"));
    List<AuditRecord> written = new ArrayList<>();
    try (Database db = Database.open(config, beforeChains);
        Connection c = db.connection()) {
      AuditRecord previous = null;
      for (int i = 1; i <= 5; i++) {
        previous =
            AuditRecord.after(
                previous,
                new AuditEntry(1_000L * i, "alice", "10.0.0.1", "Get", "k-" + i, "Success", null),
                null);
        written.add(previous);
        try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO audit_log (seq, recorded_at, user_name, client_address, operation,"
                    + " unique_ids, result_status, result_reason, previous_hash, hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)")) {
          s.setLong(1, previous.seq());
          s.setLong(2, previous.entry().recordedAt());
          s.setString(3, previous.entry().user());
          s.setString(4, previous.entry().clientAddress());
          s.setString(5, previous.entry().operation());
          s.setString(6, previous.entry().uniqueIds());
          s.setString(7, previous.entry().resultStatus());
          s.setString(8, previous.previousHash());
          s.setString(9, previous.hash());
          s.executeUpdate();
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "INSERT INTO audit_checkpoints (seq, head_hash, signed_at, signature)"
                  + " VALUES (5, ?, 6000, 'c2lnbmVk')")) {
        s.setString(1, written.get(4).hash());
        s.executeUpdate();
      }
      c.commit();
    }

    try (Database db = Database.open(config)) {
      JdbcAuditRepository repository = new JdbcAuditRepository(db);
      List<AuditRecord> read = new ArrayList<>();
      repository.all().forEachRemaining(read::add);
      assertThat(read).isEqualTo(written);
      assertThat(read).extracting(AuditRecord::chain).containsOnly(AuditRecord.LEGACY);
      assertThat(AuditChain.verify(repository.records(AuditRecord.LEGACY)).intact()).isTrue();
      assertThat(repository.checkpoints())
          .containsExactly(
              new AuditCheckpoint(
                  AuditRecord.LEGACY, 5, written.get(4).hash(), 6000, "", "c2lnbmVk"));
      assertThat(repository.checkpoints().get(0).signedText())
          .as("a legacy checkpoint is checked against the text it was signed as")
          .isEqualTo("arca-audit-checkpoint|5|" + written.get(4).hash() + "|6000");

      JdbcAuditRepository node = repository.forChain("node-a");
      node.append(List.of(new AuditEntry(7000, "bob", "10.0.0.2", "Get", "", "Success", null)));
      assertThat(node.last()).isNotNull().extracting(AuditRecord::seq).isEqualTo(1L);
      assertThat(repository.last()).isEqualTo(written.get(4));
      assertThat(repository.chains()).containsExactly("legacy", "node-a");
    }
  }
}
