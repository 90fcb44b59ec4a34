package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.DerivationMethod;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.DeriveKey;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.AesCipher;
import io.arca.server.crypto.Digests;
import io.arca.server.crypto.KeyDerivation;
import io.arca.server.crypto.MacEngine;
import io.arca.server.crypto.SymmetricCipher;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Derive Key (KMIP 1.4 §4.6, 2.1 §6.1.12): a new Symmetric Key from one symmetric key whose usage
 * mask allows Derive Key, by PBKDF2 (the key's bytes as the password; Salt and Iteration Count
 * required; the PRF is HMAC with the Hashing Algorithm of the Cryptographic Parameters, from the
 * request or else the key's), HMAC (the HMAC the key's algorithm names, over the Derivation Data)
 * or ENCRYPT (the Derivation Data encrypted with the key, as Encrypt would with these parameters
 * and IV). The new key takes the first Cryptographic Length bits of the output; an output too short
 * is refused. The new key's algorithm and length come from the request's attributes, and so may its
 * identifier (a 2.x client's choice, {@link ChosenIdentifiers}). The other methods answer Feature
 * Not Supported, naming the method.
 */
public final class DeriveKeyHandler
    implements OperationHandler<DeriveKey.Request, DeriveKey.Response> {
  private final ObjectAccess objects;
  private final SymmetricCipher ciphers;

  /** A handler deriving from the keys of {@code objects} into their store. */
  public DeriveKeyHandler(ObjectAccess objects, SymmetricCipher ciphers) {
    this.objects = objects;
    this.ciphers = ciphers;
  }

  @Override
  public Operation operation() {
    return Operation.DERIVE_KEY;
  }

  @Override
  public DeriveKey.Response handle(DeriveKey.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    if (request.objectType() != ObjectType.SYMMETRIC_KEY.value()) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "ObjectType: Derive Key makes Symmetric Keys only here");
    }
    if (request.uniqueIdentifiers().size() > 1) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "UniqueIdentifier: one derivation key only here (got "
              + request.uniqueIdentifiers().size()
              + ")");
    }
    Attributes attributes =
        NewObjects.clientAttributesBesidesUid(
            request.attributes(), ObjectType.SYMMETRIC_KEY, objects.store(), context);
    Integer algorithm = NewObjects.intValue(attributes, Tag.CRYPTOGRAPHIC_ALGORITHM);
    Integer bits = NewObjects.intValue(attributes, Tag.CRYPTOGRAPHIC_LENGTH);
    if (algorithm == null || bits == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "Attributes: Cryptographic Algorithm and Cryptographic Length of the new key are"
              + " required");
    }
    if (bits <= 0 || bits % 8 != 0 || bits > 4096) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicLength: " + bits + " (expected: a multiple of 8, up to 4096)");
    }
    NewObjects.checkMayCreate(context);
    String uid = ChosenIdentifiers.chosenOrNew(request.attributes(), objects.store(), context);
    ObjectRecord base =
        objects.resolve(
            request.uniqueIdentifiers().isEmpty() ? null : request.uniqueIdentifiers().get(0),
            context);
    KeyUse.forProtecting(base, CryptographicUsageMask.DERIVE_KEY, "DeriveKey", context);
    byte[] keyBytes = SymmetricCrypto.keyBytes(objects.store(), base, version);
    byte[] output;
    try {
      output = derive(request, base, keyBytes, bits / 8);
    } finally {
      Arrays.fill(keyBytes, (byte) 0);
    }
    byte[] derived = Arrays.copyOf(output, bits / 8);
    Arrays.fill(output, (byte) 0);
    SymmetricKey object =
        new SymmetricKey(
            KeyBlock.of(
                KeyFormatType.RAW.value(),
                KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(derived))),
                algorithm,
                bits));
    Arrays.fill(derived, (byte) 0);
    ObjectRecord draft =
        NewObjects.draft(
            uid,
            ObjectType.SYMMETRIC_KEY,
            attributes,
            RegisterHandler.implied(object, attributes),
            context);
    TtlvStructure content = object.encode(StoredForm.VERSION);
    try {
      objects.store().create(draft, content);
    } finally {
      ObjectContent.wipe(content);
    }
    context.batch().setIdPlaceholder(uid);
    context.batch().onUndo(() -> objects.store().delete(uid));
    return new DeriveKey.Response(uid, null);
  }

  private byte[] derive(DeriveKey.Request request, ObjectRecord base, byte[] key, int length) {
    DeriveKey.Parameters given = request.derivationParameters();
    DerivationMethod method = DerivationMethod.byValue(request.derivationMethod());
    if (method == DerivationMethod.PBKDF2) {
      CryptographicParameters parameters = KeyUse.parameters(given.parameters(), base);
      String hash = Digests.jcaName(parameters.hashingAlgorithm());
      return KeyDerivation.pbkdf2(
          "Hmac" + hash.replace("-", "").replace("SHA3", "SHA3-"),
          key,
          required(given.salt(), "Salt"),
          requiredCount(given.iterationCount()),
          length);
    }
    if (method == DerivationMethod.HMAC) {
      Integer keyAlgorithm = NewObjects.intValue(base.attributes(), Tag.CRYPTOGRAPHIC_ALGORITHM);
      MacEngine.Algorithm hmac =
          MacEngine.choose(
              CryptographicParameters.NONE,
              keyAlgorithm == null ? null : CryptographicAlgorithm.byValue(keyAlgorithm));
      if (hmac.hmac() == null) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "CryptographicAlgorithm: HMAC derivation needs an HMAC key (this is "
                + hmac.name()
                + ")");
      }
      return enough(
          MacEngine.compute(hmac, key, required(given.derivationData(), "DerivationData")), length);
    }
    if (method == DerivationMethod.ENCRYPT) {
      CryptographicParameters parameters = KeyUse.parameters(given.parameters(), base);
      byte[] data = required(given.derivationData(), "DerivationData");
      byte[] iv =
          given.initializationVector() == null ? null : given.initializationVector().toByteArray();
      AesCipher.Encrypted encrypted =
          ciphers.encrypt(SymmetricCrypto.cipherAlgorithm(base), key, parameters, data, iv, null);
      Arrays.fill(data, (byte) 0);
      return enough(encrypted.data(), length);
    }
    throw new KmipException(
        ResultReason.FEATURE_NOT_SUPPORTED,
        "DerivationMethod: "
            + (method == null
                ? "0x" + Integer.toHexString(request.derivationMethod())
                : method.xmlName())
            + " is not supported (supported: PBKDF2, HMAC, ENCRYPT)");
  }

  private static byte[] enough(byte[] output, int length) {
    if (output.length < length) {
      Arrays.fill(output, (byte) 0);
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicLength: "
              + length * 8
              + " bits is more than the method gives ("
              + output.length * 8
              + " bits)");
    }
    return output;
  }

  private static byte[] required(@Nullable ByteString value, String field) {
    if (value == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "DerivationParameters/" + field + ": missing");
    }
    return value.toByteArray();
  }

  private static int requiredCount(@Nullable Integer count) {
    if (count == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "DerivationParameters/IterationCount: missing");
    }
    return count;
  }
}
