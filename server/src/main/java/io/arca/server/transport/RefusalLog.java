package io.arca.server.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs refused connections and requests without letting a flood write the log: the first refusal of
 * a quiet source is logged at once with its detail, later ones are counted and written as one line
 * per source per interval ({@link #flush}, which the server calls on a timer). Sources are told
 * apart by address, not port, and at most {@value #MAX_SOURCES} are tracked at once; the rest share
 * one line, so a flood from many addresses is bounded too. Details never hold request bytes or key
 * material, only what the transport says went wrong.
 */
public final class RefusalLog {
  static final int MAX_SOURCES = 1024;
  private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);
  private static final String OTHER_SOURCES = "other sources";

  private final Duration interval;
  private final Map<Object, Tally> tallies = new ConcurrentHashMap<>();
  private final Tally others = new Tally();
  private final TransportEvents events;

  /** A log that writes at most one line per source per {@code interval}. */
  public RefusalLog(Duration interval) {
    this(interval, TransportEvents.NONE);
  }

  /** As above, telling {@code events} of every refusal (metrics) and every handshake's end. */
  public RefusalLog(Duration interval, TransportEvents events) {
    this.events = events;
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval: " + interval + " (expected: > 0)");
    }
    this.interval = interval;
  }

  /** Who is told of refusals and handshakes besides the log. */
  TransportEvents events() {
    return events;
  }

  /** How often {@link #flush} is meant to run. */
  public Duration interval() {
    return interval;
  }

  /**
   * Records one refusal of {@code peer}: logged now when its source has been quiet for an interval,
   * else counted for the next {@link #flush}.
   */
  public void refused(SocketAddress peer, Refusal reason, String detail) {
    events.refused(reason);
    Object source = sourceOf(peer);
    Tally tally;
    boolean first;
    do {
      tally = tallies.get(source);
      if (tally == null) {
        tally =
            tallies.size() < MAX_SOURCES
                ? tallies.computeIfAbsent(source, ignored -> new Tally())
                : others;
      }
      synchronized (tally) {
        if (tally.retired) {
          // A flush forgot this source between the lookup and the lock: look again.
          continue;
        }
        first = !tally.logged;
        if (first) {
          tally.logged = true;
        } else {
          tally.count(reason, detail);
        }
        break;
      }
    } while (true);
    if (first) {
      log.warn(
          "{}: refused, {}: {}", tally == others ? OTHER_SOURCES : peer, reason.text(), detail);
    }
  }

  /**
   * Writes one line for each source refused since the last flush, with its counts by reason, and
   * forgets the sources that were quiet, so their next refusal is logged at once.
   */
  public void flush() {
    Iterator<Map.Entry<Object, Tally>> entries = tallies.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<Object, Tally> entry = entries.next();
      if (!flush(entry.getKey(), entry.getValue(), true)) {
        entries.remove();
      }
    }
    flush(OTHER_SOURCES, others, false);
  }

  /** Logs and resets one tally; false when it counted nothing, i.e. its source went quiet. */
  private boolean flush(Object source, Tally tally, boolean retireWhenQuiet) {
    String line;
    synchronized (tally) {
      line = tally.summary();
      tally.counts.clear();
      tally.logged = line != null;
      tally.retired = line == null && retireWhenQuiet;
    }
    if (line == null) {
      return false;
    }
    log.warn("{}: refused {} in the last {}", source, line, interval);
    return true;
  }

  /** The part of a peer's address that identifies its host. */
  static Object sourceOf(SocketAddress peer) {
    if (peer instanceof InetSocketAddress inet) {
      InetAddress address = inet.getAddress();
      return address == null ? inet.getHostString() : address.getHostAddress();
    }
    return String.valueOf(peer);
  }

  /** Refusals of one source since the last flush. Guarded by its own monitor. */
  private static final class Tally {
    final Map<Refusal, Integer> counts = new EnumMap<>(Refusal.class);
    boolean logged;
    boolean retired;
    String lastDetail = "";

    void count(Refusal reason, String detail) {
      counts.merge(reason, 1, Integer::sum);
      lastDetail = detail;
    }

    @Nullable String summary() {
      if (counts.isEmpty()) {
        return null;
      }
      long total = 0;
      StringJoiner reasons = new StringJoiner(", ", " (", ")");
      for (Map.Entry<Refusal, Integer> count : counts.entrySet()) {
        total += count.getValue();
        reasons.add(count.getValue() + " " + count.getKey().text());
      }
      return total + " more time(s)" + reasons + "; last: " + lastDetail;
    }
  }
}
