package io.arca.server.hsm;

import io.arca.hsm.AesGcmCiphertext;
import io.arca.hsm.HsmException;
import io.arca.hsm.HsmKeyInfo;
import io.arca.hsm.HsmKeyRef;
import io.arca.hsm.HsmSlot;
import io.arca.hsm.RsaPadding;
import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.TagNames;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.Destroy;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.batch.RequestContext;
import io.arca.server.op.ObjectAccess;
import io.arca.server.op.OperationHandler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Puts the HSM in front of the operation handlers, so that no handler needs to know of it. Every
 * request naming an {@code hsm::} object first passes {@link HsmAccess}: anyone it refuses gets the
 * answer of a missing object. Create and Create Key Pair of an {@code hsm::} identifier make the
 * key in the HSM; Destroy removes it from the HSM (no Revoke first); Encrypt and Decrypt run inside
 * the HSM. Everything else (Get, Export, Get Attributes, Get Attribute List, Locate) goes on to the
 * usual handler, which reads HSM objects through {@link HsmRoutingStore}.
 */
public final class HsmOperations {
  private static final ProtocolVersion V2_0 = ProtocolVersion.V2_0;

  /** The client attributes an HSM key may be created with; anything else is refused. */
  private static final Set<Integer> CREATE_ATTRIBUTES =
      Set.of(
          Tag.UNIQUE_IDENTIFIER.code(),
          Tag.NAME.code(),
          Tag.OBJECT_TYPE.code(),
          Tag.CRYPTOGRAPHIC_ALGORITHM.code(),
          Tag.CRYPTOGRAPHIC_LENGTH.code(),
          Tag.CRYPTOGRAPHIC_USAGE_MASK.code(),
          Tag.CRYPTOGRAPHIC_PARAMETERS.code(),
          Tag.SENSITIVE.code(),
          Tag.EXTRACTABLE.code());

  private static final List<AttributeReference> WRAPPING_KEY_ID =
      List.of(
          AttributeReference.vendor("arca", "wrapping-key-id"),
          AttributeReference.vendor("x", "arca-wrapping-key-id"));

  private final @Nullable HsmObjects hsm;

  /** The HSM's operations over {@code hsm}; null when the server has no HSM. */
  public HsmOperations(@Nullable HsmObjects hsm) {
    this.hsm = hsm;
  }

  /** Every handler with the HSM in front of it. */
  public List<OperationHandler> inFrontOf(List<OperationHandler> handlers) {
    List<OperationHandler> out = new ArrayList<>(handlers.size());
    for (OperationHandler handler : handlers) {
      out.add(new Front(handler));
    }
    return out;
  }

  /** One handler with the HSM in front. */
  private final class Front implements OperationHandler {
    private final OperationHandler next;

    Front(OperationHandler next) {
      this.next = next;
    }

    @Override
    public Operation operation() {
      return next.operation();
    }

    @Override
    public TtlvStructure handle(TtlvStructure requestPayload, RequestContext context) {
      TtlvStructure answer = HsmOperations.this.handle(next.operation(), requestPayload, context);
      return answer != null ? answer : next.handle(requestPayload, context);
    }

    @Override
    public String toString() {
      return "Hsm+" + next;
    }
  }

  /** The answer when the HSM serves this request; null to let the usual handler serve it. */
  @Nullable TtlvStructure handle(
      Operation operation, TtlvStructure payload, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    if (operation == Operation.CREATE) {
      return create(Create.Request.decode(payload, version), context);
    }
    if (operation == Operation.CREATE_KEY_PAIR) {
      return createKeyPair(CreateKeyPair.Request.decode(payload, version), context);
    }
    String uid = requestedUid(payload, context);
    if (uid == null || !HsmKeyRef.isHsmId(uid)) {
      return null;
    }
    if (hsm == null) {
      throw ObjectAccess.notFound(uid, version);
    }
    switch (hsm.access().decide(context, uid, operation)) {
      case ALLOWED:
        break;
      case DENIED:
        // Some right but not this one: as for database objects (docs/ACCESS.md), the caller
        // already knows the key exists, so say why it is refused.
        throw new KmipException(
            ResultReason.PERMISSION_DENIED,
            context.user() + " may not " + operation.xmlName() + " " + uid);
      case HIDDEN:
      default:
        throw ObjectAccess.notFound(uid, version);
    }
    return switch (operation) {
      case DESTROY -> destroy(uid, context);
      case ENCRYPT -> encrypt(uid, Encrypt.Request.decode(payload, version), context);
      case DECRYPT -> decrypt(uid, Decrypt.Request.decode(payload, version), context);
      default -> null;
    };
  }

