package io.arca.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;

/**
 * Failed credentials per client (its address and certificate user): after {@code maximum} failures
 * in a minute, the client's credentials are refused unchecked until that minute has passed, so a
 * password cannot be guessed faster than that and Argon2id's cost cannot be used to load the
 * server. Bounded: at most 100 000 clients are remembered, each for two minutes after its last
 * failure.
 */
public final class CredentialFailures {
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final int maximum;
  private final Clock clock;
  private final Cache<String, Window> windows;

  private record Window(long startMillis, int failures) {}

  /** At most {@code maximum} failures a minute per client, timed by {@code clock}. */
  public CredentialFailures(int maximum, Clock clock) {
    if (maximum < 1) {
      throw new IllegalArgumentException(
          "credential-failures-per-minute: " + maximum + " (expected: > 0)");
    }
    this.maximum = maximum;
    this.clock = clock;
    this.windows =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(WINDOW.multipliedBy(2))
            .build();
  }

  /** The failures a client may have in a minute. */
  public int maximum() {
    return maximum;
  }

  /** Seconds until {@code client} may try again, or 0 when it may now. */
  long waitSeconds(String client) {
    Window window = windows.getIfPresent(client);
    if (window == null || window.failures() < maximum) {
      return 0;
    }
    long left = window.startMillis() + WINDOW.toMillis() - clock.millis();
    return left <= 0 ? 0 : (left + 999) / 1000;
  }

  /** Counts one failure of {@code client}. */
  void failed(String client) {
    long now = clock.millis();
    windows
        .asMap()
        .compute(
            client,
            (key, window) ->
                window == null || now - window.startMillis() >= WINDOW.toMillis()
                    ? new Window(now, 1)
                    : new Window(window.startMillis(), window.failures() + 1));
  }
}
