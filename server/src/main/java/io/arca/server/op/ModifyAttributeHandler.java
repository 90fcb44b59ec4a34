package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.payload.ModifyAttribute;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.op.AttributeEdits.Edit;
import io.arca.server.store.ObjectRecord;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Modify Attribute (KMIP 1.4 §4.15, 2.1 §6.1.34): a new value for one existing instance of an
 * attribute the client may modify, chosen by its index in 1.x and by its current value in 2.x (or
 * the only instance). Changing a date that drives the lifecycle may change the state at once.
 */
public final class ModifyAttributeHandler
    implements OperationHandler<ModifyAttribute.Request, ModifyAttribute.Response> {
  private final ObjectAccess objects;

  /** A handler changing {@code objects}. */
  public ModifyAttributeHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.MODIFY_ATTRIBUTE;
  }

  @Override
  public ModifyAttribute.Response handle(ModifyAttribute.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    Attribute wanted = request.newAttribute();
    AttributeReference reference = wanted.reference();
    Attribute currentValue = request.currentAttribute();
    if (currentValue != null && !currentValue.reference().equals(reference)) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CurrentAttribute and NewAttribute name different attributes (expected: the same)");
    }
    String uid = objects.resolve(request.uniqueIdentifier(), context).uid();
    if (reference.equals(AttributeReference.tag(Tag.NAME.code()))) {
      NewObjects.checkNameFreeFor(uid, wanted, objects.store(), context);
    }
    ObjectRecord after =
        AttributeEdits.apply(
            objects,
            uid,
            context,
            reference,
            current -> {
              AttributeEdits.check(
                  Edit.MODIFY,
                  Operation.MODIFY_ATTRIBUTE,
                  reference,
                  current,
                  context.now(),
                  version);
              Attribute target = target(current, wanted, currentValue, version);
              return AttributeEdits.replaceInstance(
                  current.attributes(), target, wanted.withIndex(target.index()));
            });
    Attribute modified = null;
    for (Attribute attribute : after.attributes().all(reference)) {
      if (attribute.value().equals(wanted.value())) {
        modified = attribute;
      }
    }
    return new ModifyAttribute.Response(uid, modified);
  }

  /** The instance to change: by index in 1.x, by value or as the only one in 2.x. */
  private static Attribute target(
      ObjectRecord current,
      Attribute wanted,
      @Nullable Attribute currentValue,
      ProtocolVersion version) {
    AttributeReference reference = wanted.reference();
    String name = ObjectAttributes.nameOf(reference);
    List<Attribute> instances = current.attributes().all(reference);
    if (instances.isEmpty()) {
      throw Reasons.attributeNotFound(version, name, ResultReason.INVALID_FIELD);
    }
    if (!version.isAtLeast(ProtocolVersion.V2_0)) {
      return instances.stream()
          .filter(a -> a.index() == wanted.index())
          .findFirst()
          .orElseThrow(() -> Reasons.instanceNotFound(version, name));
    }
    if (currentValue == null) {
      if (instances.size() > 1) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "CurrentAttribute: missing, and the object has "
                + instances.size()
                + " instances of "
                + name
                + " (expected: the one to change)");
      }
      return instances.get(0);
    }
    return instances.stream()
        .filter(a -> a.value().equals(currentValue.value()))
        .findFirst()
        .orElseThrow(() -> Reasons.instanceNotFound(version, name));
  }
}
