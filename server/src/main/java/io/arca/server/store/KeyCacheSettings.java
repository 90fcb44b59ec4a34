package io.arca.server.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How many unwrapped keys the server keeps in memory and for how long.
 *
 * @param maxEntries objects held at most
 * @param idleTimeout an entry unused this long is dropped (and wiped)
 * @param recheck how long a cached object is used before its stored version is compared again, the
 *     bound on serving a key that another server sharing the database has changed
 */
public record KeyCacheSettings(long maxEntries, Duration idleTimeout, Duration recheck) {
  /** 10,000 objects, 10 minutes idle, rechecked after 1 second. */
  public static final KeyCacheSettings DEFAULTS =
      new KeyCacheSettings(10_000, Duration.ofMinutes(10), Duration.ofSeconds(1));

  public KeyCacheSettings {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(recheck, "recheck");
    if (maxEntries < 0 || idleTimeout.isNegative() || recheck.isNegative()) {
      throw new IllegalArgumentException(
          "key cache: entries "
              + maxEntries
              + ", idle "
              + idleTimeout
              + ", recheck "
              + recheck
              + " (expected: none negative)");
    }
  }
}
