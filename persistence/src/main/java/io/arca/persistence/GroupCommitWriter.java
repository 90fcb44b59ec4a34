package io.arca.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that commits pending inserts together: whatever queued while the previous commit was
 * being flushed goes into the next transaction, so N concurrent callers share one fsync instead of
 * waiting for N in a row. A future completes only after its transaction committed.
 *
 * <p>If a batch fails (typically one duplicate uid), it is rolled back and each insert retried in a
 * transaction of its own, so one bad insert fails alone.
 */
final class GroupCommitWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

  private record Pending(StoredObject object, CompletableFuture<StoredObject> done) {}

  private final Database database;
  private final int maxBatch;
  private final BlockingQueue<Pending> queue;
  private final ReadWriteLock closing = new ReentrantReadWriteLock();
  private final Thread thread;
  private volatile boolean closed;
  private volatile IntConsumer batchSizes = size -> {};

  GroupCommitWriter(Database database, int queueCapacity, int maxBatch) {
    if (queueCapacity < 1 || maxBatch < 1) {
      throw new IllegalArgumentException(
          "queueCapacity: " + queueCapacity + ", maxBatch: " + maxBatch + " (expected: >= 1)");
    }
    this.database = database;
    this.maxBatch = maxBatch;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.thread = new Thread(this::run, "arca-group-commit");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues an insert, waiting while the queue is full; the future completes once it is durable. */
  CompletableFuture<StoredObject> submit(StoredObject object) throws InterruptedException {
    closing.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the object repository is closed");
      }
      Pending pending = new Pending(object, new CompletableFuture<>());
      queue.put(pending);
      return pending.done();
    } finally {
      closing.readLock().unlock();
    }
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    while (!closed || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        batchSizes.accept(batch.size());
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        // Never let the writer die with callers waiting on it.
        log.error("group commit failed unexpectedly", e);
        batch.forEach(p -> p.done().completeExceptionally(e));
      } finally {
        batch.clear();
      }
    }
  }

  /** From now on tells {@code batchSizes} how many inserts each commit takes (metrics). */
  void observeBatches(IntConsumer batchSizes) {
    this.batchSizes = batchSizes;
  }

  private void write(List<Pending> batch) {
    try (Connection c = database.connection()) {
      try {
        ObjectRows.insert(c, batch.stream().map(Pending::object).toList());
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      if (batch.size() == 1) {
        Pending p = batch.get(0);
        p.done().completeExceptionally(failure(p.object().uid(), e));
      } else {
        for (Pending p : batch) {
          write(List.of(p));
        }
      }
      return;
    }
    batch.forEach(p -> p.done().complete(p.object()));
  }

  private RuntimeException failure(String uid, SQLException e) {
    if (database.dialect().isDuplicateKey(e)) {
      return new DuplicateObjectException(uid, e);
    }
    return new PersistenceException("inserting object " + uid + " failed", e);
  }

  /** Commits what is queued, then stops; later submits fail. */
  @Override
  public void close() {
    closing.writeLock().lock();
    try {
      closed = true;
    } finally {
      closing.writeLock().unlock();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Pending p; (p = queue.poll()) != null; ) {
      p.done().completeExceptionally(new IllegalStateException("the object repository closed"));
    }
  }
}
