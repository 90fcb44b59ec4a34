package io.arca.server.metrics;

import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.server.batch.AnsweredItems;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * {@code arca_requests_seconds}: every answered batch item by operation and result (Success or the
 * Result Reason), with a latency histogram. The timers live in a table indexed by the operation's
 * and the reason's ordinals, so a request costs two array reads and the timer's own record; the
 * success timer of every operation is registered at start, a failure's on its first occurrence.
 */
// Ordinals index tables built from values() in this JVM, never stored: a lookup without a map.
@SuppressWarnings("EnumOrdinal")
final class RequestMetrics implements AnsweredItems {
  static final String NAME = "arca.requests";
  private static final Operation[] OPERATIONS = Operation.values();
  private static final ResultReason[] REASONS = ResultReason.values();
  private static final int RESULTS = REASONS.length + 2;
  private static final int SUCCESS = 0;
  private static final int NO_REASON = 1;

  private final MeterRegistry registry;

  /** Row: operation ordinal + 1 (0: a value no enumeration names). Column: see {@link #column}. */
  private final AtomicReferenceArray<@Nullable Timer> timers;

  RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.timers = new AtomicReferenceArray<>((OPERATIONS.length + 1) * RESULTS);
    for (int row = 0; row <= OPERATIONS.length; row++) {
      timer(row, SUCCESS);
    }
  }

  @Override
  public void answered(
      String user,
      String clientAddress,
      RequestBatchItem item,
      ResponseBatchItem answer,
      long nanos) {
    Operation operation = Operation.byValue(item.operation());
    int row = operation == null ? 0 : operation.ordinal() + 1;
    timer(row, column(answer)).record(nanos, TimeUnit.NANOSECONDS);
  }

  private static int column(ResponseBatchItem answer) {
    if (answer.resultStatus() == ResultStatus.SUCCESS) {
      return SUCCESS;
    }
    Integer raw = answer.resultReason();
    ResultReason reason = raw == null ? null : ResultReason.byValue(raw);
    return reason == null ? NO_REASON : reason.ordinal() + 2;
  }

  private Timer timer(int row, int column) {
    int index = row * RESULTS + column;
    Timer timer = timers.get(index);
    if (timer == null) {
      // Two threads may both register: the registry hands both the same timer.
      timer =
          Timer.builder(NAME)
              .description("KMIP batch items answered, by operation and result")
              .tag("operation", row == 0 ? "unknown" : OPERATIONS[row - 1].xmlName())
              .tag("result", resultName(column))
              .serviceLevelObjectives(Buckets.LATENCY)
              .register(registry);
      timers.set(index, timer);
    }
    return timer;
  }

  private static String resultName(int column) {
    return switch (column) {
      case SUCCESS -> "Success";
      case NO_REASON -> "Unknown";
      default -> REASONS[column - 2].xmlName();
    };
  }
}
