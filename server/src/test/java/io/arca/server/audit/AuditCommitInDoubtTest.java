package io.arca.server.audit;

import static io.arca.server.audit.AuditJournalTest.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.persistence.AuditEntry;
import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.DyingConnections;
import io.arca.persistence.JdbcAuditRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An audit append whose connection dies in its commit (a database node lost) is appended exactly
 * once: when the commit was made, the writer finds its journal position in the database and moves
 * on (writing the records to the audit file) instead of appending them a second time; when it was
 * not made, the records are appended on the next attempt.
 */
class AuditCommitInDoubtTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(
      value = DyingConnections.Death.class,
      names = {"AFTER_COMMIT", "COMMIT_NOT_MADE"})
  void aCommitInDoubtAppendsItsRecordsExactlyOnce(DyingConnections.Death death) throws Exception {
    Database database = Database.open(DatabaseConfig.sqlite(dir));
    try {
      DyingConnections dying = DyingConnections.between(database);
      JdbcAuditRepository repository = new JdbcAuditRepository(database).forChain("node-a");
      Path file = dir.resolve("audit.log");
      List<AuditEntry> recorded = new ArrayList<>();
      try (AuditWriter writer =
          new AuditWriter(
              repository,
              new AuditJournal(dir.resolve("journal"), 16L << 20, false),
              null,
              false,
              file)) {
        record(writer, recorded, 0, 5);
        writer.flush();
        dying.arm(death); // the next append's connection dies in its commit
        record(writer, recorded, 5, 10);
        writer.flush();
        assertThat(dying.deaths()).isEqualTo(1);
        record(writer, recorded, 10, 12);
        writer.flush();
      }
      List<AuditEntry> inDatabase = new ArrayList<>();
      repository.recordsAfter(0).forEachRemaining(r -> inDatabase.add(r.entry()));
      assertThat(inDatabase).isEqualTo(recorded);
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> expected = new ArrayList<>();
      repository.recordsAfter(0).forEachRemaining(r -> expected.add(r.fileLine()));
      assertThat(lines).isEqualTo(expected).hasSize(12);
    } finally {
      database.close();
    }
  }

  private static void record(AuditWriter writer, List<AuditEntry> recorded, int from, int to) {
    for (int i = from; i < to; i++) {
      AuditEntry entry = entry(i);
      writer.record(entry);
      recorded.add(entry);
    }
  }
}
