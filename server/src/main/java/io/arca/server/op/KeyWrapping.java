package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.EncodingOption;
import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.WrappingMethod;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.object.EncryptionKeyInformation;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.KeyWrappingData;
import io.arca.kmip.object.KeyWrappingSpecification;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.PrivateKey;
import io.arca.kmip.object.PublicKey;
import io.arca.kmip.object.SecretData;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a key for Get and Export under another managed key the caller may use (KMIP 2.1 §3.3,
 * §7.18), and unwraps a key registered wrapped for Key Wrap Type Not Wrapped. The wrapping key's
 * {@link KeyBacking} runs the cipher where the key lives (the server's {@link SoftwareKeyWrap}, or
 * the token), an RSA public key included. The Encoding Option decides the form (1.4 §2.1.5, 2.1
 * §11.18): with TTLV Encoding (the default) the TTLV encoding of the Key Value is wrapped and the
 * Key Value becomes that Byte String; with No Encoding the bare Key Material bytes are wrapped and
 * the Key Value stays a structure whose Key Material holds them, as PyKMIP and other clients send
 * and expect. A key registered wrapped is read in either form.
 */
final class KeyWrapping {
  private final ObjectAccess objects;
  private final KeyBackings keys;

  KeyWrapping(ObjectAccess objects, KeyBackings keys) {
    this.objects = objects;
    this.keys = keys;
  }

