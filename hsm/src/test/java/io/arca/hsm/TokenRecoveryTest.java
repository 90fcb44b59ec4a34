package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How often {@link TokenRecovery} probes for a lost token. */
class TokenRecoveryTest {

  @Test
  void delaysDoubleFromTheFirstUpToTheCap() {
    List<Long> delays = new ArrayList<>();
    long delay = 0;
    for (int i = 0; i < 8; i++) {
      delay = TokenRecovery.nextDelayMillis(delay);
      delays.add(delay);
    }
    assertThat(delays).containsExactly(100L, 200L, 400L, 800L, 1600L, 2000L, 2000L, 2000L);
  }

  @Test
  void probesUntilTheTokenIsBackThenStops() throws Exception {
    AtomicInteger probes = new AtomicInteger();
    CountDownLatch back = new CountDownLatch(1);
    try (TokenRecovery recovery =
        new TokenRecovery(
            "test",
            () -> {
              if (probes.incrementAndGet() < 3) {
                return false;
              }
              back.countDown();
              return true;
            })) {
      recovery.tokenLost();
      // Reported again while probing: no second line of probes.
      recovery.tokenLost();
      recovery.tokenLost();
      assertThat(back.await(30, TimeUnit.SECONDS)).isTrue();
      // The probe that found it back is the last one until the next loss; give a stray one time.
      Thread.sleep(TokenRecovery.FIRST_DELAY.toMillis() * 3);
      assertThat(probes).hasValue(3);
      assertThat(recovery.probes()).isEqualTo(3);

      recovery.tokenLost();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (probes.get() < 4 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(probes).as("a new loss is probed again").hasValue(4);
    }
  }
}
