package io.arca.server.op;

import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KeyWrapType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.KeyWrappingSpecification;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.PrivateKey;
import io.arca.kmip.object.PublicKey;
import io.arca.kmip.object.Template;
import io.arca.kmip.payload.Get;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.InlineHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import java.util.Optional;

/**
 * Get (KMIP 1.4 §4.11, 2.1 §6.1.22): the object itself, in the form of the client's protocol
 * version, in the Key Format Type asked for, and wrapped under another managed key when the Key
 * Wrapping Specification asks; a private key as PKCS#12 with its certificate chain ({@link
 * Pkcs12Containers}). A key stored under the server KEK comes back in the clear (the server's own
 * wrapping is never shown); a sensitive key only wrapped; a non-extractable key never. A key
 * registered wrapped comes back as registered, or unwrapped on Key Wrap Type Not Wrapped when the
 * caller may use its wrapping key.
 */
public final class GetHandler implements InlineHandler<Get.Request, Get.Response> {
  private final ObjectAccess objects;
  private final ObjectFormats formats;
  private final KeyWrapping wrapping;

  /**
   * A handler reading {@code objects}, converting key formats with {@code formats} and wrapping
   * with the keys of {@code keys}.
   */
  public GetHandler(ObjectAccess objects, ObjectFormats formats, KeyBackings keys) {
    this.objects = objects;
    this.formats = formats;
    this.wrapping = new KeyWrapping(objects, keys);
  }

  /** A handler of stored keys alone (handler tests). */
  GetHandler(ObjectAccess objects, ObjectFormats formats) {
    this(objects, formats, KeyBackings.storedOnly(StoredKeyBacking.of(objects.store())));
  }

  @Override
  public Operation operation() {
    return Operation.GET;
  }

  @Override
  public Get.Response handle(Get.Request request, RequestContext context) {
    return answer(request, context, AS_GET);
  }

  /** How a response is made from the object in the form asked for (Get, Export). */
  interface Responder<R> {
    R respond(ObjectRecord record, ManagedObject object);
  }

  private static final Responder<Get.Response> AS_GET =
      (record, object) -> Get.Response.of(record.uid(), object);

  /**
   * The object {@code request} names, in the form it asks for, handed to {@code responder}; the
   * object shares no byte string with the content, which is wiped before the response is encoded.
   */
  <R> R answer(Get.Request request, RequestContext context, Responder<R> responder) {
    ProtocolVersion version = context.protocolVersion();
    ObjectRecord record = objects.resolve(request.uniqueIdentifier(), context);
    checkMayLeave(record, request, version);
    try (ObjectContent content =
        objects
            .store()
            .content(record.uid())
            .orElseThrow(() -> Reasons.destroyed(version, record.uid()))) {
      R response = respond(record, content, request, context, responder);
      markServed(record, context);
      return response;
    }
  }

  /**
   * The same from memory, for an object served before (the first Get writes Fresh) and asked for
   * without wrapping, which needs another key, and not as PKCS#12, which reads linked objects.
   */
  @Override
  public Optional<Get.Response> tryInline(Get.Request request, RequestContext context) {
    Integer wrapType = request.keyWrapType();
    Integer format = request.keyFormatType();
    if (request.keyWrappingSpecification() != null
        || (wrapType != null && wrapType == KeyWrapType.NOT_WRAPPED.value())
        || (format != null && format == KeyFormatType.PKCS_12.value())) {
      return Optional.empty();
    }
    ObjectRecord record = objects.resolveInMemory(request.uniqueIdentifier(), context).orElse(null);
    if (record == null || AttributeView.of(record).fresh()) {
      return Optional.empty();
    }
    checkMayLeave(record, request, context.protocolVersion());
    Optional<ObjectContent> found = objects.store().contentInMemory(record.uid());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    try (ObjectContent content = found.get()) {
      return Optional.of(respond(record, content, request, context, AS_GET));
    }
  }

