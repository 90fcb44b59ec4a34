package io.arca.server.batch;

import io.arca.kmip.CancellationResult;
import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.ttlv.ByteString;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The batch items answered Operation Pending (KMIP 1.4 §6.7-6.8, 2.1 §9.1-9.2), run on a few
 * threads of their own and kept, each under its random Asynchronous Correlation Value, until its
 * owner collects the result with Poll or the result outlives {@link Limits#resultLifetime}. Only
 * the user who asked may Poll or Cancel an operation: to anyone else its value does not exist. The
 * operations held, per user and in all, are bounded; one more is refused Server Limit Exceeded.
 */
public final class AsyncOperations {
  /** Bytes of an Asynchronous Correlation Value: random, so one cannot be guessed. */
  static final int CORRELATION_BYTES = 16;

  /**
   * How much may be held.
   *
   * @param total operations held in all (queued, running or finished but not yet polled)
   * @param perUser operations one user may hold
   * @param resultLifetime how long a finished operation's result waits for its Poll
   * @param threads the threads running them
   */
  public record Limits(int total, int perUser, Duration resultLifetime, int threads) {
    /** 256 in all, 16 per user, results kept 10 minutes, 2 threads. */
    public static final Limits DEFAULTS = new Limits(256, 16, Duration.ofMinutes(10), 2);

    public Limits {
      if (total < 1 || perUser < 1 || threads < 1 || resultLifetime.isNegative()) {
        throw new IllegalArgumentException(
            "asynchronous limits: "
                + total
                + " in all, "
                + perUser
                + " per user, "
                + threads
                + " threads, lifetime "
                + resultLifetime
                + " (expected: positive)");
      }
    }
  }

  private enum Phase {
    QUEUED,
    RUNNING,
    FINISHED
  }

  /** One operation; guarded by the {@link AsyncOperations} that holds it. */
  private static final class Job {
    final String owner;
    final int operation;
    Phase phase = Phase.QUEUED;
    @Nullable ResponseBatchItem result;
    @Nullable Instant finishedAt;

    Job(String owner, int operation) {
      this.owner = owner;
      this.operation = operation;
    }
  }

  private final Limits limits;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final ThreadPoolExecutor runner;
  private final Map<ByteString, Job> jobs = new HashMap<>();

  /**
   * What became of the operations whose results were collected, so that a later Cancel answers
   * Completed or Failed rather than Unavailable; as many as the table holds, for the same lifetime.
   */
  private final LinkedHashMap<ByteString, Job> collected = new LinkedHashMap<>();

  /** Operations held within {@code limits}, their results timed by {@code clock}. */
  public AsyncOperations(Limits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
    AtomicInteger threadNumber = new AtomicInteger();
    // Admission is bounded by the table, so the queue never refuses; idle threads end, so a
    // server that is closed leaves none behind.
    this.runner =
        new ThreadPoolExecutor(
            limits.threads(),
            limits.threads(),
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(limits.total()),
            task -> {
              Thread thread = new Thread(task, "arca-async-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    runner.allowCoreThreadTimeOut(true);
  }

  /**
   * Queues {@code work} for {@code owner} and returns its correlation value.
   *
   * @throws KmipException Server Limit Exceeded when the owner or the server holds all it may
   */
  ByteString submit(String owner, int operation, Supplier<ResponseBatchItem> work) {
    ByteString correlation;
    Job job = new Job(owner, operation);
    synchronized (this) {
      forgetExpired();
      long owned = jobs.values().stream().filter(j -> j.owner.equals(owner)).count();
      if (jobs.size() >= limits.total() || owned >= limits.perUser()) {
        throw new KmipException(
            ResultReason.SERVER_LIMIT_EXCEEDED,
            "asynchronous operations held: "
                + (owned >= limits.perUser() ? owned + " of yours" : jobs.size() + " in all")
                + " (expected: fewer than "
                + (owned >= limits.perUser() ? limits.perUser() : limits.total())
                + "; Poll for the results first)");
      }
      correlation = newCorrelation();
      jobs.put(correlation, job);
    }
    runner.execute(() -> run(job, work));
    return correlation;
  }

  private void run(Job job, Supplier<ResponseBatchItem> work) {
    synchronized (this) {
      if (job.phase != Phase.QUEUED) {
        return; // canceled while it waited
      }
      job.phase = Phase.RUNNING;
    }
    ResponseBatchItem result = work.get();
    synchronized (this) {
      finish(job, result);
    }
  }

  private void finish(Job job, ResponseBatchItem result) {
    job.result = result;
    job.phase = Phase.FINISHED;
    job.finishedAt = clock.instant();
  }

  /**
   * The answer to a Poll of {@code correlation} by {@code user}: Pending while the operation waits
   * or runs, else its result, which is given once: a later Poll of the value is refused as one of
   * an unknown value, and only Cancel still answers what became of it.
   *
   * @throws KmipException Invalid Asynchronous Correlation Value (2.x) or Item Not Found (1.x, as
   *     1.4 Table 352 says) when the user holds no operation of that value
   */
  ResponseBatchItem poll(
      String user,
      ByteString correlation,
      ProtocolVersion version,
      @Nullable ByteString uniqueBatchItemId) {
    synchronized (this) {
      forgetExpired();
      Job job = jobs.get(correlation);
      if (job == null || !job.owner.equals(user)) {
        throw new KmipException(
            version.isAtLeast(ProtocolVersion.V2_0)
                ? ResultReason.INVALID_ASYNCHRONOUS_CORRELATION_VALUE
                : ResultReason.ITEM_NOT_FOUND,
            "no asynchronous operation of yours has this correlation value");
      }
      ResponseBatchItem result = job.result;
      if (job.phase != Phase.FINISHED || result == null) {
        return pending(Operation.POLL.value(), uniqueBatchItemId, correlation);
      }
      jobs.remove(correlation);
      collected.put(correlation, job);
      if (collected.size() > limits.total()) {
        collected.remove(collected.keySet().iterator().next());
      }
      // The answer the operation would have had, in the Poll item's place.
      return new ResponseBatchItem(
          result.operation(),
          uniqueBatchItemId,
          result.resultStatus(),
          result.resultReason(),
          result.resultMessage(),
          null,
          result.responsePayload(),
          result.messageExtension());
    }
  }

  /**
   * Cancels {@code correlation} for {@code user} if it has not started: the Cancellation Result
   * (Canceled; Unable to Cancel once it runs; Completed or Failed once it finished; Unavailable for
   * a value the user holds no operation of). A canceled operation's Poll answers Operation Canceled
   * By Requester.
   */
  public CancellationResult cancel(String user, ByteString correlation) {
    synchronized (this) {
      forgetExpired();
      Job job = jobs.get(correlation);
      if (job == null) {
        job = collected.get(correlation);
      }
      if (job == null || !job.owner.equals(user)) {
        return CancellationResult.UNAVAILABLE;
      }
      switch (job.phase) {
        case QUEUED:
          finish(
              job,
              ResponseBatchItem.failure(
                  job.operation,
                  null,
                  ResultReason.OPERATION_CANCELED_BY_REQUESTER,
                  "canceled before it started"));
          return CancellationResult.CANCELED;
        case RUNNING:
          // Key generation is not stopped half way: what it stores must be whole.
          return CancellationResult.UNABLE_TO_CANCEL;
        case FINISHED:
        default:
          ResponseBatchItem result = job.result;
          if (result != null
              && result.resultReason() != null
              && result.resultReason() == ResultReason.OPERATION_CANCELED_BY_REQUESTER.value()) {
            return CancellationResult.CANCELED;
          }
          return result != null && result.resultStatus() == ResultStatus.SUCCESS
              ? CancellationResult.COMPLETED
              : CancellationResult.FAILED;
      }
    }
  }

  /** How many operations are queued or running now. */
  synchronized int running() {
    return (int) jobs.values().stream().filter(job -> job.phase != Phase.FINISHED).count();
  }

  /** How many operations are held now, finished or not. */
  synchronized int held() {
    forgetExpired();
    return jobs.size();
  }

  static ResponseBatchItem pending(
      int operation, @Nullable ByteString uniqueBatchItemId, ByteString correlation) {
    return new ResponseBatchItem(
        operation,
        uniqueBatchItemId,
        ResultStatus.OPERATION_PENDING,
        null,
        null,
        correlation,
        null,
        null);
  }

  private ByteString newCorrelation() {
    while (true) {
      byte[] bytes = new byte[CORRELATION_BYTES];
      random.nextBytes(bytes);
      ByteString value = ByteString.copyOf(bytes);
      if (!jobs.containsKey(value)) {
        return value;
      }
    }
  }

  /**
   * Drops the results nobody polled within their lifetime, and what is remembered of collected ones
   * as long after they finished; called with the lock held.
   */
  private void forgetExpired() {
    Instant oldest = clock.instant().minus(limits.resultLifetime());
    forgetFinishedBefore(jobs, oldest);
    forgetFinishedBefore(collected, oldest);
  }

  private static void forgetFinishedBefore(Map<ByteString, Job> table, Instant oldest) {
    for (Iterator<Job> it = table.values().iterator(); it.hasNext(); ) {
      Job job = it.next();
      if (job.phase == Phase.FINISHED
          && job.finishedAt != null
          && job.finishedAt.isBefore(oldest)) {
        it.remove();
      }
    }
  }
}
