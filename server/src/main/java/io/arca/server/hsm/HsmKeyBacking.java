package io.arca.server.hsm;

import io.arca.hsm.AesGcmCiphertext;
import io.arca.hsm.EcCurve;
import io.arca.hsm.HashAlgorithm;
import io.arca.hsm.HsmException;
import io.arca.hsm.HsmKeyRef;
import io.arca.hsm.HsmRekey;
import io.arca.hsm.HsmSlot;
import io.arca.hsm.RsaPadding;
import io.arca.hsm.SignatureAlgorithm;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.TagNames;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.AesCipher;
import io.arca.server.crypto.CipherParts;
import io.arca.server.crypto.MacEngine;
import io.arca.server.crypto.MacParts;
import io.arca.server.op.KeyBacking;
import io.arca.server.op.KeyBackings;
import io.arca.server.store.ObjectRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Keys of the PKCS#11 token behind the key port: Create makes AES and HMAC-SHA-2 keys and Create
 * Key Pair RSA pairs and EC pairs on P-256, P-384 and P-521 in the HSM; Encrypt and Decrypt run
 * there (AES-GCM with an IV the token draws, Additional Data and a tag of 12 to 16 bytes; RSA-OAEP
 * or PKCS#1 v1.5), as do Sign and Signature Verify (RSA PKCS#1 v1.5 and PSS, ECDSA; {@link
 * HsmAlgorithms}) and MAC and MAC Verify (HMAC-SHA-2); Destroy removes the key from the token (HSM
 * keys are always Active: no Revoke first). Access, state, usage mask and the protocol version's
 * rules are the handlers', as for stored keys; what this class refuses is what the token cannot do.
 */
