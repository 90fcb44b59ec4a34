package io.arca.server.transport;

/**
 * What the event loop made of one request ({@link RequestProcessor#tryInline}): answered there, or
 * left to the worker pool with the rest of the work, which continues from what the event loop
 * already read of the request instead of reading the frame again.
 */
public sealed interface InlineAttempt {
  /** Answered on the event loop; the frame is no longer needed. */
  record Answered(Answer answer) implements InlineAttempt {}

  /**
   * To be finished on a worker, where blocking is allowed; the frame stays alive (and unwiped)
   * until {@code rest} has run.
   */
  record Deferred(Work rest) implements InlineAttempt {}

  /** The part of a request that runs on the worker pool. */
  @FunctionalInterface
  interface Work {
    Answer run();
  }

  /** The request was answered on the event loop. */
  static InlineAttempt answered(Answer answer) {
    return new Answered(answer);
  }

  /** The request goes to the worker pool, which runs {@code rest}. */
  static InlineAttempt toWorkers(Work rest) {
    return new Deferred(rest);
  }
}
