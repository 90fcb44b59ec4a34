package io.arca.server.batch;

import java.util.Optional;

/**
 * A handler that can answer some requests from memory, on the event loop that read them, without
 * the two thread hand-offs of the worker pool. {@link #tryInline} asks the caches through their
 * non-blocking methods, which return nothing rather than wait; when anything it needs is not in
 * memory (the object, its unwrapped key, the caller's grants) or the request would write (Fresh,
 * usage limits, a state the dates changed), it returns empty, and the batch hands the same decoded
 * request to a worker, which runs {@link #handle}. Both paths share the handler's logic; only the
 * resolving of the object and its key differs.
 */
public interface InlineHandler<Q, R> extends OperationHandler<Q, R> {
  /**
   * The response from memory alone ({@code context.mode()} is {@link ExecutionMode#INLINE}), or
   * empty when the request needs the worker pool; empty has changed nothing, recorded nothing and
   * left no undo. Refusals that need no blocking call (a missing field, a key in the wrong state)
   * are thrown here as in {@link #handle}.
   */
  Optional<R> tryInline(Q request, RequestContext context);
}
