package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.payload.Cancel;
import io.arca.server.batch.AsyncOperations;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;

/**
 * Cancel (KMIP 1.4 §4.27, 2.1 §6.1.5): an asynchronous operation of the caller's that has not
 * started is canceled; any other answers the Cancellation Result that says why not (Unable to
 * Cancel, Completed, Failed, or Unavailable for a value the caller holds no operation of).
 */
public final class CancelHandler implements OperationHandler<Cancel.Request, Cancel.Response> {
  private final AsyncOperations operations;

  /** A handler canceling the operations held in {@code operations}. */
  public CancelHandler(AsyncOperations operations) {
    this.operations = operations;
  }

  @Override
  public Operation operation() {
    return Operation.CANCEL;
  }

  @Override
  public Cancel.Response handle(Cancel.Request request, RequestContext context) {
    return new Cancel.Response(
        request.asynchronousCorrelationValue(),
        operations.cancel(context.user(), request.asynchronousCorrelationValue()).value());
  }
}
