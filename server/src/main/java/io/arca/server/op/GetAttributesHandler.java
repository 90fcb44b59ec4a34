package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.payload.GetAttributes;
import io.arca.server.batch.InlineHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;
import java.util.Optional;

/**
 * Get Attributes (KMIP 1.4 §4.12, 2.1 §6.1.24): the attributes asked for (all of them when none is
 * named), in the form of the client's protocol version and limited to the attributes that version
 * defines.
 */
public final class GetAttributesHandler
    implements InlineHandler<GetAttributes.Request, GetAttributes.Response> {
  private final ObjectAccess objects;

  /** A handler reading {@code objects}. */
  public GetAttributesHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.GET_ATTRIBUTES;
  }

  @Override
  public GetAttributes.Response handle(GetAttributes.Request request, RequestContext context) {
    return response(objects.resolve(request.uniqueIdentifier(), context), request, context);
  }

  /** The same for an object in memory. */
  @Override
  public Optional<GetAttributes.Response> tryInline(
      GetAttributes.Request request, RequestContext context) {
    return objects
        .resolveInMemory(request.uniqueIdentifier(), context)
        .map(record -> response(record, request, context));
  }

  private static GetAttributes.Response response(
      ObjectRecord record, GetAttributes.Request request, RequestContext context) {
    return new GetAttributes.Response(
        record.uid(),
        ObjectAttributes.forVersion(
            ObjectAttributes.select(record, request.references()), context.protocolVersion()),
        true);
  }
}
