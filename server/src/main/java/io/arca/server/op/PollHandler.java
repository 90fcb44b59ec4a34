package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.payload.Poll;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;

/**
 * Poll (KMIP 1.4 §4.28, 2.1 §6.1.38). Its answer is a whole batch item (Pending, or the item the
 * polled operation answers), which no payload can carry, so the batch processor answers Poll from
 * the registry's asynchronous operations itself; this entry gives Poll its payload codec and its
 * place in Query's list, and is never called.
 */
public final class PollHandler implements OperationHandler<Poll.Request, Void> {

  @Override
  public Operation operation() {
    return Operation.POLL;
  }

  @Override
  public Void handle(Poll.Request request, RequestContext context) {
    throw new IllegalStateException("Poll is answered by the batch processor");
  }
}
