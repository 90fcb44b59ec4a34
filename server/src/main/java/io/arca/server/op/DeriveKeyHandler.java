package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.DerivationMethod;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.SecretDataType;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.SecretData;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.DeriveKey;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.SymmetricCipher;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Derive Key (KMIP 1.4 §4.6, 2.1 §6.1.14): a new Symmetric Key or Secret Data (a Seed) of the
 * Cryptographic Length asked, by one of the {@link Derivations}, from a derivation key (a Symmetric
 * Key or Secret Data) and, when the Derivation Data is not in the request, a second object, a
 * Secret Data holding it (1.4 §2.1.12: one or the other, never both). Every object named must be
 * Active, the caller's to use with Derive Key, and carry Derive Key in its usage mask; the ID
 * Placeholder never stands for them (§6.1.14). The new object links to its bases (Derivation Base
 * Object) and each base to it (Derived Key). Whether a base's backing lets its value be derived
 * from here is the {@link KeyBacking}'s to say: the HSM's keys are refused, since deriving from
 * them here would take their value out of the token.
 */
public final class DeriveKeyHandler
    implements OperationHandler<DeriveKey.Request, DeriveKey.Response> {
  /** The longest output: eight 512-bit keys, or keys and IVs, in one Secret Data. */
  private static final int MAX_BITS = 4096;

  private final ObjectAccess objects;
  private final SymmetricCipher ciphers;
  private final KeyBackings keys;

  /**
   * A handler deriving from the objects of {@code objects} into their store, with the bases'
   * backings in {@code keys}.
   */
  public DeriveKeyHandler(ObjectAccess objects, SymmetricCipher ciphers, KeyBackings keys) {
    this.objects = objects;
    this.ciphers = ciphers;
    this.keys = keys;
  }

  /** A handler of stored keys alone (handler tests). */
  DeriveKeyHandler(ObjectAccess objects, SymmetricCipher ciphers) {
    this(objects, ciphers, KeyBackings.storedOnly(StoredKeyBacking.of(objects.store())));
  }

  @Override
  public Operation operation() {
    return Operation.DERIVE_KEY;
  }

  @Override
  public DeriveKey.Response handle(DeriveKey.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    DerivationMethod method = method(request.derivationMethod(), version);
    ObjectType type = outputType(request.objectType());
    // §4.6 has the client give a Secret Data's length as Cryptographic Length, an attribute 1.x
    // does not apply to Secret Data: there it sizes the output and is not kept.
    boolean lengthOnlyAsked =
        type == ObjectType.SECRET_DATA && !version.isAtLeast(ProtocolVersion.V2_0);
    Integer asked = new AttributeView(request.attributes()).cryptographicLength();
    Attributes attributes =
        NewObjects.clientAttributesBesidesUid(
            lengthOnlyAsked
                ? without(request.attributes(), Tag.CRYPTOGRAPHIC_LENGTH)
                : request.attributes(),
            type,
            objects.store(),
            context);
    Integer algorithm = new AttributeView(attributes).cryptographicAlgorithm();
    Integer bits = lengthOnlyAsked ? asked : new AttributeView(attributes).cryptographicLength();
    if (bits == null || (type == ObjectType.SYMMETRIC_KEY && algorithm == null)) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "Attributes: the Cryptographic Length of the new object is required, and for a key its"
              + " Cryptographic Algorithm");
    }
    if (bits <= 0 || bits % 8 != 0 || bits > MAX_BITS) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicLength: " + bits + " (expected: a multiple of 8, up to " + MAX_BITS + ")");
    }
    NewObjects.checkMayCreate(context);
    String uid = ChosenIdentifiers.chosenOrNew(request.attributes(), objects.store(), context);
    List<ObjectRecord> bases = bases(request, context);
    ManagedObject object = derived(method, request, bases, type, algorithm, bits / 8, context);
    List<Attribute> serverSet = new ArrayList<>(RegisterHandler.implied(object, attributes));
    for (int i = 0; i < bases.size(); i++) {
      serverSet.add(
          StoredKeyPairs.link(LinkType.DERIVATION_BASE_OBJECT_LINK, bases.get(i).uid())
              .withIndex(i));
    }
    ObjectRecord draft =
        NewObjects.draft(objects.store(), uid, type, attributes, serverSet, context);
    TtlvStructure content = object.encode(StoredForm.VERSION);
    try {
      objects.store().create(draft, content);
    } finally {
      ObjectContent.wipe(content);
    }
    context.batch().onUndo(() -> objects.store().delete(uid));
    try {
      for (ObjectRecord base : bases) {
        objects.change(base.uid(), r -> r.withAttributes(linked(r, uid), context.now()), context);
      }
    } catch (RuntimeException e) {
      objects.store().delete(uid);
      throw e;
    }
    context.batch().setIdPlaceholder(uid);
    return new DeriveKey.Response(uid, null);
  }

  /**
   * The method, if the request's version defines it and it is served here.
   *
   * @throws KmipException Invalid Field for a value the version does not define
   */
  private static DerivationMethod method(int value, ProtocolVersion version) {
    DerivationMethod method = DerivationMethod.byValue(value);
    if (method == null || !version.isAtLeast(method.since())) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "DerivationMethod: 0x"
              + Integer.toHexString(value)
              + " is not a Derivation Method of KMIP "
              + version);
    }
    return method;
  }

  private static ObjectType outputType(int value) {
    if (value == ObjectType.SYMMETRIC_KEY.value()) {
      return ObjectType.SYMMETRIC_KEY;
    }
    if (value == ObjectType.SECRET_DATA.value()) {
      return ObjectType.SECRET_DATA;
    }
    throw new KmipException(
        ResultReason.INVALID_FIELD,
        "ObjectType: 0x"
            + Integer.toHexString(value)
            + " (expected: SymmetricKey or SecretData, what Derive Key makes)");
  }

  /**
   * The derivation key and, if named, the Secret Data holding the Derivation Data, each checked for
   * the caller, its state and its usage mask.
   */
  private List<ObjectRecord> bases(DeriveKey.Request request, RequestContext context) {
    List<String> uids = request.uniqueIdentifiers();
    if (uids.isEmpty() || uids.size() > 2) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "UniqueIdentifier: "
              + uids.size()
              + " (expected: the derivation key, and optionally a Secret Data holding the"
              + " Derivation Data; the ID Placeholder does not stand for them)");
    }
    List<ObjectRecord> bases = new ArrayList<>();
    for (int i = 0; i < uids.size(); i++) {
      ObjectRecord base = objects.resolve(uids.get(i), context);
      boolean dataObject = i == 1;
      if (base.objectType() != ObjectType.SECRET_DATA
          && (dataObject || base.objectType() != ObjectType.SYMMETRIC_KEY)) {
        throw new KmipException(
            ResultReason.INVALID_OBJECT_TYPE,
            base.uid()
                + " is a "
                + base.objectType().xmlName()
                + (dataObject
                    ? " (expected: a SecretData holding the Derivation Data)"
                    : " (expected: a SymmetricKey or SecretData to derive from)"));
      }
      keys.of(base.uid()).checkDerivable(base, context);
      KeyUse.forProtecting(base, CryptographicUsageMask.DERIVE_KEY, "DeriveKey", context);
      bases.add(base);
    }
    if (bases.size() == 2 && !request.derivationParameters().derivationData().isEmpty()) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "DerivationData: given in the request and as Secret Data "
              + bases.get(1).uid()
              + " (expected: one or the other)");
    }
    return bases;
  }

  private ManagedObject derived(
      DerivationMethod method,
      DeriveKey.Request request,
      List<ObjectRecord> bases,
      ObjectType type,
      @Nullable Integer algorithm,
      int length,
      RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    ObjectRecord base = bases.get(0);
    DeriveKey.Parameters given = request.derivationParameters();
    List<byte[]> data = new ArrayList<>();
    if (bases.size() == 2) {
      data.add(material(bases.get(1), version));
    } else {
      given.derivationData().forEach(item -> data.add(item.toByteArray()));
    }
    byte[] key = material(base, version);
    byte[] output = null;
    try {
      Integer keyAlgorithm = AttributeView.of(base).cryptographicAlgorithm();
      CryptographicParameters parameters = KeyUse.parameters(given.parameters(), base);
      Derivations.Input input =
          new Derivations.Input(
              key,
              keyAlgorithm == null ? null : CryptographicAlgorithm.byValue(keyAlgorithm),
              data,
              given,
              parameters);
      output = Derivations.derive(method, input, length, encryptInput(base, key, input));
      ByteString bytes = ByteString.copyOf(output);
      KeyValue value = KeyValue.Plain.of(new KeyMaterial.Bytes(bytes));
      return type == ObjectType.SYMMETRIC_KEY
          ? new SymmetricKey(
              KeyBlock.of(
                  KeyFormatType.RAW.value(),
                  value,
                  Objects.requireNonNull(algorithm, "a key's algorithm is checked first"),
                  length * 8))
          : new SecretData(
              SecretDataType.SEED.value(),
              new KeyBlock(KeyFormatType.OPAQUE.value(), null, value, null, null, null));
    } finally {
      Arrays.fill(key, (byte) 0);
      data.forEach(item -> Arrays.fill(item, (byte) 0));
      if (output != null) {
        Arrays.fill(output, (byte) 0);
      }
    }
  }

  /** The ENCRYPT method's cipher; asked for only by that method, so other keys may be anything. */
  private Derivations.EncryptInput encryptInput(
      ObjectRecord base, byte[] key, Derivations.Input input) {
    return data -> {
      if (base.objectType() != ObjectType.SYMMETRIC_KEY) {
        throw new KmipException(
            ResultReason.INVALID_OBJECT_TYPE,
            base.uid() + " is a SecretData (the ENCRYPT method needs a SymmetricKey)");
      }
      ByteString iv = input.given().initializationVector();
      return Derivations.encryptWith(
              ciphers,
              SymmetricCrypto.cipherAlgorithm(base),
              key,
              input.parameters(),
              iv == null ? null : iv.toByteArray())
          .encrypt(data);
    };
  }

  /** A copy of the bytes of a Symmetric Key or a Secret Data, for the caller to wipe. */
  private byte[] material(ObjectRecord record, ProtocolVersion version) {
    if (record.objectType() == ObjectType.SYMMETRIC_KEY) {
      return SymmetricCrypto.keyBytes(objects.store(), record, version);
    }
    try (ObjectContent content =
        objects
            .store()
            .content(record.uid())
            .orElseThrow(() -> Reasons.destroyed(version, record.uid()))) {
      KeyBlock block = SecretData.decode(content.structure(), StoredForm.VERSION).keyBlock();
      if (block.keyValue() instanceof KeyValue.Plain plain
          && plain.keyMaterial() instanceof KeyMaterial.Bytes bytes) {
        return bytes.value().toByteArray();
      }
      throw new KmipException(
          ResultReason.KEY_VALUE_NOT_PRESENT,
          record.uid() + ": its value is wrapped or not a Byte String");
    }
  }

  private static Attributes without(Attributes attributes, Tag tag) {
    List<Attribute> kept = new ArrayList<>();
    for (Attribute attribute : attributes.items()) {
      if (attribute.value().tag() != tag.code()) {
        kept.add(attribute);
      }
    }
    return new Attributes(kept, attributes.templateNames());
  }

  /** The base's attributes with one more Derived Key Link, to the new object. */
  private static Attributes linked(ObjectRecord base, String derivedUid) {
    int links = AttributeView.of(base).linkCount();
    List<Attribute> items = new ArrayList<>(base.attributes().items());
    items.add(StoredKeyPairs.link(LinkType.DERIVED_KEY_LINK, derivedUid).withIndex(links));
    return new Attributes(items, List.of());
  }
}
