package io.arca.server.op;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.EncodingOption;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.WrappingMethod;
import io.arca.kmip.attribute.Attribute;
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
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.server.batch.RequestContext;
import io.arca.server.keys.ClearKey;
import io.arca.server.keys.JcaKeys;
import io.arca.server.keys.KeyBlocks;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a key for Get and Export under another managed key the caller may use (KMIP 2.1 §3.3,
 * §7.18), and unwraps a key registered wrapped for Key Wrap Type Not Wrapped. AES keys wrap by RFC
 * 3394 (NIST Key Wrap, the default) or RFC 5649 (AES Key Wrap Padding); RSA public keys by OAEP
 * (SHA-1 unless the parameters name another hash, MGF1 with the same hash unless told otherwise).
 * The Encoding Option decides the form (1.4 §2.1.5, 2.1 §11.18): with TTLV Encoding (the default)
 * the TTLV encoding of the Key Value is wrapped and the Key Value becomes that Byte String; with No
 * Encoding the bare Key Material bytes are wrapped and the Key Value stays a structure whose Key
 * Material holds them, as PyKMIP and other clients send and expect. A key registered wrapped is
 * read in either form.
 */
final class KeyWrapping {
  private final ObjectAccess objects;

  KeyWrapping(ObjectAccess objects) {
    this.objects = objects;
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

  /** Encrypts (wraps) or decrypts (unwraps) with the key {@code information} names. */
  private byte[] crypt(
      boolean encrypt,
      byte[] input,
      EncryptionKeyInformation information,
      CryptographicUsageMask usage,
      RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    ObjectRecord key = usableKey(information.uniqueIdentifier(), usage, encrypt, context);
    CryptographicParameters parameters = information.cryptographicParameters();
    if (parameters == null) {
      parameters = CryptographicParameters.NONE;
    }
    try {
      if (key.objectType() == ObjectType.SYMMETRIC_KEY) {
        return aes(encrypt, input, key, parameters, context);
      }
      if (key.objectType() == ObjectType.PUBLIC_KEY && encrypt) {
        return rsa(true, input, clearKey(key, version), parameters);
      }
      if (key.objectType() == ObjectType.PUBLIC_KEY) {
        // Unwrapping needs the private half, which the public key's link names.
        String privateUid = linked(key, LinkType.PRIVATE_KEY_LINK);
        ObjectRecord privateKey = usableKey(privateUid, usage, false, context);
        return rsa(false, input, clearKey(privateKey, version), parameters);
      }
      if (key.objectType() == ObjectType.PRIVATE_KEY && !encrypt) {
        return rsa(false, input, clearKey(key, version), parameters);
      }
    } catch (GeneralSecurityException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE,
          (encrypt ? "wrapping" : "unwrapping") + " with " + key.uid() + " failed");
    }
    throw new KmipException(
        ResultReason.INVALID_FIELD,
        "EncryptionKeyInformation: "
            + key.uid()
            + " is a "
            + key.objectType().xmlName()
            + " (expected: an AES key or an RSA public key)");
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
    if (mustBeActive && state != State.ACTIVE) {
      throw Reasons.wrongState(version, "Wrapping with " + uid, state);
    }
    Integer mask = NewObjects.intValue(key.attributes(), Tag.CRYPTOGRAPHIC_USAGE_MASK);
    if (mask == null || (mask & usage.value()) == 0) {
      throw new KmipException(
          v2 ? ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK : ResultReason.PERMISSION_DENIED,
          "wrapping key " + uid + " lacks " + usage.xmlName() + " in its Cryptographic Usage Mask");
    }
    return key;
  }

  private ClearKey clearKey(ObjectRecord record, ProtocolVersion version) {
    try (ObjectContent content =
        objects
            .store()
            .content(record.uid())
            .orElseThrow(() -> Reasons.destroyed(version, record.uid()))) {
      ManagedObject object = ManagedObject.decode(content.structure(), StoredForm.VERSION);
      KeyBlock block = object.keyBlock();
      if (block == null) {
        throw new KmipException(
            ResultReason.INVALID_FIELD, "wrapping key " + record.uid() + " has no Key Block");
      }
      return KeyBlocks.toClearKey(record.objectType(), block);
    }
  }

