package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.payload.GetAttributes;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;

/**
 * Get Attributes (KMIP 1.4 §4.12, 2.1 §6.1.24): the attributes asked for (all of them when none is
 * named), in the form of the client's protocol version and limited to the attributes that version
 * defines.
 */
public final class GetAttributesHandler
    implements OperationHandler<GetAttributes.Request, GetAttributes.Response> {
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
    ObjectRecord record = objects.resolve(request.uniqueIdentifier(), context);
    return new GetAttributes.Response(
        record.uid(),
        ObjectAttributes.forVersion(
            ObjectAttributes.select(record, request.references()), context.protocolVersion()));
  }
}
