package io.arca.server.metrics;

import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.batch.AnsweredItems;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' log of requests: every failed batch item once at INFO (logger {@code
 * io.arca.server.metrics.OperationLog}) with peer, user, operation, object and Result Reason, at
 * most {@value #LINES_PER_SECOND} lines a second, the rest counted into one line; and, when asked,
 * every answered item on the logger {@code arca.access}. What a line holds is metadata only: the
 * identifier (cut at {@value #MAX_FIELD} characters, control characters replaced) and the server's
 * own result message, never a payload, so never key material.
 */
public final class OperationLog implements AnsweredItems {
  static final int LINES_PER_SECOND = 50;
  static final int MAX_FIELD = 96;
  private static final long SECOND = 1_000_000_000L;
  private static final Logger failures = LoggerFactory.getLogger(OperationLog.class);
  private static final Logger access = LoggerFactory.getLogger("arca.access");

  private final boolean accessLog;
  private final AtomicLong windowStart = new AtomicLong(System.nanoTime());
  private final AtomicInteger linesInWindow = new AtomicInteger();
  private final AtomicLong unlogged = new AtomicLong();

  /** A log of failures, and of every request when {@code accessLog} is set. */
  public OperationLog(boolean accessLog) {
    this.accessLog = accessLog;
  }

  @Override
  public void answered(
      String user,
      String clientAddress,
      RequestBatchItem item,
      ResponseBatchItem answer,
      long nanos) {
    boolean failed = answer.resultStatus() != ResultStatus.SUCCESS;
    if (accessLog && access.isInfoEnabled()) {
      access.info(
          "{} {} {} {} {} {} us",
          clientAddress,
          user,
          operationName(item.operation()),
          objectOf(item, answer),
          failed ? reasonName(answer) : "Success",
          nanos / 1000);
    }
    if (failed && failures.isInfoEnabled() && admitLine()) {
      failures.info(
          "{} {}: {} of {} failed: {}: {}",
          clientAddress,
          user,
          operationName(item.operation()),
          objectOf(item, answer),
          reasonName(answer),
          clean(answer.resultMessage()));
    }
  }

  /** Whether this second's budget has room; else counts the line for the next second's summary. */
  private boolean admitLine() {
    long now = System.nanoTime();
    long start = windowStart.get();
    if (now - start >= SECOND && windowStart.compareAndSet(start, now)) {
      linesInWindow.set(0);
      long missed = unlogged.getAndSet(0);
      if (missed > 0) {
        failures.info(
            "{} more failed operations not logged in the last {} ms (at most {} lines a second)",
            missed,
            (now - start) / 1_000_000,
            LINES_PER_SECOND);
      }
    }
    if (linesInWindow.incrementAndGet() <= LINES_PER_SECOND) {
      return true;
    }
    unlogged.incrementAndGet();
    return false;
  }

  private static String operationName(int value) {
    Operation operation = Operation.byValue(value);
    return operation == null ? "0x" + Integer.toHexString(value) : operation.xmlName();
  }

  private static String reasonName(ResponseBatchItem answer) {
    Integer raw = answer.resultReason();
    ResultReason reason = raw == null ? null : ResultReason.byValue(raw);
    if (reason != null) {
      return reason.xmlName();
    }
    return raw == null ? answer.resultStatus().toString() : "0x" + Integer.toHexString(raw);
  }

  /** The Unique Identifier the request names, else the one the answer gives (Create), else "-". */
  static String objectOf(RequestBatchItem item, ResponseBatchItem answer) {
    String named = identifierIn(item.requestPayload());
    if (named == null) {
      named = identifierIn(answer.responsePayload());
    }
    return named == null ? "-" : clean(named);
  }

  private static @Nullable String identifierIn(@Nullable TtlvStructure payload) {
    if (payload == null) {
      return null;
    }
    Ttlv field = payload.first(Tag.UNIQUE_IDENTIFIER.code());
    return field instanceof TtlvTextString text ? text.value() : null;
  }

  /** At most {@value #MAX_FIELD} characters, with no control character to forge a log line. */
  static String clean(@Nullable String text) {
    if (text == null) {
      return "-";
    }
    int length = Math.min(text.length(), MAX_FIELD);
    StringBuilder out = new StringBuilder(length + 1);
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    if (text.length() > MAX_FIELD) {
      out.append('…');
    }
    return out.toString();
  }
}
