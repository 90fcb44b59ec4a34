package io.arca.server.op;

import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.PayloadCodec;
import io.arca.server.batch.RequestContext;

/**
 * Calls a handler as the batch does, through the codec {@link PayloadCodecs} registers for its
 * operation: the request payload decoded, the response encoded, in the context's version. Tests
 * that build wire payloads use it, so a payload the codec refuses fails as it would on the wire.
 */
final class Wire {
  private Wire() {}

  static <Q, R> TtlvStructure handle(
      OperationHandler<Q, R> handler, TtlvStructure payload, RequestContext context) {
    PayloadCodec<Q, R> codec = codecOf(handler);
    Q request = codec.decode(payload, context.protocolVersion());
    return codec.encode(handler.handle(request, context), context.protocolVersion());
  }

  /** The constant named after the handler's operation: the one {@code ServerHandlers} uses. */
  @SuppressWarnings("unchecked")
  private static <Q, R> PayloadCodec<Q, R> codecOf(OperationHandler<Q, R> handler) {
    try {
      return (PayloadCodec<Q, R>)
          PayloadCodecs.class.getField(handler.operation().name()).get(null);
    } catch (ReflectiveOperationException e) {
      throw new LinkageError("no codec for " + handler.operation(), e);
    }
  }
}
