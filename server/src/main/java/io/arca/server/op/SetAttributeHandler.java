package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.payload.SetAttribute;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.op.AttributeEdits.Edit;
import java.util.List;

/**
 * Set Attribute (KMIP 2.0 §6.1.50, 2.1 §6.1.51): adds the attribute if the object has none, or
 * changes its only instance; an object with several instances is refused. The rules are Add
 * Attribute's for a new value and Modify Attribute's for a changed one.
 */
public final class SetAttributeHandler
    implements OperationHandler<SetAttribute.Request, SetAttribute.Response> {
  private final ObjectAccess objects;

  /** A handler changing {@code objects}. */
  public SetAttributeHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.SET_ATTRIBUTE;
  }

  @Override
  public SetAttribute.Response handle(SetAttribute.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    Attribute wanted = request.newAttribute();
    AttributeReference reference = wanted.reference();
    String uid = objects.resolve(request.uniqueIdentifier(), context).uid();
    if (reference.equals(AttributeReference.tag(Tag.NAME.code()))) {
      NewObjects.checkNameFreeFor(uid, wanted, objects.store(), context);
    }
    AttributeEdits.apply(
        objects,
        uid,
        context,
        reference,
        current -> {
          List<Attribute> instances = current.attributes().all(reference);
          if (instances.size() > 1) {
            throw new KmipException(
                ResultReason.MULTI_VALUED_ATTRIBUTE,
                ObjectAttributes.nameOf(reference)
                    + " has "
                    + instances.size()
                    + " instances (expected: at most one; use Modify Attribute)");
          }
          Edit edit = instances.isEmpty() ? Edit.ADD : Edit.MODIFY;
          AttributeEdits.check(
              edit, Operation.SET_ATTRIBUTE, reference, current, context.now(), version);
          if (instances.isEmpty()) {
            return AttributeEdits.with(current.attributes(), wanted.withIndex(0));
          }
          Attribute only = instances.get(0);
          return AttributeEdits.replaceInstance(
              current.attributes(), only, wanted.withIndex(only.index()));
        });
    return new SetAttribute.Response(uid);
  }
}
