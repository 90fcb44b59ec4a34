package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.payload.Ping;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;

/**
 * Ping (KMIP 2.1 §6.1.36): answers that the server is alive. It touches no object and no store, so
 * it answers whatever state the database or the HSM is in; the batch's version gate refuses it in
 * requests older than 2.1.
 */
public final class PingHandler implements OperationHandler<Ping.Request, Ping.Response> {

  @Override
  public Operation operation() {
    return Operation.PING;
  }

  @Override
  public Ping.Response handle(Ping.Request request, RequestContext context) {
    return new Ping.Response();
  }
}
