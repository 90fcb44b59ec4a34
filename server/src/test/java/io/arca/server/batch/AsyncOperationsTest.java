package io.arca.server.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CancellationResult;
import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The table of asynchronous operations on its own: work held on a latch stands for a long key
 * generation, so that each phase (queued, running, finished, collected) is reached for certain.
 */
class AsyncOperationsTest {
  private static final ByteString ITEM_ID = ByteString.copyOf(new byte[] {7});

  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    private static final long serialVersionUID = 1L;
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }
  }

  private final TestClock clock = new TestClock();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  private static ResponseBatchItem done() {
    return ResponseBatchItem.success(
        Operation.CREATE_KEY_PAIR.value(),
        null,
        new TtlvStructure(Tag.RESPONSE_PAYLOAD.code(), List.of()));
  }

  /** Work that runs until the test releases it. */
  private ResponseBatchItem held() {
    started.countDown();
    try {
      release.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return done();
  }

  private static ResponseBatchItem finished(
      AsyncOperations operations, String user, ByteString correlation) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      ResponseBatchItem answer = operations.poll(user, correlation, ProtocolVersion.V2_1, ITEM_ID);
      if (answer.resultStatus() != ResultStatus.OPERATION_PENDING) {
        return answer;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("still pending after 30 s");
  }

  private static int reason(Runnable call) {
    try {
      call.run();
    } catch (KmipException e) {
      return e.reason().value();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void aQueuedOperationIsPendingAndCanceledARunningOneIsNot() throws Exception {
    AsyncOperations operations =
        new AsyncOperations(new AsyncOperations.Limits(8, 8, Duration.ofMinutes(1), 1), clock);
    ByteString running = operations.submit("alice", Operation.CREATE_KEY_PAIR.value(), this::held);
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    ByteString queued =
        operations.submit("alice", Operation.CREATE_KEY_PAIR.value(), AsyncOperationsTest::done);

    ResponseBatchItem pending = operations.poll("alice", queued, ProtocolVersion.V2_1, ITEM_ID);
    assertThat(pending.resultStatus()).isEqualTo(ResultStatus.OPERATION_PENDING);
    assertThat(pending.asynchronousCorrelationValue()).isEqualTo(queued);
    assertThat(pending.responsePayload()).isNull();

    assertThat(operations.cancel("alice", running)).isEqualTo(CancellationResult.UNABLE_TO_CANCEL);
    assertThat(operations.cancel("alice", queued)).isEqualTo(CancellationResult.CANCELED);
    ResponseBatchItem canceled = operations.poll("alice", queued, ProtocolVersion.V2_1, ITEM_ID);
    assertThat(canceled.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
    assertThat(canceled.resultReason())
        .isEqualTo(ResultReason.OPERATION_CANCELED_BY_REQUESTER.value());

    release.countDown();
    ResponseBatchItem result = finished(operations, "alice", running);
    assertThat(result.resultStatus()).isEqualTo(ResultStatus.SUCCESS);
    assertThat(result.operation()).isEqualTo(Operation.CREATE_KEY_PAIR.value());
    assertThat(result.uniqueBatchItemId()).isEqualTo(ITEM_ID);
    assertThat(result.asynchronousCorrelationValue()).isNull();
  }

  @Test
  void aResultIsGivenOnceAndACancelOfAFinishedOperationSaysCompletedOrFailed() throws Exception {
    AsyncOperations operations =
        new AsyncOperations(new AsyncOperations.Limits(8, 8, Duration.ofMinutes(1), 1), clock);
    ByteString ok =
        operations.submit("alice", Operation.CREATE_KEY_PAIR.value(), AsyncOperationsTest::done);
    ByteString failing =
        operations.submit(
            "alice",
            Operation.DERIVE_KEY.value(),
            () ->
                ResponseBatchItem.failure(
                    Operation.DERIVE_KEY.value(), null, ResultReason.INVALID_FIELD, "no salt"));
    assertThat(finished(operations, "alice", ok).resultStatus()).isEqualTo(ResultStatus.SUCCESS);
    assertThat(finished(operations, "alice", failing).resultReason())
        .isEqualTo(ResultReason.INVALID_FIELD.value());

    assertThat(reason(() -> operations.poll("alice", ok, ProtocolVersion.V2_1, null)))
        .isEqualTo(ResultReason.INVALID_ASYNCHRONOUS_CORRELATION_VALUE.value());
    assertThat(reason(() -> operations.poll("alice", ok, ProtocolVersion.V1_4, null)))
        .as("1.4 Table 352")
        .isEqualTo(ResultReason.ITEM_NOT_FOUND.value());
    assertThat(operations.cancel("alice", ok)).isEqualTo(CancellationResult.COMPLETED);
    assertThat(operations.cancel("alice", failing)).isEqualTo(CancellationResult.FAILED);
    assertThat(operations.cancel("alice", ByteString.copyOf(new byte[16])))
        .isEqualTo(CancellationResult.UNAVAILABLE);
  }

  @Test
  void onlyTheOwnerPollsOrCancels() throws Exception {
    AsyncOperations operations =
        new AsyncOperations(new AsyncOperations.Limits(8, 8, Duration.ofMinutes(1), 1), clock);
    ByteString running = operations.submit("alice", Operation.CREATE_KEY_PAIR.value(), this::held);
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    ByteString queued =
        operations.submit("alice", Operation.CREATE_KEY_PAIR.value(), AsyncOperationsTest::done);
    assertThat(reason(() -> operations.poll("bob", queued, ProtocolVersion.V2_1, null)))
        .isEqualTo(ResultReason.INVALID_ASYNCHRONOUS_CORRELATION_VALUE.value());
    assertThat(operations.cancel("bob", queued)).isEqualTo(CancellationResult.UNAVAILABLE);
    release.countDown();
    assertThat(finished(operations, "alice", queued).resultStatus())
        .as("bob's Cancel changed nothing")
        .isEqualTo(ResultStatus.SUCCESS);
    assertThat(finished(operations, "alice", running).resultStatus())
        .isEqualTo(ResultStatus.SUCCESS);
  }

  @Test
  void theOperationsHeldAreBoundedPerUserAndInAllAndUnpolledResultsExpire() throws Exception {
    AsyncOperations operations =
        new AsyncOperations(new AsyncOperations.Limits(3, 2, Duration.ofMinutes(10), 1), clock);
    ByteString first =
        operations.submit("alice", Operation.CREATE_KEY_PAIR.value(), AsyncOperationsTest::done);
    operations.submit("alice", Operation.CREATE_KEY_PAIR.value(), AsyncOperationsTest::done);
    assertThat(
            reason(
                () ->
                    operations.submit(
                        "alice", Operation.CREATE_KEY_PAIR.value(), AsyncOperationsTest::done)))
        .as("alice holds two")
        .isEqualTo(ResultReason.SERVER_LIMIT_EXCEEDED.value());
    operations.submit("bob", Operation.CREATE_KEY_PAIR.value(), AsyncOperationsTest::done);
    assertThat(
            reason(
                () ->
                    operations.submit(
                        "carol", Operation.CREATE_KEY_PAIR.value(), AsyncOperationsTest::done)))
        .as("three in all")
        .isEqualTo(ResultReason.SERVER_LIMIT_EXCEEDED.value());

    assertThat(finished(operations, "alice", first).resultStatus()).isEqualTo(ResultStatus.SUCCESS);
    operations.submit("carol", Operation.CREATE_KEY_PAIR.value(), AsyncOperationsTest::done);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (operations.running() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    clock.advance(Duration.ofMinutes(11));
    assertThat(operations.held()).as("results nobody polled for 10 minutes").isZero();
  }
}
