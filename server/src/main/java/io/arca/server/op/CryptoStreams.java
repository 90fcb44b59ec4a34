package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.RequestContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Multi-part (streaming) operations (KMIP 1.4 §2.1.15-17 and §4.29-4.37, 2.1 §6.1): the one place
 * that decides where a request stands in its stream and keeps what a stream holds between requests,
 * for every handler that streams (Encrypt, Decrypt, Sign, Signature Verify, MAC, MAC Verify, Hash).
 *
 * <p>A stream is named by the random Correlation Value its first request is answered with, and
 * belongs to the user and the connection that opened it and to one operation; to any other request
 * its value is unknown: Item Not Found before KMIP 2.0 (the 1.3/1.4 error tables: "no outstanding
 * operation with the specified Correlation Value"), Invalid Correlation Value from 2.0 on. Bounded
 * by count (per connection, per user, in all), by the bytes a stream that must see all its data
 * before answering holds ({@link State#buffers}, per stream and in all), by idle time and by age. A
 * stream is closed, its state wiped, on its Final part, on any error of one of its parts, when it
 * expires and when its connection closes. A request works on its stream alone: the stream is marked
 * busy, so no expiry or second request touches it meanwhile.
 */
public final class CryptoStreams {
  private static final int CORRELATION_BYTES = 16;

  /**
   * The bounds.
   *
   * @param perConnection open streams one connection may have
   * @param perUser open streams one user may have over all connections
   * @param total open streams over all users
   * @param bufferedBytes the data one buffering stream may hold
   * @param totalBufferedBytes the data all buffering streams may hold together
   * @param idle how long a stream may wait for its next request
   * @param lifetime how long a stream may last from its first request
   */
  public record Limits(
      int perConnection,
      int perUser,
      int total,
      long bufferedBytes,
      long totalBufferedBytes,
      Duration idle,
      Duration lifetime) {}

  /**
   * 16 streams per connection, 64 per user, 1,024 in all; 16 MiB held per stream and 256 MiB in
   * all; closed after 5 idle minutes or an hour.
   */
  public static final Limits DEFAULTS =
      new Limits(16, 64, 1024, 16L << 20, 256L << 20, Duration.ofMinutes(5), Duration.ofHours(1));

  /** What a stream keeps between requests. */
  interface State {
    /** Drops the state, wiping the copies of secrets and data it holds. Called once or more. */
    void close();

    /** Whether the stream holds its data until the Final part (counted against the bounds). */
    default boolean buffers() {
      return false;
    }
  }

  /** Where a request stands in a stream. */
  enum Part {
    /** A request on its own, no stream. */
    SINGLE,
    /** Init Indicator: opens a stream. */
    FIRST,
    /** Correlation Value without Final Indicator. */
    MIDDLE,
    /** Correlation Value with Final Indicator: closes the stream. */
    LAST
  }

  /**
   * One request's work on its stream: {@code correlation} goes in the answer (null on the last).
   */
  @FunctionalInterface
  interface Step<S extends State, R> {
    R apply(S stream, Part part, @Nullable ByteString correlation);
  }

  private static final class Entry {
    final ByteString correlation;
    final String owner;
    final long connection;
    final Operation operation;
    final State state;
    final Instant opened;
    Instant lastUse;
    long buffered;
    boolean busy = true;

    Entry(ByteString correlation, RequestContext context, Operation operation, State state) {
      this.correlation = correlation;
      this.owner = context.user();
      this.connection = context.connection();
      this.operation = operation;
      this.state = state;
      this.opened = context.now();
      this.lastUse = context.now();
    }
  }

  private final Limits limits;
  private final SecureRandom random;
  private final Map<ByteString, Entry> open = new HashMap<>();
  private long buffered;

  /** An empty table with these bounds, drawing Correlation Values from {@code random}. */
  public CryptoStreams(Limits limits, SecureRandom random) {
    this.limits = limits;
    this.random = random;
  }

  /**
   * Whether a request has any of the three streaming fields. Cheap and never failing, for the event
   * loop, which leaves these requests to a worker and {@link #part}.
   */
  static boolean streaming(
      @Nullable ByteString correlation, @Nullable Boolean init, @Nullable Boolean last) {
    return correlation != null || init != null || last != null;
  }

  /**
   * Where a request stands, from its Correlation Value, Init Indicator and Final Indicator; refuses
   * the fields before KMIP 1.3, which has none of them (Invalid Field, as any field a payload does
   * not have), and a part out of order: an Init Indicator with a Correlation Value, or a request
   * that continues a stream without naming it.
   */
  static Part part(
      @Nullable ByteString correlation,
      @Nullable Boolean init,
      @Nullable Boolean last,
      ProtocolVersion version) {
    if (correlation == null && init == null && last == null) {
      return Part.SINGLE;
    }
    if (!version.isAtLeast(ProtocolVersion.V1_3)) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          (correlation != null
                  ? "CorrelationValue"
                  : init != null ? "InitIndicator" : "FinalIndicator")
              + ": unexpected field (streaming came with KMIP 1.3; this request is "
              + version
              + ")");
    }
    if (correlation != null) {
      if (Boolean.TRUE.equals(init)) {
        throw outOfOrder(
            version, "InitIndicator: true opens a stream, so it takes no CorrelationValue");
      }
      return Boolean.TRUE.equals(last) ? Part.LAST : Part.MIDDLE;
    }
    if (Boolean.TRUE.equals(init)) {
      return Boolean.TRUE.equals(last) ? Part.SINGLE : Part.FIRST;
    }
    if (Boolean.FALSE.equals(init) || Boolean.FALSE.equals(last)) {
      throw outOfOrder(
          version,
          "CorrelationValue: missing (a part after the first names its stream; the first has"
              + " InitIndicator true)");
    }
    return Part.SINGLE;
  }

  /**
   * Runs one part of a stream of {@code operation}: the first opens it with {@code start} (which
   * checks the key and may refuse), the others find it by {@code correlation}; then {@code step}
   * does the work on {@code dataBytes} of data. The last part, and any part that fails, closes the
   * stream.
   */
  <S extends State, R> R run(
      RequestContext context,
      Operation operation,
      Part part,
      @Nullable ByteString correlation,
      long dataBytes,
      Class<S> type,
      Supplier<S> start,
      Step<S, R> step) {
    Entry entry;
    if (part == Part.FIRST) {
      entry = open(context, operation, start.get());
    } else if (correlation != null && (part == Part.MIDDLE || part == Part.LAST)) {
      entry = claim(context, operation, correlation, type);
    } else {
      throw new IllegalArgumentException("not a stream's part: " + part);
    }
    try {
      hold(entry, dataBytes, context.protocolVersion());
      R result =
          step.apply(type.cast(entry.state), part, part == Part.LAST ? null : entry.correlation);
      if (part == Part.LAST) {
        finish(entry);
      } else {
        release(entry, context.now());
      }
      return result;
    } catch (RuntimeException e) {
      finish(entry);
      throw e;
    }
  }

  /** Closes every stream of a connection that closed. */
  public void closeConnection(long connection) {
    List<Entry> closed = new ArrayList<>();
    synchronized (open) {
      for (Iterator<Entry> it = open.values().iterator(); it.hasNext(); ) {
        Entry entry = it.next();
        if (entry.connection == connection) {
          it.remove();
          buffered -= entry.buffered;
          // A busy stream is closed by the request working on it, which finds it gone.
          if (!entry.busy) {
            closed.add(entry);
          }
        }
      }
    }
    closed.forEach(entry -> entry.state.close());
  }

  /** The number of open streams, for tests and metrics. */
  int size() {
    synchronized (open) {
      return open.size();
    }
  }

  private Entry open(RequestContext context, Operation operation, State state) {
    List<Entry> expired;
    Entry entry = null;
    String full;
    synchronized (open) {
      expired = expire(context.now());
      int mine = 0;
      int here = 0;
      for (Entry other : open.values()) {
        mine += other.owner.equals(context.user()) ? 1 : 0;
        here += other.connection == context.connection() ? 1 : 0;
      }
      full =
          here >= limits.perConnection()
              ? "at most " + limits.perConnection() + " per connection"
              : mine >= limits.perUser()
                  ? "at most " + limits.perUser() + " per user"
                  : open.size() >= limits.total() ? "at most " + limits.total() + " in all" : null;
      if (full == null) {
        ByteString correlation;
        do {
          byte[] value = new byte[CORRELATION_BYTES];
          random.nextBytes(value);
          correlation = ByteString.copyOf(value);
        } while (open.containsKey(correlation));
        entry = new Entry(correlation, context, operation, state);
        open.put(correlation, entry);
      }
    }
    closeAll(expired);
    if (entry == null) {
      state.close();
      throw new KmipException(
          limitReason(context.protocolVersion()),
          "streaming: too many open streams ("
              + full
              + "): finish or let expire ("
              + limits.idle().toSeconds()
              + " s idle) the ones open");
    }
    return entry;
  }

  private Entry claim(
      RequestContext context, Operation operation, ByteString correlation, Class<?> type) {
    List<Entry> expired;
    Entry entry = null;
    synchronized (open) {
      expired = expire(context.now());
      Entry found = open.get(correlation);
      if (found != null
          && !found.busy
          && found.owner.equals(context.user())
          && found.connection == context.connection()
          && found.operation == operation
          && type.isInstance(found.state)) {
        found.busy = true;
        entry = found;
      }
    }
    closeAll(expired);
    if (entry == null) {
      throw new KmipException(
          context.protocolVersion().isAtLeast(ProtocolVersion.V2_0)
              ? ResultReason.INVALID_CORRELATION_VALUE
              : ResultReason.ITEM_NOT_FOUND,
          "CorrelationValue: no open "
              + operation.xmlName()
              + " stream of this connection has it (finished, failed, expired after "
              + limits.idle().toSeconds()
              + " s idle or "
              + limits.lifetime().toMinutes()
              + " min, or never opened)");
    }
    return entry;
  }

  /** Counts {@code dataBytes} against the bounds of a stream that holds its data. */
  private void hold(Entry entry, long dataBytes, ProtocolVersion version) {
    if (!entry.state.buffers() || dataBytes == 0) {
      return;
    }
    synchronized (open) {
      if (entry.buffered + dataBytes > limits.bufferedBytes()
          || buffered + dataBytes > limits.totalBufferedBytes()) {
        throw new KmipException(
            limitReason(version),
            "streaming: "
                + entry.operation.xmlName()
                + " holds its data until the Final part, at most "
                + (entry.buffered + dataBytes > limits.bufferedBytes()
                    ? limits.bufferedBytes() + " bytes per stream"
                    : limits.totalBufferedBytes() + " bytes over all streams")
                + ": the stream is closed");
      }
      entry.buffered += dataBytes;
      if (open.get(entry.correlation) == entry) {
        buffered += dataBytes;
      }
    }
  }

  private void release(Entry entry, Instant now) {
    boolean gone;
    synchronized (open) {
      gone = open.get(entry.correlation) != entry;
      entry.busy = false;
      entry.lastUse = now;
    }
    if (gone) {
      // Its connection closed while this request worked on it.
      entry.state.close();
    }
  }

  private void finish(Entry entry) {
    synchronized (open) {
      if (open.remove(entry.correlation, entry)) {
        buffered -= entry.buffered;
      }
    }
    entry.state.close();
  }

  /** Takes out, under the lock, the streams idle or old enough to close; the caller closes them. */
  private List<Entry> expire(Instant now) {
    List<Entry> expired = new ArrayList<>();
    Instant idleSince = now.minus(limits.idle());
    Instant openedBefore = now.minus(limits.lifetime());
    for (Iterator<Entry> it = open.values().iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      if (!entry.busy
          && (entry.lastUse.isBefore(idleSince) || entry.opened.isBefore(openedBefore))) {
        it.remove();
        buffered -= entry.buffered;
        expired.add(entry);
      }
    }
    return expired;
  }

  private static void closeAll(List<Entry> entries) {
    entries.forEach(entry -> entry.state.close());
  }

  private static KmipException outOfOrder(ProtocolVersion version, String message) {
    return new KmipException(
        version.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.INVALID_CORRELATION_VALUE
            : ResultReason.INVALID_FIELD,
        message);
  }

  private static ResultReason limitReason(ProtocolVersion version) {
    return version.isAtLeast(ProtocolVersion.V2_0)
        ? ResultReason.SERVER_LIMIT_EXCEEDED
        : ResultReason.PERMISSION_DENIED;
  }
}