  /** {@code object} with its Key Value wrapped as {@code specification} says. */
  ManagedObject wrap(
      ManagedObject object, KeyWrappingSpecification specification, RequestContext context) {
    KeyBlock block = object.keyBlock();
    if (block == null) {
      throw new KmipException(
          ResultReason.INVALID_OBJECT_TYPE, "only objects with a Key Block can be wrapped");
    }
    if (block.keyWrappingData() != null || !(block.keyValue() instanceof KeyValue.Plain plain)) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "the key is stored wrapped; ask for Key Wrap Type NotWrapped or AsRegistered instead");
    }
    EncryptionKeyInformation information = checkedInformation(specification);
    Integer encoding = specification.encodingOption();
    byte[] plaintext = encode(plain, encoding);
    try {
      ByteString wrapped =
          ByteString.copyOf(
              crypt(true, plaintext, information, CryptographicUsageMask.WRAP_KEY, context));
      KeyWrappingData data =
          new KeyWrappingData(
              specification.wrappingMethod(), information, null, null, null, encoding);
      KeyValue value =
          isNoEncoding(encoding)
              ? KeyValue.Plain.of(new KeyMaterial.Bytes(wrapped))
              : new KeyValue.Wrapped(wrapped);
      return withBlock(
          object,
          new KeyBlock(
              block.keyFormatType(),
              block.keyCompressionType(),
              value,
              block.cryptographicAlgorithm(),
              block.cryptographicLength(),
              data));
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /** The Encryption Key Information of a specification this server can carry out. */
  private static EncryptionKeyInformation checkedInformation(
      KeyWrappingSpecification specification) {
    if (specification.wrappingMethod() != WrappingMethod.ENCRYPT.value()
        || specification.macSignatureKeyInformation() != null) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "WrappingMethod: only Encrypt is supported (no MAC/signature key)");
    }
    if (!specification.attributeNames().isEmpty()) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "KeyWrappingSpecification/AttributeName: attributes are not wrapped with the key");
    }
    EncryptionKeyInformation information = specification.encryptionKeyInformation();
    if (information == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "EncryptionKeyInformation: missing (expected with Encrypt)");
    }
    return information;
  }

  /**
   * {@code object} with its Key Value unwrapped, when it was registered wrapped under a managed key
   * the caller may use to unwrap; unchanged when it is not wrapped.
   */
  ManagedObject unwrap(ManagedObject object, RequestContext context) {
    KeyBlock block = object.keyBlock();
    KeyWrappingData data = block == null ? null : block.keyWrappingData();
    if (block == null || data == null) {
      return object;
    }
    EncryptionKeyInformation information = data.encryptionKeyInformation();
    ByteString wrapped = checkedWrappedForm(block);
    if (data.wrappingMethod() != WrappingMethod.ENCRYPT.value()
        || information == null
        || wrapped == null) {
      throw new KmipException(
          ResultReason.KEY_WRAP_TYPE_NOT_SUPPORTED,
          "KeyWrapType: only keys encrypted under a managed key can be returned unwrapped");
    }
    byte[] clear =
        crypt(
            false, wrapped.toByteArray(), information, CryptographicUsageMask.UNWRAP_KEY, context);
    try {
      KeyValue value = decode(clear, data.encodingOption(), block.keyFormatType(), context);
      return withBlock(
          object,
          new KeyBlock(
              block.keyFormatType(),
              block.keyCompressionType(),
              value,
              block.cryptographicAlgorithm(),
              block.cryptographicLength(),
              null));
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  /**
   * The wrapped bytes of a key block that says it is wrapped, after checking that its Encoding
   * Option is one KMIP defines and that its Key Value has the form that option allows (Register,
   * Import and unwrapping all ask this): the Key Value's Byte String, or the Byte String Key
   * Material of a Key Value structure without attributes. Null when the block is not wrapped or its
   * value is not bytes (a key only MACed or signed keeps its value in the clear).
   */
  static @Nullable ByteString checkedWrappedForm(KeyBlock block) {
    KeyWrappingData data = block.keyWrappingData();
    if (data == null) {
      return null;
    }
    Integer encoding = data.encodingOption();
    if (encoding != null
        && !isNoEncoding(encoding)
        && encoding != EncodingOption.TTLV_ENCODING.value()) {
      throw new KmipException(
          ResultReason.ENCODING_OPTION_ERROR,
          "EncodingOption: 0x"
              + Integer.toHexString(encoding)
              + " (expected: NoEncoding or TTLVEncoding)");
    }
    if (block.keyValue() instanceof KeyValue.Wrapped wrapped) {
      return wrapped.bytes();
    }
    if (block.keyValue() instanceof KeyValue.Plain plain) {
      if (isNoEncoding(encoding) && !plain.attributes().isEmpty()) {
        throw new KmipException(
            ResultReason.ENCODING_OPTION_ERROR,
            "KeyValue: attributes beside wrapped Key Material (NoEncoding allows none)");
      }
      if (plain.attributes().isEmpty() && plain.keyMaterial() instanceof KeyMaterial.Bytes bytes) {
        return bytes.value();
      }
    }
    return null;
  }

  private static boolean isNoEncoding(@Nullable Integer encoding) {
    return encoding != null && encoding == EncodingOption.NO_ENCODING.value();
  }

  private static byte[] encode(KeyValue.Plain plain, @Nullable Integer encoding) {
    if (isNoEncoding(encoding)) {
      if (plain.keyMaterial() instanceof KeyMaterial.Bytes bytes && plain.attributes().isEmpty()) {
        return bytes.value().toByteArray();
      }
      throw new KmipException(
          ResultReason.ENCODING_OPTION_ERROR,
          "EncodingOption: NoEncoding needs Key Material that is a Byte String, without attributes");
    }
    if (encoding != null && encoding != EncodingOption.TTLV_ENCODING.value()) {
      throw new KmipException(
          ResultReason.ENCODING_OPTION_ERROR, "EncodingOption: 0x" + Integer.toHexString(encoding));
    }
    // Attributes in a Key Value exist only in the 2.x form, which the TTLV encoding then carries.
    return TtlvWriter.toBytes(plain.encode(ProtocolVersion.V2_1));
  }

  private static KeyValue decode(
      byte[] clear, @Nullable Integer encoding, int format, RequestContext context) {
    if (isNoEncoding(encoding)) {
      return KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(clear)));
    }
    Ttlv value = TtlvReader.read(clear, DecodeLimits.DEFAULTS);
    if (value.tag() != Tag.KEY_VALUE.code()) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "the unwrapped bytes are not a Key Value");
    }
    TtlvStructure block =
        TtlvStructure.of(
            Tag.KEY_BLOCK.code(), new TtlvEnumeration(Tag.KEY_FORMAT_TYPE.code(), format), value);
    KeyValue decoded = KeyBlock.decode(block, context.protocolVersion()).keyValue();
    if (decoded == null) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "the unwrapped bytes are not a Key Value");
    }
    return decoded;
  }

  /**
   * Encrypts (wraps) or decrypts (unwraps) with the key {@code information} names, where it lives,
   * through its {@link KeyBacking}: an AES key both ways, an RSA public key to wrap and its private
   * key to unwrap.
   */
  private byte[] crypt(
      boolean encrypt,
      byte[] input,
      EncryptionKeyInformation information,
      CryptographicUsageMask usage,
      RequestContext context) {
    ObjectRecord key = usableKey(information.uniqueIdentifier(), usage, encrypt, context);
    CryptographicParameters parameters = information.cryptographicParameters();
    if (parameters == null) {
      parameters = CryptographicParameters.NONE;
    }
    if (key.objectType() == ObjectType.SYMMETRIC_KEY) {
      requireAlgorithm(key, CryptographicAlgorithm.AES, "an AES key");
      KeyBacking backing = keys.of(key.uid());
      return encrypt
          ? backing.wrap(key, parameters, input, context)
          : backing.unwrap(key, parameters, input, context);
    }
    if (key.objectType() == ObjectType.PUBLIC_KEY && encrypt) {
      requireAlgorithm(key, CryptographicAlgorithm.RSA, "an RSA key");
      return keys.of(key.uid()).wrap(key, parameters, input, context);
    }
    ObjectRecord privateKey = null;
    if (key.objectType() == ObjectType.PUBLIC_KEY) {
      // Unwrapping needs the private half, which the public key's link names.
      privateKey = usableKey(linked(key, LinkType.PRIVATE_KEY_LINK), usage, false, context);
    } else if (key.objectType() == ObjectType.PRIVATE_KEY && !encrypt) {
      privateKey = key;
    }
    if (privateKey != null) {
      return keys.of(privateKey.uid()).unwrap(privateKey, parameters, input, context);
    }
    throw new KmipException(
        ResultReason.INVALID_FIELD,
        "EncryptionKeyInformation: "
            + key.uid()
            + " is a "
            + key.objectType().xmlName()
            + " (expected: an AES key or an RSA public key)");
  }

  private static void requireAlgorithm(
      ObjectRecord key, CryptographicAlgorithm expected, String what) {
    Integer algorithm = AttributeView.of(key).cryptographicAlgorithm();
    if (algorithm == null || algorithm != expected.value()) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "EncryptionKeyInformation: " + key.uid() + " is not " + what);
    }
  }

  private ObjectRecord usableKey(
      String uid, CryptographicUsageMask usage, boolean mustBeActive, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    boolean v2 = version.isAtLeast(ProtocolVersion.V2_0);
    ObjectRecord key =
        objects
            .visible(uid, context)
            .orElseThrow(
                () ->
                    new KmipException(
                        v2 ? ResultReason.WRAPPING_OBJECT_NOT_FOUND : ResultReason.ITEM_NOT_FOUND,
                        "wrapping key " + uid + " does not exist"));
    State state = Lifecycle.stateAt(key.state(), key.attributes(), context.now());
    if (!key.hasContent()) {
      throw new KmipException(
          v2 ? ResultReason.WRAPPING_OBJECT_DESTROYED : ResultReason.ITEM_NOT_FOUND,
          "wrapping key " + uid + " was destroyed");
    }
    if (Archival.isArchived(key)) {
      throw new KmipException(
          v2 ? ResultReason.WRAPPING_OBJECT_ARCHIVED : ResultReason.OBJECT_ARCHIVED,
          "wrapping key " + uid + " is archived (expected: Recover it first)");
    }
    if (mustBeActive && state != State.ACTIVE) {
      throw Reasons.wrongState(version, "Wrapping with " + uid, state);
    }
    Integer mask = AttributeView.of(key).usageMask();
    if (mask == null || (mask & usage.value()) == 0) {
      throw new KmipException(
          v2 ? ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK : ResultReason.PERMISSION_DENIED,
          "wrapping key " + uid + " lacks " + usage.xmlName() + " in its Cryptographic Usage Mask");
    }
    return key;
  }

  private static String linked(ObjectRecord record, LinkType type) {
    return AttributeView.of(record)
        .link(type)
        .orElseThrow(
            () ->
                new KmipException(
                    ResultReason.ITEM_NOT_FOUND, record.uid() + " has no " + type.xmlName()));
  }

  /** The same kind of object with another Key Block. */
  static ManagedObject withBlock(ManagedObject object, KeyBlock block) {
    if (object instanceof SymmetricKey) {
      return new SymmetricKey(block);
    } else if (object instanceof PrivateKey) {
      return new PrivateKey(block);
    } else if (object instanceof PublicKey) {
      return new PublicKey(block);
    } else if (object instanceof SecretData secret) {
      return new SecretData(secret.secretDataType(), block);
    }
    throw new KmipException(
        ResultReason.FEATURE_NOT_SUPPORTED,
        "wrapping is supported for symmetric, public and private keys and secret data");
  }
}
