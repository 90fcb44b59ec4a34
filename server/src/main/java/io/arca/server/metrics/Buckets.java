package io.arca.server.metrics;

import java.time.Duration;

/** The fixed histogram buckets of Arca's timers: a few, so that each series stays small. */
final class Buckets {
  private Buckets() {}

  /** From a warm in-memory Encrypt (tens of microseconds) to a slow database or HSM (seconds). */
  static final Duration[] LATENCY = {
    Duration.ofNanos(50_000),
    Duration.ofNanos(100_000),
    Duration.ofNanos(250_000),
    Duration.ofNanos(500_000),
    Duration.ofMillis(1),
    Duration.ofNanos(2_500_000),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(1000),
    Duration.ofMillis(5000)
  };
}
