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
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The server-side state of multi-part (streaming) operations, each named by the Correlation Value
 * the first request is answered with (KMIP 1.4 §4.29, 2.1 §6.1.18).
 *
 * <p>Bounded three ways: a count per user, a count over all users, and an idle expiry after which a
 * stream is closed. A request claims its stream (takes it out of the table) for as long as it works
 * on it, so two requests can never drive one cipher at once: the second finds no such stream. A
 * stream whose step fails is closed, not put back. Closing wipes what the state holds (see {@link
 * State#close()}). A stream belongs to the user who opened it and to one operation; to anyone else
 * its Correlation Value is unknown, and an unknown value is answered with Invalid Correlation Value
 * (2.x) or Invalid Field (1.x, which has no such reason).
 */
public final class CryptoStreams {
  private static final int CORRELATION_BYTES = 16;

  /**
   * The bounds.
   *
   * @param perUser open streams one user may have
   * @param total open streams over all users
   * @param idle how long a stream may wait for its next request
   */
  public record Limits(int perUser, int total, Duration idle) {}

  /** 16 streams per user, 1024 in all, closed after 5 idle minutes. */
  public static final Limits DEFAULTS = new Limits(16, 1024, Duration.ofMinutes(5));

  /** What a stream keeps between requests. */
  interface State {
    /** Drops the state, wiping the copies of secrets it holds. */
    void close();
  }

  private record Entry(String owner, Operation operation, State state, Instant lastUse) {}

  private final Limits limits;
  private final SecureRandom random;
  private final Map<ByteString, Entry> open = new HashMap<>();

  /** An empty table with these bounds, drawing Correlation Values from {@code random}. */
  public CryptoStreams(Limits limits, SecureRandom random) {
    this.limits = limits;
    this.random = random;
  }

  /** Registers a new stream of {@code operation} and returns its Correlation Value. */
  ByteString open(RequestContext context, Operation operation, State state) {
    synchronized (open) {
      expire(context.now());
      int mine = 0;
      for (Entry entry : open.values()) {
        mine += entry.owner().equals(context.user()) ? 1 : 0;
      }
      if (mine >= limits.perUser() || open.size() >= limits.total()) {
        state.close();
        throw new KmipException(
            limitReason(context.protocolVersion()),
            "streaming: too many open streams ("
                + (mine >= limits.perUser()
                    ? "at most " + limits.perUser() + " per user"
                    : "at most " + limits.total() + " on the server")
                + "): finish or let expire ("
                + limits.idle().toSeconds()
                + " s idle) the ones open");
      }
      byte[] value = new byte[CORRELATION_BYTES];
      random.nextBytes(value);
      ByteString correlation = ByteString.copyOf(value);
      open.put(correlation, new Entry(context.user(), operation, state, context.now()));
      return correlation;
    }
  }

  /**
   * Takes the stream named by {@code correlation} out of the table for this request, which must
   * {@link #release} it or close it.
   */
  <T extends State> T claim(
      RequestContext context, Operation operation, ByteString correlation, Class<T> type) {
    synchronized (open) {
      expire(context.now());
      Entry entry = open.get(correlation);
      if (entry == null
          || !entry.owner().equals(context.user())
          || entry.operation() != operation
          || !type.isInstance(entry.state())) {
        throw new KmipException(
            context.protocolVersion().isAtLeast(ProtocolVersion.V2_0)
                ? ResultReason.INVALID_CORRELATION_VALUE
                : ResultReason.INVALID_FIELD,
            "CorrelationValue: no open "
                + operation.xmlName()
                + " stream of yours has it (finished, expired after "
                + limits.idle().toSeconds()
                + " s idle, or never opened)");
      }
      open.remove(correlation);
      return type.cast(entry.state());
    }
  }

  /** Puts a claimed stream back for its next request. */
  void release(RequestContext context, Operation operation, ByteString correlation, State state) {
    synchronized (open) {
      open.put(correlation, new Entry(context.user(), operation, state, context.now()));
    }
  }

  /** The number of open streams, for tests and metrics. */
  int size() {
    synchronized (open) {
      return open.size();
    }
  }

  private void expire(Instant now) {
    Instant oldest = now.minus(limits.idle());
    for (Iterator<Entry> it = open.values().iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      if (entry.lastUse().isBefore(oldest)) {
        it.remove();
        entry.state().close();
      }
    }
  }

  private static ResultReason limitReason(ProtocolVersion version) {
    return version.isAtLeast(ProtocolVersion.V2_0)
        ? ResultReason.SERVER_LIMIT_EXCEEDED
        : ResultReason.PERMISSION_DENIED;
  }
}