public final class HsmKeyBacking implements KeyBacking {
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
          Tag.CRYPTOGRAPHIC_DOMAIN_PARAMETERS.code(),
          Tag.SENSITIVE.code(),
          Tag.EXTRACTABLE.code());

  private final HsmObjects objects;

  /** The keys of {@code objects}' token. */
  public HsmKeyBacking(HsmObjects objects) {
    this.objects = objects;
  }

  // ---- creation ------------------------------------------------------------------------------

  @Override
  public String create(Create.Request request, RequestContext context) {
    String uid = Objects.requireNonNull(KeyBackings.hsmIdentifier(request.attributes()));
    mayCreate(uid, context);
    checkAttributes(request.attributes(), context.protocolVersion());
    if (request.objectType() != ObjectType.SYMMETRIC_KEY.value()) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "ObjectType: Create makes symmetric keys in the HSM");
    }
    CryptographicAlgorithm algorithm = algorithm(request.attributes());
    HashAlgorithm hmac = algorithm == null ? null : HsmAlgorithms.hmacKey(algorithm);
    if (algorithm != CryptographicAlgorithm.AES && hmac == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicAlgorithm: the HSM makes AES, HMAC_SHA256, HMAC_SHA384 and HMAC_SHA512"
              + " keys with Create");
    }
    int bits = length(request.attributes());
    boolean sensitive = sensitive(request.attributes());
    HsmKeyRef ref = parse(uid);
    try {
      if (hmac != null) {
        objects.slot(ref).generateHmac(ref.label(), hmac, bits, sensitive);
      } else {
        objects.slot(ref).generateAes(ref.label(), bits, sensitive);
      }
    } catch (HsmException e) {
      throw creationFailure(e, context.protocolVersion());
    }
    return uid;
  }

  @Override
  public CreateKeyPair.Response createKeyPair(
      CreateKeyPair.Request request, RequestContext context) {
    Attributes all = merged(request.commonAttributes(), request.privateKeyAttributes());
    String uid = Objects.requireNonNull(KeyBackings.hsmIdentifier(all));
    mayCreate(uid, context);
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
    Attributes both = merged(all, forPublic);
    CryptographicAlgorithm algorithm = algorithm(all);
    boolean sensitive = sensitive(all);
    HsmKeyRef ref = parse(uid);
    try {
      if (algorithm == CryptographicAlgorithm.RSA) {
        objects.slot(ref).generateRsa(ref.label(), length(both), sensitive);
      } else if (algorithm == CryptographicAlgorithm.EC
          || algorithm == CryptographicAlgorithm.ECDSA) {
        objects.slot(ref).generateEc(ref.label(), curve(both), sensitive);
      } else {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "CryptographicAlgorithm: the HSM makes RSA and EC key pairs (expected: RSA or EC)");
      }
    } catch (HsmException e) {
      throw creationFailure(e, context.protocolVersion());
    }
    return CreateKeyPair.Response.of(uid, publicUid);
  }

  private static void mayCreate(String uid, RequestContext context) {
    Operation operation = context.operation() == null ? Operation.CREATE : context.operation();
    if (!context.access().mayCreate(context.user(), operation, true)) {
      throw new KmipException(
          ResultReason.PERMISSION_DENIED, "only the HSM admin creates keys in the HSM: " + uid);
    }
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

  private static @Nullable CryptographicAlgorithm algorithm(Attributes attributes) {
    Attribute algorithm = attributes.first(Tag.CRYPTOGRAPHIC_ALGORITHM.code());
    return algorithm != null && algorithm.value() instanceof TtlvEnumeration e
        ? CryptographicAlgorithm.byValue(e.value())
        : null;
  }

  /**
   * The curve of an EC pair: the Recommended Curve of the Cryptographic Domain Parameters, else the
   * NIST curve of the Cryptographic Length (256, 384, 521).
   */
  private static EcCurve curve(Attributes attributes) {
    Attribute parameters = attributes.first(Tag.CRYPTOGRAPHIC_DOMAIN_PARAMETERS.code());
    if (parameters != null
        && parameters.value() instanceof TtlvStructure structure
        && structure.first(Tag.RECOMMENDED_CURVE.code()) instanceof TtlvEnumeration e) {
      RecommendedCurve named = RecommendedCurve.byValue(e.value());
      EcCurve curve = named == null ? null : HsmAlgorithms.curve(named);
      if (curve == null) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "RecommendedCurve: the HSM makes EC keys on P_256, P_384 and P_521");
      }
      return curve;
    }
    Attribute length = attributes.first(Tag.CRYPTOGRAPHIC_LENGTH.code());
    int bits = length != null && length.value() instanceof TtlvInteger i ? i.value() : 0;
    return switch (bits) {
      case 256 -> EcCurve.P_256;
      case 384 -> EcCurve.P_384;
      case 521 -> EcCurve.P_521;
      default ->
          throw new KmipException(
              ResultReason.INVALID_FIELD,
              "RecommendedCurve: missing (expected: P_256, P_384 or P_521, or a"
                  + " CryptographicLength of 256, 384 or 521)");
    };
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

  // ---- use ------------------------------------------------------------------------------------

  @Override
  public AesCipher.Encrypted encrypt(
      ObjectRecord key,
      CryptographicParameters parameters,
      ByteString data,
      @Nullable ByteString iv,
      @Nullable ByteString additionalData,
      RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    HsmKeyRef ref = parse(key.uid());
    HsmSlot slot = objects.slot(ref);
    byte[] plaintext = data.toByteArray();
    try {
      if (key.objectType() == ObjectType.SYMMETRIC_KEY) {
        HsmAlgorithms.checkGcm(parameters);
        if (iv != null) {
          throw new KmipException(
              ResultReason.INVALID_FIELD,
              "IVCounterNonce: the HSM draws the IV of an AES-GCM encryption itself");
        }
        AesGcmCiphertext out =
            slot.encryptAesGcm(
                ref.label(),
                plaintext,
                bytes(additionalData),
                HsmAlgorithms.gcmTagLength(parameters));
        return new AesCipher.Encrypted(out.ciphertext(), out.iv(), out.tag());
      }
      if (key.objectType() == ObjectType.PUBLIC_KEY) {
        byte[] out = slot.encryptRsa(ref.label(), rsaPadding(parameters, slot), plaintext);
        return new AesCipher.Encrypted(out, null, null);
      }
      throw wrongKey(
          key.uid(), "Encrypt", "its public key " + key.uid() + HsmSlot.PUBLIC_KEY_SUFFIX, version);
    } catch (HsmException e) {
      throw HsmErrors.toKmip(e, version);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  @Override
  public int tagBytes(ObjectRecord key, CryptographicParameters parameters) {
    if (key.objectType() != ObjectType.SYMMETRIC_KEY) {
      return 0;
    }
    HsmAlgorithms.checkGcm(parameters);
    return HsmAlgorithms.gcmTagLength(parameters);
  }

  @Override
  public ByteString decrypt(
      ObjectRecord key,
      CryptographicParameters parameters,
      byte[] ciphertext,
      @Nullable ByteString iv,
      @Nullable ByteString additionalData,
      byte @Nullable [] tag,
      RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    HsmKeyRef ref = parse(key.uid());
    HsmSlot slot = objects.slot(ref);
    byte[] plaintext;
    try {
      if (key.objectType() == ObjectType.SYMMETRIC_KEY) {
        HsmAlgorithms.checkGcm(parameters);
        if (iv == null) {
          throw new KmipException(
              ResultReason.INVALID_FIELD, "IVCounterNonce: missing (expected: the 12-byte IV)");
        }
        if (tag == null) {
          throw new KmipException(
              ResultReason.INVALID_FIELD,
              "AuthenticatedEncryptionTag: missing (expected: the tag Encrypt returned)");
        }
        plaintext =
            slot.decryptAesGcm(
                ref.label(),
                new AesGcmCiphertext(iv.toByteArray(), ciphertext, tag),
                bytes(additionalData));
      } else if (key.objectType() == ObjectType.PRIVATE_KEY) {
        plaintext = slot.decryptRsa(ref.label(), rsaPadding(parameters, slot), ciphertext);
      } else {
        throw wrongKey(key.uid(), "Decrypt", "its private key", version);
      }
    } catch (HsmException e) {
      throw HsmErrors.toKmip(e, version);
    }
    try {
      return ByteString.copyOf(plaintext);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  @Override
  public byte[] sign(
      ObjectRecord key,
      CryptographicParameters parameters,
      byte[] input,
      boolean digested,
      RequestContext context) {
    HsmKeyRef ref = parse(key.uid());
    SignatureAlgorithm algorithm = signatureAlgorithm(key, parameters, context.protocolVersion());
    try {
      HsmSlot slot = objects.slot(ref);
      return digested
          ? slot.signDigest(ref.label(), algorithm, input)
          : slot.sign(ref.label(), algorithm, input);
    } catch (HsmException e) {
      throw HsmErrors.toKmip(e, context.protocolVersion());
    }
  }

  @Override
  public boolean verify(
      ObjectRecord key,
      CryptographicParameters parameters,
      byte[] input,
      boolean digested,
      byte[] signature,
      RequestContext context) {
    HsmKeyRef ref = parse(key.uid());
    SignatureAlgorithm algorithm = signatureAlgorithm(key, parameters, context.protocolVersion());
    try {
      HsmSlot slot = objects.slot(ref);
      return digested
          ? slot.verifyDigest(ref.label(), algorithm, input, signature)
          : slot.verify(ref.label(), algorithm, input, signature);
    } catch (HsmException e) {
      throw HsmErrors.toKmip(e, context.protocolVersion());
    }
  }

  /** The scheme of an RSA or EC key of the token; any other key cannot sign. */
  private static SignatureAlgorithm signatureAlgorithm(
      ObjectRecord key, CryptographicParameters parameters, ProtocolVersion version) {
    Attribute algorithm = key.attributes().first(Tag.CRYPTOGRAPHIC_ALGORITHM.code());
    CryptographicAlgorithm keyAlgorithm =
        algorithm != null && algorithm.value() instanceof TtlvEnumeration e
            ? CryptographicAlgorithm.byValue(e.value())
            : null;
    if (keyAlgorithm != CryptographicAlgorithm.RSA && keyAlgorithm != CryptographicAlgorithm.EC) {
      throw wrongKey(key.uid(), "sign or verify", "an RSA or EC key", version);
    }
    Attribute curve = key.attributes().first(Tag.RECOMMENDED_CURVE.code());
    RecommendedCurve recommended =
        curve != null && curve.value() instanceof TtlvEnumeration e
            ? RecommendedCurve.byValue(e.value())
            : null;
    return HsmAlgorithms.signature(keyAlgorithm, recommended, parameters);
  }

  @Override
  public byte[] mac(
      ObjectRecord key, MacEngine.Algorithm algorithm, byte[] data, RequestContext context) {
    HsmKeyRef ref = parse(key.uid());
    HashAlgorithm hash = HsmAlgorithms.hmac(algorithm);
    try {
      return objects.slot(ref).mac(ref.label(), hash, data);
    } catch (HsmException e) {
      throw HsmErrors.toKmip(e, context.protocolVersion());
    }
  }

  @Override
  public boolean macVerify(
      ObjectRecord key,
      MacEngine.Algorithm algorithm,
      byte[] data,
      byte[] mac,
      RequestContext context) {
    HsmKeyRef ref = parse(key.uid());
    HashAlgorithm hash = HsmAlgorithms.hmac(algorithm);
    try {
      return objects.slot(ref).verifyMac(ref.label(), hash, data, mac);
    } catch (HsmException e) {
      throw HsmErrors.toKmip(e, context.protocolVersion());
    }
  }

  /** Wraps with the token's AES key by AES key wrap with padding, inside the token. */
  @Override
  public byte[] wrap(
      ObjectRecord key, CryptographicParameters parameters, byte[] bytes, RequestContext context) {
    return HsmKeyWraps.wrap(objects, key, parameters, bytes, context.protocolVersion());
  }

  /** Unwraps inside the token, with an AES key or by the token's RSA-OAEP with a private key. */
  @Override
  public byte[] unwrap(
      ObjectRecord key, CryptographicParameters parameters, byte[] bytes, RequestContext context) {
    return HsmKeyWraps.unwrap(objects, key, parameters, bytes, context.protocolVersion());
  }

  /** Refused: deriving here would take the key's value out of the token. */
  @Override
  public void checkDerivable(ObjectRecord key, RequestContext context) {
    throw new KmipException(
        ResultReason.FEATURE_NOT_SUPPORTED,
        key.uid() + ": Derive Key does not take keys in the HSM, whose value stays there");
  }

  /** AES-GCM over parts on a token session of its own ({@link HsmStreaming}). */
  @Override
  public CipherParts startCipher(
      ObjectRecord key,
      CryptographicParameters parameters,
      boolean encrypt,
      @Nullable ByteString iv,
      @Nullable ByteString additionalData,
      RequestContext context) {
    return HsmStreaming.startCipher(
        objects,
        parse(key.uid()),
        key,
        parameters,
        encrypt,
        iv,
        additionalData,
        context.protocolVersion());
  }

  /** HMAC over parts on a token session of its own. */
  @Override
  public MacParts startMac(
      ObjectRecord key, MacEngine.Algorithm algorithm, RequestContext context) {
    return HsmStreaming.startMac(objects, parse(key.uid()), algorithm, context.protocolVersion());
  }

  /** The next version of the key's label (the old one stays, linked by {@link HsmObjects}). */
  @Override
  public String rekey(ObjectRecord key, RequestContext context) {
    HsmKeyRef ref = parse(key.uid());
    try {
      HsmRekey made = objects.slot(ref).rekey(ref.label());
      return new HsmKeyRef(ref.slot(), made.replacement().label()).toString();
    } catch (HsmException e) {
      throw HsmErrors.toKmip(e, context.protocolVersion());
    } finally {
      objects.forgetSuccessors();
    }
  }

  @Override
  public void destroy(ObjectRecord object, RequestContext context) {
    HsmKeyRef ref = parse(object.uid());
    try {
      objects.slot(ref).destroy(ref.label());
    } catch (HsmException e) {
      throw HsmErrors.toKmip(e, context.protocolVersion());
    } finally {
      objects.forgetSuccessors();
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

  private static byte[] bytes(@Nullable ByteString value) {
    return value == null ? new byte[0] : value.toByteArray();
  }

  /** The RSA padding asked for: OAEP (default; SHA-256, SHA-1 or the token's best), PKCS#1 v1.5. */
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
