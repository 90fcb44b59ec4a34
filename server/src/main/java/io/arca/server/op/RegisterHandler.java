package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.Certificate;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.OpaqueObject;
import io.arca.kmip.object.PGPKey;
import io.arca.kmip.object.Template;
import io.arca.kmip.payload.Register;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Register (KMIP 1.4 §4.3, 2.1 §6.1.45): stores an object the client supplies, of any kind (a 1.x
 * Template too, see {@link Templates}), as given (a key delivered wrapped stays wrapped, in either
 * form its Encoding Option allows: {@link KeyWrapping#checkedWrappedForm}), under the server KEK.
 * The algorithm and length of a key block become attributes when the client did not set them, and
 * the Digest is taken over the key material or value as registered. A 2.x client may choose the
 * identifier ({@link ChosenIdentifiers}).
 */
public final class RegisterHandler
    implements OperationHandler<Register.Request, Register.Response> {
  private final ObjectStore store;

  /** A handler registering into {@code store}. */
  public RegisterHandler(ObjectStore store) {
    this.store = store;
  }

  @Override
  public Operation operation() {
    return Operation.REGISTER;
  }

  @Override
  public Register.Response handle(Register.Request request, RequestContext context) {
    NewObjects.checkMayCreate(context);
    ManagedObject object = request.object();
    ObjectType type = ObjectType.byValue(object.objectType());
    if (type == null) {
      throw new KmipException(ResultReason.INVALID_FIELD, "ObjectType: unknown");
    }
    checkWrappedForm(object);
    Attributes attributes =
        withoutDefaultedFacts(
            NewObjects.clientAttributesBesidesUid(request.attributes(), type, store, context),
            request.attributes(),
            object);
    String uid = ChosenIdentifiers.chosenOrNew(request.attributes(), store, context);
    ObjectRecord draft =
        NewObjects.draft(store, uid, type, attributes, implied(object, attributes), context, false);
    TtlvStructure content =
        object instanceof Template template
            ? Templates.content(checked(template, context))
            : object.encode(StoredForm.VERSION);
    try {
      store.create(draft, content);
    } finally {
      ObjectContent.wipe(content);
    }
    context.batch().setIdPlaceholder(uid);
    context.batch().onUndo(() -> store.delete(uid));
    return new Register.Response(uid, null);
  }

  /**
   * {@code attributes} less the server's defaults for what the object itself tells (a key's
   * algorithm and length, a certificate's fields): only its client may say otherwise.
   */
  private static Attributes withoutDefaultedFacts(
      Attributes attributes, Attributes given, ManagedObject object) {
    Set<AttributeReference> facts = new HashSet<>();
    implied(object, Attributes.EMPTY).forEach(fact -> facts.add(fact.reference()));
    List<Attribute> kept = new ArrayList<>();
    for (Attribute attribute : attributes.items()) {
      if (!facts.contains(attribute.reference()) || given.first(attribute.reference()) != null) {
        kept.add(attribute);
      }
    }
    return new Attributes(kept, List.of());
  }

  /** A key delivered wrapped must be in a form its Encoding Option describes, or is refused. */
  static void checkWrappedForm(ManagedObject object) {
    KeyBlock block = object.keyBlock();
    if (block != null) {
      KeyWrapping.checkedWrappedForm(block);
    }
  }

  /** A template whose attributes a client could set on an object; others are refused. */
  private static Template checked(Template template, RequestContext context) {
    for (Attribute attribute : template.attributes().items()) {
      // For the objects made with it, whose type the template does not fix.
      AttributeEdits.checkAtCreation(attribute.reference(), null, context.protocolVersion());
    }
    return template;
  }

  /** What the object itself says: algorithm, length and digest, unless the client said it. */
  static List<Attribute> implied(ManagedObject object, Attributes given) {
    List<Attribute> implied = new ArrayList<>();
    KeyBlock block = object.keyBlock();
    if (block != null) {
      implied.add(
          Attribute.of(new TtlvEnumeration(Tag.KEY_FORMAT_TYPE.code(), block.keyFormatType())));
      if (block.cryptographicAlgorithm() != null
          && new AttributeView(given).cryptographicAlgorithm() == null) {
        implied.add(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), block.cryptographicAlgorithm())));
      }
      if (block.cryptographicLength() != null
          && new AttributeView(given).cryptographicLength() == null) {
        implied.add(
            Attribute.of(
                new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), block.cryptographicLength())));
      }
    }
    if (object instanceof Certificate certificate) {
      implied.addAll(CertificateAttributes.of(certificate, given));
    }
    if (object instanceof PGPKey pgpKey) {
      implied.addAll(PgpKeyAttributes.of(pgpKey, given));
    }
    byte[] digested = digestInput(object);
    if (digested != null) {
      try {
        implied.add(NewObjects.digest(digested, block == null ? null : block.keyFormatType()));
      } finally {
        Arrays.fill(digested, (byte) 0);
      }
      // The mandatory instance is that of the default format (2.1 §4.21), when it came in another.
      Integer standard = KeyDigests.defaultFormat(object);
      if (block != null && standard != null && standard != block.keyFormatType()) {
        Attribute digest = KeyDigests.inFormat(object, standard);
        if (digest != null) {
          implied.add(digest.withIndex(1));
        }
      }
    }
    return implied;
  }

  /**
   * A copy of the bytes the Digest covers (KMIP 1.4 §3.17, 2.1 §4.21), for the caller to wipe:
   * plain key material as its Byte String or, when it is a structure (a transparent key), as its
   * TTLV encoding; a certificate's or an opaque object's value. A wrapped key has none.
   */
  static byte @Nullable [] digestInput(ManagedObject object) {
    if (object instanceof Certificate certificate) {
      return certificate.certificateValue().toByteArray();
    }
    if (object instanceof OpaqueObject opaque) {
      return opaque.opaqueDataValue().toByteArray();
    }
    KeyBlock block = object.keyBlock();
    if (block == null
        || block.keyWrappingData() != null
        || !(block.keyValue() instanceof KeyValue.Plain plain)) {
      return null;
    }
    if (plain.keyMaterial() instanceof KeyMaterial.Bytes bytes) {
      return bytes.value().toByteArray();
    }
    if (plain.keyMaterial() instanceof KeyMaterial.Structured structured) {
      return TtlvWriter.toBytes(structured.value());
    }
    return null;
  }
}