  /**
   * Refuses an object that may not leave in the form asked for: destroyed, sensitive and not to be
   * wrapped, not extractable, or to be compressed.
   */
  private static void checkMayLeave(
      ObjectRecord record, Get.Request request, ProtocolVersion version) {
    if (!record.hasContent()) {
      throw Reasons.destroyed(version, record.uid());
    }
    // A sensitive key may leave wrapped (KMIP 2.1 §4.50); a non-extractable one never leaves.
    AttributeView attributes = AttributeView.of(record);
    if (request.keyWrappingSpecification() == null && attributes.sensitive()) {
      throw Reasons.sensitive(version, record.uid(), true);
    }
    if (!attributes.extractable()) {
      throw Reasons.sensitive(version, record.uid(), false);
    }
    if (request.keyCompressionType() != null) {
      throw new KmipException(
          ResultReason.KEY_COMPRESSION_TYPE_NOT_SUPPORTED,
          "KeyCompressionType: keys are returned uncompressed");
    }
  }

  /** The object in the form asked for, handed to {@code responder}: what both paths share. */
  private <R> R respond(
      ObjectRecord record,
      ObjectContent content,
      Get.Request request,
      RequestContext context,
      Responder<R> responder) {
    ProtocolVersion version = context.protocolVersion();
    ManagedObject object = stored(record, content, version);
    Integer wrapType = request.keyWrapType();
    if (wrapType != null && wrapType == KeyWrapType.NOT_WRAPPED.value()) {
      object = wrapping.unwrap(object, context);
    }
    Integer format = request.keyFormatType();
    if (format != null && format == KeyFormatType.PKCS_12.value()) {
      object = new Pkcs12Containers(objects).container(record, object, context);
    } else if (format != null) {
      object = formats.convert(object, format);
    }
    KeyWrappingSpecification wrapping = request.keyWrappingSpecification();
    if (wrapping != null) {
      object = this.wrapping.wrap(object, wrapping, context);
    }
    if (!version.isAtLeast(ProtocolVersion.V2_0)) {
      object = withoutKeyValueAttributes(object);
    }
    return responder.respond(record, object);
  }

  /**
   * Fresh turns false once the object has been served, as the specification says; it is written
   * once.
   */
  private void markServed(ObjectRecord record, RequestContext context) {
    if (AttributeView.of(record).fresh()) {
      objects.change(
          record.uid(),
          current ->
              current.withAttributes(
                  ObjectAttributes.replace(
                      current.attributes(), Attribute.of(new TtlvBoolean(Tag.FRESH.code(), false))),
                  context.now()),
          context);
    }
  }

  /** The stored object; a 1.x Template is kept in its own form, and 2.x clients cannot see one. */
  private static ManagedObject stored(
      ObjectRecord record, ObjectContent content, ProtocolVersion version) {
    // The response is encoded after the content is closed, which wipes it: a copy of its own.
    TtlvStructure own = ObjectContent.detachedCopy(content.structure());
    if (record.objectType() != ObjectType.TEMPLATE) {
      return ManagedObject.decode(own, StoredForm.VERSION);
    }
    if (version.isAtLeast(ProtocolVersion.V2_0)) {
      throw new KmipException(
          ResultReason.INVALID_OBJECT_TYPE,
          record.uid() + " is a KMIP 1.x Template, which KMIP 2.x does not define");
    }
    return new Template(Templates.attributesOf(new ObjectContent(own)));
  }

  /**
   * The object without attributes inside its Key Value: 1.x clients read a public or private key's
   * attributes with Get Attributes, and some reject a Key Value that carries them.
   */
  private static ManagedObject withoutKeyValueAttributes(ManagedObject object) {
    KeyBlock block = object.keyBlock();
    if (block == null
        || !(object instanceof PrivateKey || object instanceof PublicKey)
        || !(block.keyValue() instanceof KeyValue.Plain plain)
        || plain.attributes().isEmpty()) {
      return object;
    }
    KeyBlock bare =
        new KeyBlock(
            block.keyFormatType(),
            block.keyCompressionType(),
            KeyValue.Plain.of(plain.keyMaterial()),
            block.cryptographicAlgorithm(),
            block.cryptographicLength(),
            block.keyWrappingData());
    return object instanceof PrivateKey ? new PrivateKey(bare) : new PublicKey(bare);
  }
}
