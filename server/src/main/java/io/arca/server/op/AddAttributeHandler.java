package io.arca.server.op;

import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.payload.AddAttribute;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.op.AttributeEdits.Edit;
import io.arca.server.store.ObjectRecord;
import java.util.List;

/**
 * Add Attribute (KMIP 1.4 §4.14, 2.1 §6.1.2): a new instance of an attribute the client may set, on
 * an object it applies to; a single-valued attribute only if the object has none yet. The new
 * instance gets the index after the highest in use (1.x indices never change), and 1.x clients are
 * answered with it.
 */
public final class AddAttributeHandler
    implements OperationHandler<AddAttribute.Request, AddAttribute.Response> {
  private final ObjectAccess objects;

  /** A handler changing {@code objects}. */
  public AddAttributeHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.ADD_ATTRIBUTE;
  }

  @Override
  public AddAttribute.Response handle(AddAttribute.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    Attribute given = request.attribute();
    AttributeReference reference = given.reference();
    String uid = objects.resolve(request.uniqueIdentifier(), context).uid();
    if (reference.equals(AttributeReference.tag(Tag.NAME.code()))) {
      NewObjects.checkNameFreeFor(null, given, objects.store(), context);
    }
    ObjectRecord after =
        AttributeEdits.apply(
            objects,
            uid,
            context,
            reference,
            current -> {
              AttributeEdits.check(
                  Edit.ADD, Operation.ADD_ATTRIBUTE, reference, current, context.now(), version);
              if (AttributeEdits.isSingleValued(reference, version)
                  && !current.attributes().all(reference).isEmpty()) {
                throw Reasons.singleValued(version, ObjectAttributes.nameOf(reference));
              }
              return AttributeEdits.with(
                  current.attributes(),
                  given.withIndex(AttributeEdits.nextIndex(current.attributes(), reference)));
            });
    List<Attribute> instances = after.attributes().all(reference);
    return new AddAttribute.Response(uid, instances.get(instances.size() - 1));
  }
}
