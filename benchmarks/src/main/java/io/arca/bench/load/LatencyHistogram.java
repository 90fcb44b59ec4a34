package io.arca.bench.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in microseconds, in buckets exact to 1 us below 1 ms and to about 1% above, up to 60 s.
 * Recording is lock-free, so every connection records into one histogram without a hot lock.
 */
final class LatencyHistogram {
  private static final int LINEAR = 1024;
  private static final int SUB_BUCKETS = 64;
  private static final int OCTAVES = 26;

  private final AtomicLongArray counts = new AtomicLongArray(LINEAR + OCTAVES * SUB_BUCKETS);
  private final AtomicLong max = new AtomicLong();

  void record(long micros) {
    counts.incrementAndGet(index(Math.max(0, micros)));
    max.accumulateAndGet(micros, Math::max);
  }

  private static int index(long micros) {
    if (micros < LINEAR) {
      return (int) micros;
    }
    int octave = 63 - Long.numberOfLeadingZeros(micros) - 10;
    if (octave >= OCTAVES) {
      return LINEAR + OCTAVES * SUB_BUCKETS - 1;
    }
    long offset = (micros >> octave) - LINEAR;
    return LINEAR + octave * SUB_BUCKETS + (int) (offset * SUB_BUCKETS / LINEAR);
  }

  private static long upperBound(int index) {
    if (index < LINEAR) {
      return index;
    }
    int octave = (index - LINEAR) / SUB_BUCKETS;
    int sub = (index - LINEAR) % SUB_BUCKETS;
    return ((long) LINEAR + (long) (sub + 1) * LINEAR / SUB_BUCKETS) << octave;
  }

  long count() {
    long total = 0;
    for (int i = 0; i < counts.length(); i++) {
      total += counts.get(i);
    }
    return total;
  }

  /** The latency at this percentile (0-100), in microseconds. */
  long percentile(double percentile) {
    long total = count();
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(total * percentile / 100.0);
    long seen = 0;
    for (int i = 0; i < counts.length(); i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return Math.min(upperBound(i), max.get());
      }
    }
    return max.get();
  }

  long max() {
    return max.get();
  }
}
