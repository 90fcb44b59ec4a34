package io.arca.server.audit;

import io.arca.persistence.AuditCheckpoint;
import io.arca.persistence.AuditEntry;
import io.arca.persistence.AuditRecord;
import io.arca.persistence.JdbcAuditRepository;
import io.arca.server.config.PrivateFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log: each record is written to the local {@link AuditJournal} by the thread that
 * answers its request, before the answer leaves, and one {@code arca-audit} thread appends the
 * journal to the database chain in order, as much as has gathered in one transaction that also
 * records how far the journal was appended. While the database cannot be written the writer keeps
 * trying and the journal keeps the records; when it returns they are appended in order, exactly
 * once. With an audit file, each appended record is also written there as a line, and each signed
 * checkpoint to the file beside it ({@code FILE.checkpoints}).
 */
public final class AuditWriter implements AuditLog, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
  private static final int MAX_BATCH = 2048;

  /**
   * How long the writer lets entries gather after a commit that was not full. Every commit costs a
   * database transaction (and an fsync on the embedded database) whatever its size, so under load
   * fewer, larger commits leave more CPU for requests. Answers do not wait for it.
   */
  private static final long LINGER_MILLIS = 10;

  private static final long RETRY_MILLIS = 200;
  private static final long CHECKPOINT_MILLIS = 60_000;

  private final JdbcAuditRepository repository;
  private final AuditJournal journal;
  private final @Nullable AuditKeys keys;
  private final boolean requireDatabase;
  private final @Nullable BufferedWriter file;
  private final @Nullable Path checkpointFile;
  private final Thread thread;
  private final Thread segmentMaker;
  private volatile long applied;
  private volatile boolean databaseFailing;
  private volatile boolean closed;

  /**
   * The last append failed, and may have been committed all the same (a connection lost after the
   * commit was sent): the next one first asks the database how far it holds the journal.
   */
  private boolean inDoubt;

  /** The seq of this chain's last record in the audit file. */
  private long fileSeq;

  private long lastCheckpointSeq;
  private long lastCheckpointAt = System.currentTimeMillis();

  /**
   * Starts the writer, which first appends what the journal holds beyond what the database has.
   *
   * @param repository the chain in the database (keyed with {@code keys}' chain key)
   * @param journal the local journal
   * @param keys the keys that sign checkpoints, or null: no checkpoints
   * @param requireDatabase whether operations are refused while the database cannot be written
   * @param file the audit file to append lines to, or null
   * @throws IOException if the file cannot be opened for appending
   */
  public AuditWriter(
      JdbcAuditRepository repository,
      AuditJournal journal,
      @Nullable AuditKeys keys,
      boolean requireDatabase,
      @Nullable Path file)
      throws IOException {
    this.repository = repository;
    this.journal = journal;
    this.keys = keys;
    this.requireDatabase = requireDatabase;
    this.applied = repository.journalPosition(journal.id());
    AuditRecord last = file == null ? null : repository.last(); // only the file needs it
    this.fileSeq = last == null ? 0 : last.seq();
    this.file =
        file == null
            ? null
            : Files.newBufferedWriter(
                PrivateFiles.file(file),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    this.checkpointFile = file == null ? null : PrivateFiles.file(checkpointsBeside(file));
    this.thread = new Thread(this::run, "arca-audit");
    thread.setDaemon(true);
    // Its own thread: a database append that waits (a lock, an outage, a slow commit) must not
    // leave requests without the next segment while the current one fills.
    this.segmentMaker = new Thread(this::makeSegments, "arca-audit-segments");
    segmentMaker.setDaemon(true);
    segmentMaker.start();
    thread.start();
  }

  /** The file that receives the signed checkpoints beside audit file {@code file}. */
  public static Path checkpointsBeside(Path file) {
    return file.resolveSibling(file.getFileName() + ".checkpoints");
  }

  @Override
  public void record(AuditEntry entry) {
    journal.append(entry);
  }

  /** Not when every record is forced to the disk ({@code --audit-sync}) before its answer. */
  @Override
  public boolean recordsWithoutBlocking() {
    return !journal.syncs();
  }

  @Override
  public @Nullable String refusal() {
    if (!journal.accepting()) {
      return "the audit journal is full or cannot be written";
    }
    if (requireDatabase && databaseFailing) {
      return "the audit log's database cannot be written";
    }
    return null;
  }

  /**
   * Waits until everything recorded before this call is in the database and the audit file (tests,
   * shutdown).
   */
  public void flush() throws InterruptedException {
    long target = journal.published();
    while (applied < target && thread.isAlive()) {
      Thread.sleep(1);
    }
  }

  /**
   * Journal bytes recorded but not yet in the database's chain: the audit queue's depth, which
   * grows while the database is slow or down.
   */
  public long backlogBytes() {
    return Math.max(0, journal.published() - applied);
  }

  /** Whether the last append to the database failed. */
  public boolean databaseFailing() {
    return databaseFailing;
  }

  /** Keeps a spare journal segment ready; logs when making one starts and stops failing. */
  private void makeSegments() {
    boolean failing = false;
    while (!closed) {
      try {
        journal.prepareSpare();
        if (failing) {
          log.info("audit journal segments can be made again");
          failing = false;
        }
        journal.awaitSpareWanted(RETRY_MILLIS);
      } catch (AuditUnavailableException e) {
        if (!failing) {
          log.warn("{}", e.getMessage());
          failing = true;
        }
        try {
          Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException interrupted) {
          return;
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void run() {
    long failingSince = 0;
    while (true) {
      AuditJournal.Read read = journal.read(applied, MAX_BATCH);
      try {
        if (read.entries().isEmpty()) {
          applied = read.end();
          if (closed) {
            lastCheckpoint();
            return;
          }
          if (System.currentTimeMillis() - lastCheckpointAt >= CHECKPOINT_MILLIS) {
            checkpoint();
          }
          Thread.sleep(2);
          continue;
        }
        try {
          // Its own failure is handled as an append's: the database is still not answering.
          if (inDoubt && movedPastACommittedAppend()) {
            databaseAnswered(failingSince);
            continue; // what the journal holds after it
          }
          List<AuditRecord> written =
              repository.append(
                  read.entries(), new JdbcAuditRepository.JournalMark(journal.id(), read.end()));
          databaseAnswered(failingSince);
          writeFile(written);
          // After the file: flush() returns once both hold what was recorded before it.
          applied = read.end();
          journal.release(applied);
        } catch (RuntimeException e) {
          if (!databaseFailing) {
            failingSince = System.currentTimeMillis();
            log.error(
                "the audit log's database cannot be written; records wait in the journal {}",
                journal.id(),
                e);
          }
          databaseFailing = true;
          inDoubt = true;
          if (closed) {
            log.warn("stopping with audit records in the journal; they are appended at restart");
            return;
          }
          Thread.sleep(RETRY_MILLIS);
          continue;
        }
        if (read.entries().size() < MAX_BATCH && !closed) {
          Thread.sleep(LINGER_MILLIS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("the audit writer failed; retrying", e);
      }
    }
  }

  /**
   * After an append that failed: whether its commit was made all the same (its answer lost), as the
   * journal position the database holds says; then moves past it, and writes its records to the
   * file, instead of appending them twice.
   */
  private boolean movedPastACommittedAppend() {
    long inDatabase = repository.journalPosition(journal.id());
    inDoubt = false;
    if (inDatabase <= applied) {
      return false;
    }
    log.info("an audit append whose answer was lost had been committed: not appended again");
    if (file != null) {
      List<AuditRecord> committed = new ArrayList<>();
      repository.recordsAfter(fileSeq).forEachRemaining(committed::add);
      writeFile(committed);
    }
    applied = inDatabase;
    journal.release(applied);
    return true;
  }

  private void databaseAnswered(long failingSince) {
    if (databaseFailing) {
      log.info(
          "the audit log's database takes records again after {} ms",
          System.currentTimeMillis() - failingSince);
    }
    databaseFailing = false;
  }

  private void lastCheckpoint() {
    try {
      checkpoint();
    } catch (RuntimeException e) {
      log.error("signing the last audit checkpoint failed", e);
    }
  }

  private void writeFile(List<AuditRecord> written) {
    if (file == null) {
      return;
    }
    try {
      for (AuditRecord record : written) {
        file.write(record.fileLine());
        file.newLine();
        fileSeq = record.seq();
      }
      file.flush();
    } catch (IOException e) {
      log.error("writing the audit file failed", e);
    }
  }

  /**
   * Signs this node's chain's head, if it moved since the last checkpoint, with the heads of the
   * other chains it sees (so that each chain's checkpoints vouch for the others too), stores the
   * checkpoint and appends it to the checkpoints file; returns it, or null when nothing was signed.
   */
  public synchronized @Nullable AuditCheckpoint checkpoint() {
    lastCheckpointAt = System.currentTimeMillis();
    if (keys == null) {
      return null;
    }
    AuditRecord head = repository.last();
    if (head == null || head.seq() == lastCheckpointSeq) {
      return null;
    }
    List<AuditCheckpoint.Head> others =
        repository.heads().stream().filter(other -> !other.chain().equals(head.chain())).toList();
    AuditCheckpoint checkpoint = keys.sign(head, others, System.currentTimeMillis());
    repository.addCheckpoint(checkpoint);
    lastCheckpointSeq = head.seq();
    if (checkpointFile != null) {
      try {
        Files.writeString(
            checkpointFile,
            checkpoint.line() + System.lineSeparator(),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND,
            StandardOpenOption.WRITE);
      } catch (IOException e) {
        log.error("writing the audit checkpoints file failed", e);
      }
    }
    return checkpoint;
  }

  /** Appends what the journal holds, signs a last checkpoint, then stops and closes the file. */
  @Override
  public void close() {
    closed = true;
    try {
      thread.join(10_000);
      journal.wakeSegmentMaker();
      segmentMaker.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (file != null) {
      try {
        file.close();
      } catch (IOException e) {
        log.error("closing the audit file failed", e);
      }
    }
  }
}