  private byte[] aes(
      boolean encrypt,
      byte[] input,
      ObjectRecord key,
      CryptographicParameters parameters,
      RequestContext context)
      throws GeneralSecurityException {
    Integer algorithm = NewObjects.intValue(key.attributes(), Tag.CRYPTOGRAPHIC_ALGORITHM);
    if (algorithm == null || algorithm != CryptographicAlgorithm.AES.value()) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "EncryptionKeyInformation: " + key.uid() + " is not an AES key");
    }
    Integer mode = parameters.blockCipherMode();
    String transformation;
    if (mode == null || mode == BlockCipherMode.NISTKEYWRAP.value()) {
      if (input.length % 8 != 0 || input.length < 16) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "BlockCipherMode: NISTKeyWrap needs a multiple of 8 bytes, at least 16 (use"
                + " AESKeyWrapPadding)");
      }
      transformation = "AES/KW/NoPadding";
    } else if (mode == BlockCipherMode.AESKEYWRAPPADDING.value()) {
      transformation = "AES/KWP/NoPadding";
    } else {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "BlockCipherMode: keys are wrapped with NISTKeyWrap or AESKeyWrapPadding");
    }
    try (ClearKey clear = clearKey(key, context.protocolVersion())) {
      Key secret = JcaKeys.secretKey(clear);
      Cipher cipher = Cipher.getInstance(transformation);
      cipher.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, secret);
      return cipher.doFinal(input);
    }
  }

  private static byte[] rsa(
      boolean encrypt, byte[] input, ClearKey key, CryptographicParameters parameters)
      throws GeneralSecurityException {
    try (key) {
      if (key.algorithm() != CryptographicAlgorithm.RSA) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "EncryptionKeyInformation: asymmetric wrapping keys must be RSA");
      }
      Integer padding = parameters.paddingMethod();
      if (padding != null && padding != PaddingMethod.OAEP.value()) {
        throw new KmipException(
            ResultReason.INVALID_FIELD, "PaddingMethod: keys are wrapped with RSA by OAEP only");
      }
      String hash = hashName(parameters.hashingAlgorithm(), "SHA-1");
      String mgfHash = hashName(parameters.maskGeneratorHashingAlgorithm(), hash);
      OAEPParameterSpec oaep =
          new OAEPParameterSpec(
              hash, "MGF1", new MGF1ParameterSpec(mgfHash), PSource.PSpecified.DEFAULT);
      Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
      if (encrypt) {
        cipher.init(Cipher.ENCRYPT_MODE, JcaKeys.publicKey(key), oaep);
      } else {
        cipher.init(Cipher.DECRYPT_MODE, JcaKeys.privateKey(key), oaep);
      }
      return cipher.doFinal(input);
    }
  }

  private static String hashName(@Nullable Integer hashing, String absent) {
    if (hashing == null) {
      return absent;
    }
    HashingAlgorithm known = HashingAlgorithm.byValue(hashing);
    if (known == null) {
      throw new KmipException(ResultReason.INVALID_FIELD, "HashingAlgorithm: unknown");
    }
    return switch (known) {
      case SHA_1 -> "SHA-1";
      case SHA_224 -> "SHA-224";
      case SHA_256 -> "SHA-256";
      case SHA_384 -> "SHA-384";
      case SHA_512 -> "SHA-512";
      default ->
          throw new KmipException(
              ResultReason.INVALID_FIELD,
              "HashingAlgorithm: " + known.xmlName() + " (expected: SHA_1 or SHA-2) for OAEP");
    };
  }

  private static String linked(ObjectRecord record, LinkType type) {
    for (Attribute link : record.attributes().all(Tag.LINK.code())) {
      if (link.value() instanceof TtlvStructure value
          && value.first(Tag.LINK_TYPE.code()) instanceof TtlvEnumeration linkType
          && linkType.value() == type.value()
          && value.first(Tag.LINKED_OBJECT_IDENTIFIER.code()) instanceof TtlvTextString uid) {
        return uid.value();
      }
    }
    throw new KmipException(
        ResultReason.ITEM_NOT_FOUND, record.uid() + " has no " + type.xmlName());
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
