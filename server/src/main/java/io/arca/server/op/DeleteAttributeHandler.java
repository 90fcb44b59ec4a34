package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.payload.DeleteAttribute;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.op.AttributeEdits.Edit;
import io.arca.server.store.ObjectRecord;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Delete Attribute (KMIP 1.4 §4.16, 2.1 §6.1.13): removes instances of an attribute the client may
 * delete. 1.x names one instance by name and index (0 when omitted) and is answered with it; 2.x
 * names one by its value (Current Attribute) or all of them by an Attribute Reference.
 */
public final class DeleteAttributeHandler
    implements OperationHandler<DeleteAttribute.Request, DeleteAttribute.Response> {
  private final ObjectAccess objects;

  /** A handler changing {@code objects}. */
  public DeleteAttributeHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.DELETE_ATTRIBUTE;
  }

  @Override
  public DeleteAttribute.Response handle(DeleteAttribute.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    Attribute byValue = request.currentAttribute();
    AttributeReference reference = byValue != null ? byValue.reference() : request.reference();
    if (reference == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "the attribute to delete: missing (expected: one)");
    }
    String uid = objects.resolve(request.uniqueIdentifier(), context).uid();
    AtomicReference<@Nullable Attribute> deleted = new AtomicReference<>();
    AttributeEdits.apply(
        objects,
        uid,
        context,
        reference,
        current -> {
          AttributeEdits.check(
              Edit.DELETE, Operation.DELETE_ATTRIBUTE, reference, current, context.now(), version);
          List<Attribute> gone = targets(current, reference, request, version);
          deleted.set(gone.get(0));
          return AttributeEdits.without(current.attributes(), gone);
        });
    return new DeleteAttribute.Response(uid, deleted.get());
  }

  private static List<Attribute> targets(
      ObjectRecord current,
      AttributeReference reference,
      DeleteAttribute.Request request,
      ProtocolVersion version) {
    String name = ObjectAttributes.nameOf(reference);
    List<Attribute> instances = current.attributes().all(reference);
    if (instances.isEmpty()) {
      throw Reasons.attributeNotFound(version, name, ResultReason.ITEM_NOT_FOUND);
    }
    Attribute byValue = request.currentAttribute();
    if (byValue != null) {
      return List.of(
          instances.stream()
              .filter(a -> a.value().equals(byValue.value()))
              .findFirst()
              .orElseThrow(() -> Reasons.instanceNotFound(version, name)));
    }
    if (version.isAtLeast(ProtocolVersion.V2_0)) {
      return instances;
    }
    Integer requested = request.attributeIndex();
    int index = requested == null ? 0 : requested;
    return List.of(
        instances.stream()
            .filter(a -> a.index() == index)
            .findFirst()
            .orElseThrow(() -> Reasons.instanceNotFound(version, name)));
  }
}
