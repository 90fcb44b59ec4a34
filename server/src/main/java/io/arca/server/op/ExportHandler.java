package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.payload.Export;
import io.arca.kmip.payload.Get;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;

/**
 * Export (KMIP 1.4 §4.40, 2.1 §6.1.21): what Get returns, in the same forms and under the same
 * rules (format conversion, wrapping, sensitive and extractable), together with every attribute of
 * the object, so that another server can Import it under the same identifier; the attributes carry
 * the Digest of the format returned ({@link KeyDigests}).
 */
public final class ExportHandler implements OperationHandler<Export.Request, Export.Response> {
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
  public Export.Response handle(Export.Request request, RequestContext context) {
    // Export exists from KMIP 2.0 on: its codec refuses older versions before this runs.
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
                object.objectType(),
                record.uid(),
                // A key exported in a format it has no Digest for carries that format's too.
                KeyDigests.withDigestOf(object, ObjectAttributes.of(record)),
                object));
  }
}
