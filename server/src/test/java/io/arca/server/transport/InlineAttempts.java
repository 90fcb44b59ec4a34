package io.arca.server.transport;

import org.jspecify.annotations.Nullable;

/** Reads an {@link InlineAttempt} in tests. */
public final class InlineAttempts {
  private InlineAttempts() {}

  /** The answer given on the event loop, or null when the request went to the worker pool. */
  public static @Nullable Answer answer(InlineAttempt attempt) {
    return attempt instanceof InlineAttempt.Answered answered ? answered.answer() : null;
  }

  /**
   * The answer, on the event loop or else from the rest of the work, run here as a worker would.
   */
  public static Answer finish(InlineAttempt attempt) {
    if (attempt instanceof InlineAttempt.Answered answered) {
      return answered.answer();
    }
    return ((InlineAttempt.Deferred) attempt).rest().run();
  }
}
