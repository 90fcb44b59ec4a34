package io.arca.hsm;

import org.jspecify.annotations.Nullable;

/**
 * Told of every token call an {@link HsmSlot} makes, once it has ended (retries included in its
 * time): where the server's metrics count HSM calls by slot, outcome and latency. Called on the
 * calling thread, so it must be cheap and must not throw.
 */
@FunctionalInterface
public interface HsmCallObserver {
  /** Observes nothing. */
  HsmCallObserver NONE = (slot, call, failure, nanos) -> {};

  /**
   * One call ended.
   *
   * @param slot the slot's id
   * @param call what kind of call it was
   * @param failure why it failed (an {@link HsmException} names its kind), or null when it
   *     succeeded
   * @param nanos how long it took, refusals and retries included
   */
  void called(long slot, HsmCall call, @Nullable RuntimeException failure, long nanos);
}
