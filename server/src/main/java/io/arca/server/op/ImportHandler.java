package io.arca.server.op;

import io.arca.kmip.KeyWrapType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.Template;
import io.arca.kmip.payload.Import;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.access.AccessPolicy;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Import (KMIP 1.4 §4.41, 2.1 §6.1.25): Register under the identifier the client gives, with the
 * attributes an Export produced, server-set ones included (the Digest, dates); an existing object
 * is replaced only when Replace Existing says so, and only by a caller allowed Import on it (its
 * owner, or one granted Import: docs/ACCESS.md), keeping its owner. The record's own fields (Unique
 * Identifier, Object Type, Initial and Last Change Date) come from the import itself; State is kept
 * when given. Key Wrap Type Not Wrapped unwraps the key first, as on Get.
 */
public final class ImportHandler implements OperationHandler<Import.Request, Import.Response> {
  private final ObjectAccess objects;
  private final KeyBackings keys;

  /** A handler importing into the store behind {@code objects}. */
  public ImportHandler(ObjectAccess objects, KeyBackings keys) {
    this.objects = objects;
    this.keys = keys;
  }

  /** A handler of stored keys alone (handler tests). */
  ImportHandler(ObjectAccess objects) {
    this(objects, KeyBackings.storedOnly(StoredKeyBacking.of(objects.store())));
  }

  @Override
  public Operation operation() {
    return Operation.IMPORT;
  }

  @Override
  public Import.Response handle(Import.Request request, RequestContext context) {
    ManagedObject object = request.object();
    ObjectType type = ObjectType.byValue(object.objectType());
    if (type == null || object instanceof Template) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "ObjectType: cannot import this kind of object");
    }
    RegisterHandler.checkWrappedForm(object);
    Integer wrapType = request.keyWrapType();
    if (wrapType != null && wrapType == KeyWrapType.NOT_WRAPPED.value()) {
      object = new KeyWrapping(objects, keys).unwrap(object, context);
    }
    String uid = request.uniqueIdentifier();
    Optional<ObjectRecord> existing = objects.store().find(uid);
    if (existing.isEmpty()) {
      NewObjects.checkMayCreate(context);
      // A new object's identifier is the client's choice, under the rules of any chosen one.
      ChosenIdentifiers.check(uid);
    } else {
      // The identifier is taken whoever may see the object, so a stranger learns that much (as
      // with any client-chosen identifier); one holding other rights learns only that this one
      // is missing.
      AccessPolicy.Decision decision =
          context.access().decide(context.user(), context.operation(), existing.get());
      if (decision == AccessPolicy.Decision.DENIED) {
        throw new KmipException(
            ResultReason.PERMISSION_DENIED, context.user() + " may not replace " + uid);
      }
      if (!Boolean.TRUE.equals(request.replaceExisting())
          || decision != AccessPolicy.Decision.ALLOWED) {
        throw new KmipException(
            ResultReason.OBJECT_ALREADY_EXISTS,
            "an object " + uid + " exists (set Replace Existing to replace one of yours)");
      }
    }
    List<Attribute> kept = new ArrayList<>();
    State state = State.PRE_ACTIVE;
    for (Attribute attribute : request.attributes().items()) {
      if (attribute.value().tag() == Tag.STATE.code()
          && attribute.value() instanceof TtlvEnumeration e
          && State.byValue(e.value()) != null) {
        state = State.byValue(e.value());
      } else if (!ObjectAttributes.isRecordField(attribute.reference())) {
        kept.add(attribute);
      }
    }
    Attributes given = new Attributes(kept, List.of());
    for (Attribute name : new AttributeView(given).names()) {
      NewObjects.checkNameFree(name, uid, objects.store(), context);
    }
    for (Attribute implied : RegisterHandler.implied(object, given)) {
      if (given.first(implied.reference()) == null) {
        kept.add(implied);
      }
    }
    ObjectRecord draft =
        ObjectRecord.draft(
            uid,
            type,
            state == null ? State.PRE_ACTIVE : state,
            // A replaced object stays its owner's, whoever was granted Import on it.
            existing.map(ObjectRecord::owner).orElse(context.user()),
            new Attributes(kept, List.of()),
            null,
            context.now());
    if (existing.isPresent()) {
      // Replacing cannot be undone: the old material is gone once the new object is stored.
      objects.store().delete(uid);
    }
    TtlvStructure content = object.encode(StoredForm.VERSION);
    try {
      objects.store().create(draft, content);
    } finally {
      ObjectContent.wipe(content);
    }
    context.batch().setIdPlaceholder(uid);
    if (existing.isEmpty()) {
      context.batch().onUndo(() -> objects.store().delete(uid));
    }
    return new Import.Response(uid);
  }
}
