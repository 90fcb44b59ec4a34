package io.arca.server.audit;

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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that appends queued entries to the chain in order, as many as queued while the
 * previous append was committing in one transaction, so request threads share commits instead of
 * taking turns on a lock. The request is answered without waiting for its record: a crash loses at
 * most the records still queued (bounded by the queue), and a full queue slows requests down rather
 * than dropping records. With an audit file, each committed record is also written there as a line,
 * so a copy of the chain exists outside the database.
 */
public final class AuditWriter implements AuditLog, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);
  private static final int MAX_BATCH = 2048;

  /**
   * How long the writer lets entries gather after a commit that was not full. Every commit costs a
   * database transaction (and an fsync on the embedded database) whatever its size, so under load
   * fewer, larger commits leave more CPU for requests; a crash loses at most this much more.
   */
  private static final long LINGER_MILLIS = 10;

  private final JdbcAuditRepository repository;
  private final @Nullable BufferedWriter file;
  private final BlockingQueue<AuditEntry> queue;
  private final Thread thread;
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();
  private volatile boolean closed;

  /**
   * Starts the writer.
   *
   * @param repository the chain in the database
   * @param file the audit file to append lines to, or null
   * @param queueCapacity entries waiting at most before {@link #record} blocks
   * @throws IOException if the file cannot be opened for appending
   */
  public AuditWriter(JdbcAuditRepository repository, @Nullable Path file, int queueCapacity)
      throws IOException {
    this.repository = repository;
    this.file =
        file == null
            ? null
            : Files.newBufferedWriter(
                PrivateFiles.file(file),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.thread = new Thread(this::run, "arca-audit");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void record(AuditEntry entry) {
    if (closed) {
      log.warn("audit entry after close, not recorded: {} by {}", entry.operation(), entry.user());
      return;
    }
    pending.incrementAndGet();
    try {
      queue.put(entry);
    } catch (InterruptedException e) {
      pending.decrementAndGet();
      Thread.currentThread().interrupt();
      log.error("interrupted: audit entry not recorded: {} by {}", entry.operation(), entry.user());
    }
  }

  /** Entries that could not be appended (each is also logged). */
  public long failures() {
    return failed.get();
  }

  /** Waits until everything queued before this call is appended (for tests and shutdown). */
  public void flush() throws InterruptedException {
    while (pending.get() > 0 && thread.isAlive()) {
      Thread.sleep(1);
    }
  }

  private void run() {
    List<AuditEntry> batch = new ArrayList<>(MAX_BATCH);
    while (!closed || !queue.isEmpty()) {
      try {
        AuditEntry first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        append(batch);
        pending.addAndGet(-batch.size());
        if (batch.size() < MAX_BATCH && !closed) {
          Thread.sleep(LINGER_MILLIS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } finally {
        batch.clear();
      }
    }
  }

  private void append(List<AuditEntry> batch) {
    List<AuditRecord> written;
    try {
      written = repository.append(batch);
    } catch (RuntimeException e) {
      failed.addAndGet(batch.size());
      log.error("{} audit entries could not be appended to the chain", batch.size(), e);
      return;
    }
    if (file != null) {
      try {
        for (AuditRecord record : written) {
          file.write(record.fileLine());
          file.newLine();
        }
        file.flush();
      } catch (IOException e) {
        log.error("writing the audit file failed", e);
      }
    }
  }

  /** Appends what is queued, then stops the thread and closes the file. */
  @Override
  public void close() {
    closed = true;
    try {
      thread.join(10_000);
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
