package io.arca.hsm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Brings lost tokens back: one thread of the module probes, first after {@link #FIRST_DELAY}, then
 * after twice the previous delay up to {@link #MAX_DELAY}, until every slot answers again. Requests
 * meanwhile fail at once without touching the token, so a loss costs a bounded number of probes
 * instead of a session per request.
 */
final class TokenRecovery implements AutoCloseable {
  static final Duration FIRST_DELAY = Duration.ofMillis(100);
  static final Duration MAX_DELAY = Duration.ofSeconds(2);

  private static final System.Logger LOG = System.getLogger(HsmModule.class.getName());

  private final BooleanSupplier probe;
  private final ScheduledExecutorService timer;
  private @Nullable ScheduledFuture<?> next;
  private long delayMillis;
  private long probes;
  private boolean closed;

  /**
   * @param probe one attempt to bring every lost slot back; true when none is lost any more
   */
  TokenRecovery(String name, BooleanSupplier probe) {
    this.probe = probe;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "arca-hsm-recovery " + name);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * The delay after {@code previous} (0: none yet): doubled, at least the first, at most the cap.
   */
  static long nextDelayMillis(long previous) {
    long first = FIRST_DELAY.toMillis();
    return previous <= 0 ? first : Math.min(MAX_DELAY.toMillis(), previous * 2);
  }

  /** A slot's token was found lost: probe soon, unless probing already. */
  synchronized void tokenLost() {
    if (closed || next != null) {
      return;
    }
    delayMillis = nextDelayMillis(0);
    next = timer.schedule(this::run, delayMillis, TimeUnit.MILLISECONDS);
  }

  /** How many probes have run. */
  synchronized long probes() {
    return probes;
  }

  private void run() {
    boolean done;
    try {
      done = probe.getAsBoolean();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "probing the lost HSM tokens failed", e);
      done = false;
    }
    synchronized (this) {
      probes++;
      next = null;
      if (closed) {
        return;
      }
      if (done) {
        delayMillis = 0;
        return;
      }
      delayMillis = nextDelayMillis(delayMillis);
      next = timer.schedule(this::run, delayMillis, TimeUnit.MILLISECONDS);
    }
  }

  /** Stops probing and waits for a probe under way, so the slots can be closed after it. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      if (next != null) {
        next.cancel(false);
      }
    }
    timer.shutdown();
    try {
      if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "an HSM probe did not end within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The slots a probe looks at: those lost. */
  static List<HsmSlot> lost(List<HsmSlot> slots) {
    return slots.stream().filter(s -> !s.available()).toList();
  }
}
