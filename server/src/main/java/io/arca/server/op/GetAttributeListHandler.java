package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.payload.GetAttributeList;
import io.arca.server.batch.InlineHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Get Attribute List (KMIP 1.4 §4.13, 2.1 §6.1.21): which attributes the object has, once each, as
 * 1.x Attribute Names or 2.x Attribute References, limited to those the client's version defines.
 */
public final class GetAttributeListHandler
    implements InlineHandler<GetAttributeList.Request, GetAttributeList.Response> {
  private final ObjectAccess objects;

  /** A handler reading {@code objects}. */
  public GetAttributeListHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.GET_ATTRIBUTE_LIST;
  }

  @Override
  public GetAttributeList.Response handle(
      GetAttributeList.Request request, RequestContext context) {
    return response(objects.resolve(request.uniqueIdentifier(), context), context);
  }

  /** The same for an object in memory. */
  @Override
  public Optional<GetAttributeList.Response> tryInline(
      GetAttributeList.Request request, RequestContext context) {
    return objects
        .resolveInMemory(request.uniqueIdentifier(), context)
        .map(record -> response(record, context));
  }

  private static GetAttributeList.Response response(ObjectRecord record, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    Set<AttributeReference> references = new LinkedHashSet<>();
    for (Attribute attribute :
        ObjectAttributes.forVersion(ObjectAttributes.of(record), version).items()) {
      references.add(attribute.reference());
    }
    return new GetAttributeList.Response(record.uid(), List.copyOf(references));
  }
}
