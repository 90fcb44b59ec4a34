package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.payload.Export;
import io.arca.kmip.payload.Get;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;

/**
 * Export (KMIP 2.0+, 2.1 §6.1.21): what Get returns, in the same forms and under the same rules
 * (format conversion, wrapping, sensitive and extractable), together with every attribute of the
 * object, so that another server can Import it under the same identifier.
 */
public final class ExportHandler implements OperationHandler {
  private final GetHandler get;

  /** A handler answering through {@code get}'s rules. */
  public ExportHandler(GetHandler get) {
    this.get = get;
  }

  @Override
  public Operation operation() {
    return Operation.EXPORT;
  }

  @Override
  public TtlvStructure handle(TtlvStructure requestPayload, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    Export.Request request = Export.Request.decode(requestPayload, version);
    Get.Request asGet =
        new Get.Request(
            request.uniqueIdentifier(),
            request.keyFormatType(),
            request.keyWrapType(),
            request.keyCompressionType(),
            request.keyWrappingSpecification());
    return get.answer(
        asGet,
        context,
        (record, object) ->
            new Export.Response(
                    object.objectType(), record.uid(), ObjectAttributes.of(record), object)
                .encode(version));
  }
}