  /** The Unique Identifier of the request, else the batch's ID Placeholder, else null. */
  private static @Nullable String requestedUid(TtlvStructure payload, RequestContext context) {
    Ttlv uid = payload.first(Tag.UNIQUE_IDENTIFIER.code());
    if (uid instanceof TtlvTextString text) {
      return text.value();
    }
    return uid == null ? context.batch().idPlaceholder() : null;
  }

  private HsmObjects objects(String uid) {
    if (hsm == null) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          uid + ": this server has no HSM (start it with --hsm-model and --hsm-slot)");
    }
    return hsm;
  }

  // ---- creation ------------------------------------------------------------------------------

  private @Nullable TtlvStructure create(Create.Request request, RequestContext context) {
    checkWrappingKey(request.attributes(), context);
    String uid = hsmUid(request.attributes());
    if (uid == null) {
      return null;
    }
    HsmObjects objects = mayCreate(uid, context);
    checkAttributes(request.attributes(), context.protocolVersion());
    if (request.objectType() != ObjectType.SYMMETRIC_KEY.value()) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "ObjectType: Create makes symmetric keys in the HSM");
    }
    requireAlgorithm(request.attributes(), CryptographicAlgorithm.AES, "AES");
    int bits = length(request.attributes());
    boolean sensitive = sensitive(request.attributes());
    HsmKeyRef ref = parse(uid);
    try {
      objects.slot(ref).generateAes(ref.label(), bits, sensitive);
    } catch (HsmException e) {
      throw creationFailure(e, context.protocolVersion());
    }
    context.batch().setIdPlaceholder(uid);
    context.batch().onUndo(() -> objects.delete(uid));
    return Create.Response.of(ObjectType.SYMMETRIC_KEY.value(), uid)
        .encode(context.protocolVersion());
  }

  private @Nullable TtlvStructure createKeyPair(
      CreateKeyPair.Request request, RequestContext context) {
    Attributes all = merged(request.commonAttributes(), request.privateKeyAttributes());
    checkWrappingKey(all, context);
    if (request.publicKeyAttributes() != null) {
      checkWrappingKey(request.publicKeyAttributes(), context);
    }
    String uid = hsmUid(all);
    if (uid == null) {
      if (request.publicKeyAttributes() != null && hsmUid(request.publicKeyAttributes()) != null) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "an HSM key pair is named by its private key (hsm::<slot>::<label>); the public key"
                + " becomes hsm::<slot>::<label>_pk");
      }
      return null;
    }
    HsmObjects objects = mayCreate(uid, context);
    checkAttributes(all, context.protocolVersion());
    Attributes forPublic = merged(request.commonAttributes(), request.publicKeyAttributes());
    String publicUid = uid + HsmSlot.PUBLIC_KEY_SUFFIX;
    for (Attribute attribute : forPublic.items()) {
      if (attribute.reference() instanceof AttributeReference.Tagged tagged
          && (tagged.tag() == Tag.NAME.code() || tagged.tag() == Tag.UNIQUE_IDENTIFIER.code())
          && !publicUid.equals(text(attribute.value()))
          && !uid.equals(text(attribute.value()))) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "the public key of " + uid + " is " + publicUid + "; it cannot be named otherwise");
      }
    }
    checkAttributes(forPublic, context.protocolVersion());
    requireAlgorithm(all, CryptographicAlgorithm.RSA, "RSA");
    int bits = length(merged(all, forPublic));
    boolean sensitive = sensitive(all);
    HsmKeyRef ref = parse(uid);
    try {
      objects.slot(ref).generateRsa(ref.label(), bits, sensitive);
    } catch (HsmException e) {
      throw creationFailure(e, context.protocolVersion());
    }
    context.batch().setIdPlaceholder(uid);
    context.batch().onUndo(() -> objects.delete(uid));
    return CreateKeyPair.Response.of(uid, publicUid).encode(context.protocolVersion());
  }

  private HsmObjects mayCreate(String uid, RequestContext context) {
    HsmObjects objects = objects(uid);
    if (!objects.access().mayCreate(context.user())) {
      throw new KmipException(
          ResultReason.PERMISSION_DENIED, "only the HSM admin creates keys in the HSM: " + uid);
    }
    return objects;
  }

  private static HsmKeyRef parse(String uid) {
    try {
      return HsmKeyRef.parse(uid);
    } catch (HsmException e) {
      throw new KmipException(ResultReason.INVALID_FIELD, "HSM key id: " + e.getMessage());
    }
  }

  private static KmipException creationFailure(HsmException e, ProtocolVersion version) {
    if (e.kind() == HsmException.Kind.NO_SUCH_SLOT) {
      return new KmipException(ResultReason.INVALID_FIELD, "HSM: " + e.getMessage());
    }
    return HsmErrors.toKmip(e, version);
  }

  /**
   * The {@code hsm::} identifier the client chose: the Unique Identifier attribute (2.x) or a Name
   * of that form (1.x clients cannot set the Unique Identifier); null for a database object.
   */
  private static @Nullable String hsmUid(Attributes attributes) {
    Attribute uid = attributes.first(Tag.UNIQUE_IDENTIFIER.code());
    if (uid != null
        && uid.value() instanceof TtlvTextString text
        && HsmKeyRef.isHsmId(text.value())) {
      return text.value();
    }
    for (Attribute name : attributes.all(Tag.NAME.code())) {
      String value = text(name.value());
      if (value != null && HsmKeyRef.isHsmId(value)) {
        return value;
      }
    }
    return null;
  }

  /** A text attribute's value, or a Name's Name Value. */
  private static @Nullable String text(Ttlv value) {
    if (value instanceof TtlvTextString text) {
      return text.value();
    }
    if (value instanceof TtlvStructure structure
        && structure.first(Tag.NAME_VALUE.code()) instanceof TtlvTextString text) {
      return text.value();
    }
    return null;
  }

  /**
   * Refuses the attributes an HSM key cannot carry: tags, vendor attributes, dates, links... The
   * HSM keeps only what PKCS#11 knows of a key.
   */
  private static void checkAttributes(Attributes attributes, ProtocolVersion version) {
    if (!attributes.templateNames().isEmpty()) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED, "Templates are not supported: send the attributes");
    }
    for (Attribute attribute : attributes.items()) {
      if (!(attribute.reference() instanceof AttributeReference.Tagged tagged)
          || !CREATE_ATTRIBUTES.contains(tagged.tag())) {
        String what =
            attribute.reference() instanceof AttributeReference.Tagged tagged
                ? TagNames.of(tagged.tag())
                : attribute.reference().toString();
        throw new KmipException(
            version.isAtLeast(V2_0)
                ? ResultReason.UNSUPPORTED_ATTRIBUTE
                : ResultReason.FEATURE_NOT_SUPPORTED,
            what
                + " is not supported on HSM keys (they take no tags or other attributes; allowed:"
                + " Name or Unique Identifier, algorithm, length, usage mask, Sensitive,"
                + " Extractable)");
      }
    }
    Attribute extractable = attributes.first(Tag.EXTRACTABLE.code());
    if (extractable != null
        && extractable.value() instanceof TtlvBoolean b
        && b.value() == sensitive(attributes)) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "Extractable: HSM keys are sensitive and not extractable, or neither (set Sensitive)");
    }
  }

  private static void requireAlgorithm(
      Attributes attributes, CryptographicAlgorithm expected, String name) {
    Attribute algorithm = attributes.first(Tag.CRYPTOGRAPHIC_ALGORITHM.code());
    if (algorithm == null
        || !(algorithm.value() instanceof TtlvEnumeration e)
        || e.value() != expected.value()) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicAlgorithm: the HSM makes "
              + name
              + " keys with this operation (expected: "
              + name
              + ")");
    }
  }

  private static int length(Attributes attributes) {
    Attribute length = attributes.first(Tag.CRYPTOGRAPHIC_LENGTH.code());
    if (length == null || !(length.value() instanceof TtlvInteger i)) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "CryptographicLength: missing (expected: e.g. 256 or 2048)");
    }
    return i.value();
  }

  private static boolean sensitive(Attributes attributes) {
    Attribute sensitive = attributes.first(Tag.SENSITIVE.code());
    return sensitive != null && sensitive.value() instanceof TtlvBoolean b && b.value();
  }

  private static Attributes merged(@Nullable Attributes first, @Nullable Attributes second) {
    List<Attribute> items = new ArrayList<>();
    List<TtlvStructure> templates = new ArrayList<>();
    for (Attributes a : Arrays.asList(first, second)) {
      if (a != null) {
        items.addAll(a.items());
        templates.addAll(a.templateNames());
      }
    }
    return new Attributes(items, templates);
  }

  /**
   * An {@code hsm::} wrapping key for a new database object: only for users the HSM lets encrypt
   * with it. The wrapping itself happens in the store.
   */
  private void checkWrappingKey(Attributes attributes, RequestContext context) {
    for (AttributeReference reference : WRAPPING_KEY_ID) {
      Attribute attribute = attributes.first(reference);
      if (attribute != null
          && attribute.value() instanceof TtlvTextString text
          && HsmKeyRef.isHsmId(text.value())
          && (hsm == null || !hsm.access().permits(context, text.value(), Operation.ENCRYPT))) {
        throw new KmipException(
            context.protocolVersion().isAtLeast(V2_0)
                ? ResultReason.WRAPPING_OBJECT_NOT_FOUND
                : ResultReason.ITEM_NOT_FOUND,
            "wrapping key " + text.value() + " does not exist");
      }
    }
  }

  // ---- use ------------------------------------------------------------------------------------

  private TtlvStructure destroy(String uid, RequestContext context) {
    HsmObjects objects = objects(uid);
    HsmKeyRef ref = parse(uid);
    existing(objects, uid, context);
    try {
      objects.slot(ref).destroy(ref.label());
    } catch (HsmException e) {
      throw HsmErrors.toKmip(e, context.protocolVersion());
    }
    return new Destroy.Response(uid).encode(context.protocolVersion());
  }

  private static HsmKeyInfo existing(HsmObjects objects, String uid, RequestContext context) {
    return objects
        .info(uid)
        .orElseThrow(() -> ObjectAccess.notFound(uid, context.protocolVersion()));
  }

  private TtlvStructure encrypt(String uid, Encrypt.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    refuseStreaming(request.correlationValue(), request.initIndicator(), request.finalIndicator());
    ByteString data = required(request.data());
    HsmObjects objects = objects(uid);
    HsmKeyInfo key = existing(objects, uid, context);
    HsmKeyRef ref = parse(uid);
    HsmSlot slot = objects.slot(ref);
    CryptographicParameters parameters = request.parameters();
    byte[] plaintext = data.toByteArray();
    try {
      if (key.keyClass() == HsmKeyInfo.KeyClass.SECRET) {
        checkGcm(parameters);
        if (request.ivCounterNonce() != null) {
          throw new KmipException(
              ResultReason.INVALID_FIELD,
              "IVCounterNonce: the HSM draws the IV of an AES-GCM encryption itself");
        }
        AesGcmCiphertext out =
            slot.encryptAesGcm(ref.label(), plaintext, bytes(request.additionalData()));
        byte[] ciphertext = out.ciphertext();
        byte[] tag = out.tag();
        if (!version.isAtLeast(ProtocolVersion.V1_4)) {
          // Before KMIP 1.4 there is no tag field: the tag travels after the ciphertext.
          byte[] joined = Arrays.copyOf(ciphertext, ciphertext.length + tag.length);
          System.arraycopy(tag, 0, joined, ciphertext.length, tag.length);
          return new Encrypt.Response(
                  uid, ByteString.copyOf(joined), ByteString.copyOf(out.iv()), null, null)
              .encode(version);
        }
        return new Encrypt.Response(
                uid,
                ByteString.copyOf(ciphertext),
                ByteString.copyOf(out.iv()),
                null,
                ByteString.copyOf(tag))
            .encode(version);
      }
      if (key.keyClass() == HsmKeyInfo.KeyClass.PUBLIC) {
        byte[] out = slot.encryptRsa(ref.label(), rsaPadding(parameters, slot), plaintext);
        return new Encrypt.Response(uid, ByteString.copyOf(out), null, null, null).encode(version);
      }
      throw wrongKey(uid, "Encrypt", "its public key " + uid + HsmSlot.PUBLIC_KEY_SUFFIX, version);
    } catch (HsmException e) {
      throw HsmErrors.toKmip(e, version);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private TtlvStructure decrypt(String uid, Decrypt.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    refuseStreaming(request.correlationValue(), request.initIndicator(), request.finalIndicator());
    byte[] data = required(request.data()).toByteArray();
    HsmObjects objects = objects(uid);
    HsmKeyInfo key = existing(objects, uid, context);
    HsmKeyRef ref = parse(uid);
    HsmSlot slot = objects.slot(ref);
    CryptographicParameters parameters = request.parameters();
    byte[] plaintext;
    try {
      if (key.keyClass() == HsmKeyInfo.KeyClass.SECRET) {
        checkGcm(parameters);
        ByteString iv = request.ivCounterNonce();
        if (iv == null) {
          throw new KmipException(
              ResultReason.INVALID_FIELD, "IVCounterNonce: missing (expected: the 12-byte IV)");
        }
        byte[] ciphertext = data;
        byte[] tag;
        ByteString givenTag = request.tag();
        if (givenTag != null) {
          tag = givenTag.toByteArray();
        } else {
          // Before KMIP 1.4 there is no tag field: the tag travels after the ciphertext.
          int split = data.length - AesGcmCiphertext.TAG_LENGTH;
          if (split < 0) {
            throw new KmipException(
                ResultReason.INVALID_FIELD,
                "AuthenticatedEncryptionTag: missing (expected: 16 bytes)");
          }
          ciphertext = Arrays.copyOfRange(data, 0, split);
          tag = Arrays.copyOfRange(data, split, data.length);
        }
        plaintext =
            slot.decryptAesGcm(
                ref.label(),
                new AesGcmCiphertext(iv.toByteArray(), ciphertext, tag),
                bytes(request.additionalData()));
      } else if (key.keyClass() == HsmKeyInfo.KeyClass.PRIVATE) {
        plaintext = slot.decryptRsa(ref.label(), rsaPadding(parameters, slot), data);
      } else {
        throw wrongKey(uid, "Decrypt", "its private key", version);
      }
    } catch (HsmException e) {
      throw HsmErrors.toKmip(e, version);
    }
    try {
      return new Decrypt.Response(uid, ByteString.copyOf(plaintext), null).encode(version);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static KmipException wrongKey(
      String uid, String operation, String use, ProtocolVersion version) {
    return new KmipException(
        version.isAtLeast(V2_0)
            ? ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK
            : ResultReason.PERMISSION_DENIED,
        uid + " cannot " + operation + " (use " + use + ")");
  }

  private static ByteString required(@Nullable ByteString data) {
    if (data == null) {
      throw new KmipException(ResultReason.INVALID_FIELD, "Data: missing");
    }
    return data;
  }

  private static byte[] bytes(@Nullable ByteString value) {
    return value == null ? new byte[0] : value.toByteArray();
  }

  private static void refuseStreaming(
      @Nullable ByteString correlation, @Nullable Boolean init, @Nullable Boolean last) {
    if (correlation != null || Boolean.TRUE.equals(init) || Boolean.FALSE.equals(last)) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED, "HSM keys encrypt and decrypt in one request");
    }
  }

  private static void checkGcm(@Nullable CryptographicParameters parameters) {
    if (parameters == null) {
      return;
    }
    Integer mode = parameters.blockCipherMode();
    if (mode != null && mode != BlockCipherMode.GCM.value()) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED, "BlockCipherMode: HSM AES keys do AES-GCM only");
    }
    Integer tagLength = parameters.tagLength();
    if (tagLength != null && tagLength != AesGcmCiphertext.TAG_LENGTH) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED, "TagLength: HSM AES-GCM tags are 16 bytes");
    }
  }

  /**
   * The RSA padding the parameters ask for: OAEP (the default) with SHA-256 or SHA-1 (the token's
   * best when no hash is named), or PKCS#1 v1.5.
   */
  private static RsaPadding rsaPadding(@Nullable CryptographicParameters parameters, HsmSlot slot) {
    Integer padding = parameters == null ? null : parameters.paddingMethod();
    if (padding != null && padding == PaddingMethod.PKCS1_V1_5.value()) {
      return RsaPadding.PKCS1_V1_5;
    }
    if (padding != null && padding != PaddingMethod.OAEP.value()) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED, "PaddingMethod: HSM RSA keys do OAEP or PKCS#1 v1.5");
    }
    Integer hash = parameters == null ? null : parameters.hashingAlgorithm();
    if (hash == null) {
      return slot.profile().rsaOaep();
    }
    if (hash == HashingAlgorithm.SHA_256.value()) {
      return RsaPadding.OAEP_SHA256;
    }
    if (hash == HashingAlgorithm.SHA_1.value()) {
      return RsaPadding.OAEP_SHA1;
    }
    throw new KmipException(
        ResultReason.FEATURE_NOT_SUPPORTED, "HashingAlgorithm: HSM RSA-OAEP uses SHA-256 or SHA-1");
  }
}
