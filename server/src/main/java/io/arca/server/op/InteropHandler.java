package io.arca.server.op;

import io.arca.kmip.InteropFunction;
import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.payload.Interop;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interop: the OASIS test cases mark the start and end of a case with it. The specification forbids
 * it on a production server, so it is registered only in development mode or when asked for; it
 * logs the case and does nothing else.
 */
public final class InteropHandler implements OperationHandler<Interop.Request, TtlvStructure> {
  private static final Logger log = LoggerFactory.getLogger(InteropHandler.class);

  @Override
  public Operation operation() {
    return Operation.INTEROP;
  }

  @Override
  public TtlvStructure handle(Interop.Request request, RequestContext context) {
    InteropFunction function = InteropFunction.byValue(request.function());
    if (function == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "InteropFunction: 0x"
              + Integer.toHexString(request.function())
              + " (expected: Begin, End or Reset)");
    }
    log.info("interop {} {} by {}", function.xmlName(), request.identifier(), context.user());
    return Interop.emptyResponse();
  }
}
