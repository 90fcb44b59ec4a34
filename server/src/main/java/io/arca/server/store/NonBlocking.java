package io.arca.server.store;

import java.util.function.Supplier;

/**
 * Marks work that runs on a network event loop, where nothing may wait for the database or the HSM.
 * A request that the caches can answer (a warm key, a cached grant) is served there without two
 * thread hand-offs; the first place that would block calls {@link #check} and the request is given
 * to the worker pool instead, before it has changed anything.
 */
public final class NonBlocking {
  private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> Boolean.FALSE);

  private NonBlocking() {}

  /** Thrown where work on an event loop would block; the caller runs the request elsewhere. */
  public static final class WouldBlock extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WouldBlock(String reason) {
      // Control flow, not an error: no stack trace to fill.
      super(reason, null, false, false);
    }
  }

  /** Runs {@code work} with blocking refused on this thread. */
  public static <T> T call(Supplier<T> work) {
    ACTIVE.set(Boolean.TRUE);
    try {
      return work.get();
    } finally {
      ACTIVE.set(Boolean.FALSE);
    }
  }

  /**
   * Refuses to go on when the current thread must not block.
   *
   * @param reason what would block (for the debug log)
   * @throws WouldBlock inside {@link #call}
   */
  public static void check(String reason) {
    if (ACTIVE.get()) {
      throw new WouldBlock(reason);
    }
  }
}
