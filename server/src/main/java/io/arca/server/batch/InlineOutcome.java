package io.arca.server.batch;

import io.arca.kmip.message.ResponseMessage;

/**
 * What {@link BatchProcessor#tryInline} made of a request message on the event loop: its answer, or
 * the rest of the work for a worker, which goes on from the payload already decoded.
 */
public sealed interface InlineOutcome {
  /** Answered from memory; audited and observed like any other answer. */
  record Answered(ResponseMessage response) implements InlineOutcome {}

  /** Not begun: nothing was changed, recorded or observed; a worker runs {@code rest}. */
  record Deferred(Rest rest) implements InlineOutcome {}

  /** The batch, run on a worker. */
  @FunctionalInterface
  interface Rest {
    ResponseMessage run();
  }
}
