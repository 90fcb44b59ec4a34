package io.arca.server.batch;

/**
 * Where a batch item runs, which decides what its handler may wait for. Carried in the {@link
 * RequestContext} rather than guessed from the thread, so that a handler's two paths are two
 * methods and nothing needs a control-flow exception to leave the event loop.
 */
public enum ExecutionMode {
  /**
   * On the network event loop that read the request ({@link InlineHandler#tryInline}): memory
   * alone, no database, token, disk force or lock held across any of these.
   */
  INLINE,
  /** On the bounded worker pool ({@link OperationHandler#handle}), where blocking is allowed. */
  WORKER
}
