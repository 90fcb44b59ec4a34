package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;

/**
 * A handler written the old way, reading and writing its own payloads: what {@code
 * ArchitectureTest} refuses in {@code op}. Test sources only, so the rule is seen to fire.
 */
public final class SelfDecodingHandler implements OperationHandler<TtlvStructure, TtlvStructure> {
  @Override
  public Operation operation() {
    return Operation.ACTIVATE;
  }

  @Override
  public TtlvStructure handle(TtlvStructure payload, RequestContext context) {
    Activate.Request request = Activate.Request.decode(payload, context.protocolVersion());
    return new Activate.Response(String.valueOf(request.uniqueIdentifier()))
        .encode(context.protocolVersion());
  }
}
