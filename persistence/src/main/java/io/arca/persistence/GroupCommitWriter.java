package io.arca.persistence;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * <p>If a batch fails (typically one duplicate uid or name), it is rolled back and each insert
 * retried in a transaction of its own, so one bad insert fails alone.
 */
final class GroupCommitWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

  /**
   * An insert waiting for its commit; {@code inDoubt} once a commit that held it lost its
   * connection, so that its row may be stored already, written by this writer.
   */
  private record Pending(
      StoredObject object, CompletableFuture<StoredObject> done, int attempts, boolean inDoubt) {
    Pending(StoredObject object, CompletableFuture<StoredObject> done) {
      this(object, done, 1, false);
    }

    Pending again() {
      return new Pending(object, done, attempts + 1, inDoubt);
    }

    Pending doubted() {
      return new Pending(object, done, attempts, true);
    }
  }

  /** How many times an insert the database acknowledged but did not hold is written in all. */
  private static final int MAX_LANDING_ATTEMPTS = 3;

  private final Database database;
  private final UniqueNames names;
  private final int maxBatch;
  private final BlockingQueue<Pending> queue;
  private final ReadWriteLock closing = new ReentrantReadWriteLock();
  private final Thread thread;
  private volatile boolean closed;
  private volatile IntConsumer batchSizes = size -> {};

  GroupCommitWriter(Database database, UniqueNames names, int queueCapacity, int maxBatch) {
    if (queueCapacity < 1 || maxBatch < 1) {
      throw new IllegalArgumentException(
          "queueCapacity: " + queueCapacity + ", maxBatch: " + maxBatch + " (expected: >= 1)");
    }
    this.database = database;
    this.names = names;
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
    AtomicBoolean inDoubt = new AtomicBoolean();
    try {
      // A batch that lost a Galera certification, a deadlock or its connection runs again whole.
      database.transaction(
          c -> {
            ObjectRows.insert(c, batch.stream().map(Pending::object).toList(), names);
            return batch.size();
          },
          () -> inDoubt.set(true));
    } catch (SQLException e) {
      if (batch.size() == 1) {
        Pending p = batch.get(0);
        failed(inDoubt.get() ? p.doubted() : p, e);
      } else {
        for (Pending p : batch) {
          write(List.of(inDoubt.get() ? p.doubted() : p));
        }
      }
      return;
    }
    List<Pending> landed = batch;
    if (database.galera()) {
      landed = confirmed(batch);
    }
    landed.forEach(p -> p.done().complete(p.object()));
  }

  /**
   * The pending inserts whose rows this node holds as written, once the commit returned: Galera has
   * been seen to acknowledge a commit through one node whose rows the cluster does not hold, when
   * another node inserted the same uid at the same moment. Each one not found so is answered as the
   * duplicate it is when another writer's row has its uid, and written again when no row has.
   */
  private List<Pending> confirmed(List<Pending> batch) {
    List<StoredObject> notLanded;
    try {
      notLanded =
          database.causalRead(
              c -> ObjectRows.notLanded(c, batch.stream().map(Pending::object).toList()));
    } catch (SQLException e) {
      batch.forEach(
          p ->
              p.done()
                  .completeExceptionally(
                      new PersistenceException(
                          "object " + p.object().uid() + " may or may not be stored", e)));
      return List.of();
    }
    List<Pending> landed = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      if (!notLanded.contains(p.object())) {
        landed.add(p);
        continue;
      }
      log.warn(
          "the database acknowledged object {} but does not hold it as written", p.object().uid());
      if (p.attempts() >= MAX_LANDING_ATTEMPTS) {
        p.done()
            .completeExceptionally(
                new PersistenceException(
                    "object " + p.object().uid() + " was not stored: the database lost it again"));
      } else {
        write(List.of(p.again()));
      }
    }
    return landed;
  }

  /**
   * Answers an insert that failed alone. A duplicate met after a commit in doubt may be this
   * writer's own row, committed by the attempt whose acknowledgement was lost: when the row under
   * the uid is the one this insert wrote (owner, creation time and wrapped key block), the insert
   * succeeded. Another writer's row, or a Name another object holds, is still refused.
   */
  private void failed(Pending p, SQLException e) {
    if (p.inDoubt() && database.dialect().isDuplicateKey(e)) {
      try {
        boolean own =
            database.causalRead(c -> ObjectRows.notLanded(c, List.of(p.object()))).isEmpty();
        if (own) {
          log.info("object {} was stored by a commit whose answer was lost", p.object().uid());
          p.done().complete(p.object());
          return;
        }
      } catch (SQLException readFailure) {
        e.addSuppressed(readFailure);
        p.done()
            .completeExceptionally(
                new PersistenceException(
                    "object " + p.object().uid() + " may or may not be stored", e));
        return;
      }
    }
    p.done().completeExceptionally(failure(p.object().uid(), e));
  }

  private RuntimeException failure(String uid, SQLException e) {
    if (database.dialect().isDuplicateName(e)) {
      return new DuplicateNameException(uid, e);
    }
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
