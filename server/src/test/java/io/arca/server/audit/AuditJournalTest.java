package io.arca.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.persistence.AuditChainKey;
import io.arca.persistence.AuditEntry;
import io.arca.persistence.AuditRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal keeps entries in order across segments and reopening, cuts a torn tail, is readable
 * by its owner only, and refuses when full. Prints what an append costs the request's thread
 * against the queue it replaced (medians of interleaved samples; not asserted).
 */
class AuditJournalTest {
  private static final Logger log = LoggerFactory.getLogger(AuditJournalTest.class);

  @TempDir Path dir;

  @Test
  void entriesComeBackInOrderAcrossSegmentsAndAReopen() throws Exception {
    Path where = dir.resolve("journal");
    AuditJournal journal = new AuditJournal(where, 64L << 20, false);
    List<AuditEntry> written = new ArrayList<>();
    for (int i = 0; i < 120_000; i++) { // about 13 MB: more than one segment
      if (i % 10_000 == 0) {
        journal.prepareSpare();
      }
      AuditEntry entry = entry(i);
      journal.append(entry);
      written.add(entry);
    }
    AuditJournal reopened = new AuditJournal(where, 64L << 20, false);
    assertThat(reopened.id()).isEqualTo(journal.id());
    assertThat(readAll(reopened, 0)).isEqualTo(written);
    reopened.append(entry(-1));
    assertThat(readAll(reopened, 0)).hasSize(written.size() + 1).last().isEqualTo(entry(-1));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(where)))
        .isEqualTo("rwx------");
    try (var files = Files.list(where)) {
      for (Path file : files.toList()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
            .as(file.toString())
            .isEqualTo("rw-------");
      }
    }
  }

  @Test
  void theWriterGetsEveryEntryInOrderWhenMoreWaitThanAreHandedOffInMemory() throws Exception {
    AuditJournal journal = new AuditJournal(dir.resolve("journal"), 64L << 20, false);
    List<AuditEntry> written = new ArrayList<>();
    for (int i = 0; i < AuditJournal.MAX_HANDED_OFF + 5_000; i++) {
      AuditEntry entry = entry(i);
      journal.append(entry);
      written.add(entry);
    }
    assertThat(readAll(journal, 0)).isEqualTo(written);
    for (int i = 0; i < 100; i++) {
      AuditEntry entry = entry(-i);
      journal.append(entry);
      written.add(entry);
    }
    assertThat(readAll(journal, 0)).isEqualTo(written);
  }

  @Test
  void whatTheDatabaseDidNotTakeIsReadAgainFromTheJournal() throws Exception {
    AuditJournal journal = new AuditJournal(dir.resolve("journal"), 64L << 20, false);
    for (int i = 0; i < 30; i++) {
      journal.append(entry(i));
    }
    AuditJournal.Read first = journal.read(0, 10);
    assertThat(first.entries())
        .containsExactly(
            entry(0), entry(1), entry(2), entry(3), entry(4), entry(5), entry(6), entry(7),
            entry(8), entry(9));
    // The append of those ten failed: the writer asks again from the same place.
    AuditJournal.Read again = journal.read(0, 10);
    assertThat(again).isEqualTo(first);
    AuditJournal.Read rest = journal.read(again.end(), 100);
    assertThat(rest.entries()).hasSize(20).first().isEqualTo(entry(10));
    assertThat(journal.read(rest.end(), 100).entries()).isEmpty();
  }

  @Test
  void aTornRecordIsCutOffAndWrittenOver() throws Exception {
    Path where = dir.resolve("journal");
    AuditJournal journal = new AuditJournal(where, 64L << 20, false);
    journal.append(entry(1));
    journal.append(entry(2));
    Path segment = where.resolve(String.format("%016x.journal", 0));
    byte[] bytes = Files.readAllBytes(segment);
    int second = 8 + JournalRecord.encode(entry(1)).remaining();
    bytes[second + 10] ^= 1; // the crash tore the second record
    Files.write(segment, bytes);

    AuditJournal reopened = new AuditJournal(where, 64L << 20, false);
    assertThat(readAll(reopened, 0)).containsExactly(entry(1));
    reopened.append(entry(3));
    assertThat(readAll(reopened, 0)).containsExactly(entry(1), entry(3));
  }

  @Test
  void aFullJournalRefuses() throws Exception {
    AuditJournal journal = new AuditJournal(dir.resolve("journal"), 16L << 20, false);
    journal.prepareSpare();
    journal.prepareSpare(); // the maximum (two segments) is reached: no third
    int appended = 0;
    while (journal.accepting()) {
      journal.append(entry(appended++));
    }
    assertThat(appended).isGreaterThan(50_000);
    for (int i = 0; i < 10_000; i++) {
      journal.append(entry(i)); // the headroom still takes a batch already let in
    }
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 1_000_000; i++) {
                journal.append(entry(i));
              }
            })
        .isInstanceOf(AuditUnavailableException.class)
        .hasMessageContaining("full");
    long end = 0;
    while (true) {
      AuditJournal.Read read = journal.read(end, Integer.MAX_VALUE);
      if (read.entries().isEmpty()) {
        break;
      }
      end = read.end();
    }
    journal.release(end);
    journal.prepareSpare();
    assertThat(journal.accepting()).isTrue();
  }

  @Test
  void whatAnAppendCostsTheRequestThread() throws Exception {
    AuditJournal journal = new AuditJournal(dir.resolve("journal"), 1L << 30, false);
    ArrayBlockingQueue<AuditEntry> queue = new ArrayBlockingQueue<>(65_536);
    AuditEntry entry = entry(7);
    AuditChainKey key = AuditChainKey.of(new byte[32]);
    int rounds = 201;
    int perRound = 1_000;
    long[] queued = new long[rounds];
    long[] journaled = new long[rounds];
    long[] sha = new long[rounds];
    long[] hmac = new long[rounds];
    List<AuditEntry> drained = new ArrayList<>();
    long position = 0;
    for (int round = -50; round < rounds; round++) { // the first 50: warm-up
      journal.prepareSpare();
      long t0 = System.nanoTime();
      for (int i = 0; i < perRound; i++) {
        queue.put(entry);
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < perRound; i++) {
        journal.append(entry);
      }
      long t2 = System.nanoTime();
      AuditRecord previous = null;
      for (int i = 0; i < perRound; i++) {
        previous = AuditRecord.after(previous, entry, null);
      }
      long t3 = System.nanoTime();
      previous = null;
      for (int i = 0; i < perRound; i++) {
        previous = AuditRecord.after(previous, entry, key);
      }
      long t4 = System.nanoTime();
      queue.drainTo(drained);
      drained.clear();
      position = journal.read(position, Integer.MAX_VALUE).end();
      journal.release(position);
      if (round >= 0) {
        queued[round] = (t1 - t0) / perRound;
        journaled[round] = (t2 - t1) / perRound;
        sha[round] = (t3 - t2) / perRound;
        hmac[round] = (t4 - t3) / perRound;
      }
    }
    log.info(
        String.format(
            Locale.ROOT,
            "audit record on the request thread, median of %d interleaved rounds of %d: queue.put"
                + " %d ns (before), journal append %d ns (now); writer thread per record:"
                + " SHA-256 chain %d ns (before), HMAC-SHA256 chain %d ns (now); entry of %d bytes",
            rounds,
            perRound,
            median(queued),
            median(journaled),
            median(sha),
            median(hmac),
            JournalRecord.encode(entry).remaining()));
    assertThat(readAll(journal, position)).isEmpty();
  }

  private static long median(long[] samples) {
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static List<AuditEntry> readAll(AuditJournal journal, long from) {
    List<AuditEntry> all = new ArrayList<>();
    long at = from;
    while (true) {
      AuditJournal.Read read = journal.read(at, 4096);
      all.addAll(read.entries());
      if (read.entries().isEmpty()) {
        return all;
      }
      at = read.end();
    }
  }

  /** An entry that differs from every other {@code i}; shared by the audit tests here. */
  static AuditEntry entry(int i) {
    return new AuditEntry(
        1_700_000_000_000L + i,
        "alice",
        "192.0.2.7:40000",
        "Encrypt",
        new UUID(i, i).toString(),
        "Success",
        null);
  }
}
