package io.arca.server.audit;

import static io.arca.server.audit.AuditJournalTest.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.JdbcAuditRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The next journal segment is made ahead of need whatever the database append is doing: a writer
 * waiting on a locked database must not leave requests refused ("the audit journal is full") while
 * the journal has room. And a segment whose making a crash cut short does not stop the next open.
 */
class AuditJournalSegmentsTest {
  @TempDir Path dir;

  @Test
  void theNextSegmentIsMadeWhileTheWriterWaitsOnALockedDatabase() throws Exception {
    Database database = Database.open(DatabaseConfig.sqlite(dir));
    AuditJournal journal = new AuditJournal(dir.resolve("journal"), 64L << 20, false);
    try (Connection locker = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("arca.db"));
        AuditWriter writer =
            new AuditWriter(new JdbcAuditRepository(database), journal, null, false, null)) {
      awaitSpare(journal);
      try (Statement statement = locker.createStatement()) {
        statement.execute("BEGIN EXCLUSIVE"); // the writer's next append waits up to 10 s
      }
      int recorded = 0;
      long firstSegmentEnd = AuditJournal.SEGMENT_BYTES;
      while (journal.published() < firstSegmentEnd) {
        assertThat(writer.refusal()).isNull();
        writer.record(entry(recorded++)); // fills the first segment: the spare is taken
      }
      awaitSpare(journal); // made again within seconds, while the database is still locked
      assertThat(writer.databaseFailing()).isFalse(); // still waiting in its first append
      try (Statement statement = locker.createStatement()) {
        statement.execute("ROLLBACK");
      }
      writer.flush();
      assertThat(writer.backlogBytes()).isZero();
      assertThat(recorded).isGreaterThan(10_000);
    } finally {
      database.close();
    }
  }

  @Test
  void aSegmentCutShortByACrashIsDeletedAtTheNextOpen() throws Exception {
    Path where = dir.resolve("journal");
    AuditJournal journal = new AuditJournal(where, 64L << 20, false);
    journal.append(entry(1));
    Path part = where.resolve(String.format("%016x.journal.part", AuditJournal.SEGMENT_BYTES));
    Files.write(part, new byte[4096]); // a crash in the middle of zero-filling the next segment
    AuditJournal reopened = new AuditJournal(where, 64L << 20, false);
    assertThat(part).doesNotExist();
    assertThat(reopened.read(0, 10).entries()).containsExactly(entry(1));
    reopened.prepareSpare();
    assertThat(reopened.hasSpare()).isTrue();
  }

  private static void awaitSpare(AuditJournal journal) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!journal.hasSpare() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(journal.hasSpare()).as("a spare segment within 5 s").isTrue();
  }
}
