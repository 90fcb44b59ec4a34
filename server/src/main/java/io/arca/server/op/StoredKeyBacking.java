package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ResultReason;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.AesCipher;
import io.arca.server.crypto.CipherParts;
import io.arca.server.crypto.JcaKeyCache;
import io.arca.server.crypto.MacEngine;
import io.arca.server.crypto.MacParts;
import io.arca.server.crypto.RsaCipher;
import io.arca.server.crypto.ServerRandom;
import io.arca.server.crypto.Signatures;
import io.arca.server.crypto.SymmetricCipher;
import io.arca.server.keys.ClearKey;
import io.arca.server.keys.KeyMaker;
import io.arca.server.keys.KeyMaterial;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Keys whose material the server keeps, wrapped at rest in its {@link ObjectStore}: made by {@link
 * KeyMaker}, used in software (AES, 3DES, ChaCha20, ChaCha20-Poly1305 by {@link SymmetricCipher};
 * RSA by {@link RsaEncryption}; signatures by {@link Signatures}; MACs by {@link MacEngine}) from
 * the key cache's copy, destroyed by erasing the material and keeping the metadata in state
 * Destroyed.
 */
public final class StoredKeyBacking implements KeyBacking {
  private final ObjectStore store;
  private final KeyMaker maker;
  private final SymmetricCipher ciphers;
  private final AsymmetricKeys keys;
  private final RsaEncryption rsa;
  private final Signatures signatures;
  private final StoredKeyPairs pairs;

  /** Keys of {@code store}, made by {@code maker}, used with these ciphers. */
  public StoredKeyBacking(
      ObjectStore store,
      KeyMaker maker,
      SymmetricCipher ciphers,
      AsymmetricKeys keys,
      RsaCipher rsa,
      Signatures signatures) {
    this.store = store;
    this.maker = maker;
    this.ciphers = ciphers;
    this.keys = keys;
    this.rsa = new RsaEncryption(keys, rsa);
    this.signatures = signatures;
    this.pairs = new StoredKeyPairs(store, maker);
  }

  /** Keys of {@code store} with ciphers of their own (for tests and tools, not the server). */
  public static StoredKeyBacking of(ObjectStore store) {
    SecureRandom random = ServerRandom.create();
    return new StoredKeyBacking(
        store,
        new KeyMaker(random),
        new SymmetricCipher(random),
        new AsymmetricKeys(store, new JcaKeyCache(64, Duration.ofMinutes(1))),
        new RsaCipher(random),
        new Signatures(random));
  }

  /**
   * Stored keys alone, with these asymmetric keys and signatures and ciphers of their own (for the
   * handlers' tests).
   */
  static KeyBackings storedOnly(ObjectStore store, AsymmetricKeys keys, Signatures signatures) {
    SecureRandom random = ServerRandom.create();
    return KeyBackings.storedOnly(
        new StoredKeyBacking(
            store,
            new KeyMaker(random),
            new SymmetricCipher(random),
            keys,
            new RsaCipher(random),
            signatures));
  }

  /** The ciphers these keys use, which streams share. */
  SymmetricCipher ciphers() {
    return ciphers;
  }

  // ---- creation -------------------------------------------------------------------------------

  /**
   * Create (KMIP 1.4 §4.1, 2.1 §6.1.14): a new symmetric key of the algorithm and length asked for
   * (AES, 3DES, ChaCha20, HMAC; {@link KeyMaker} knows the lengths), stored wrapped before its
   * identifier is returned: the one a 2.x client chose ({@link ChosenIdentifiers}), else a random
   * one.
   */
  @Override
  public String create(Create.Request request, RequestContext context) {
    NewObjects.checkMayCreate(context);
    if (request.objectType() != ObjectType.SYMMETRIC_KEY.value()) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "ObjectType: Create makes symmetric keys (use Create Key Pair or Register for others)");
    }
    Attributes attributes =
        NewObjects.clientAttributesBesidesUid(
            request.attributes(), ObjectType.SYMMETRIC_KEY, store, context);
    String uid = ChosenIdentifiers.chosenOrNew(request.attributes(), store, context);
    CryptographicAlgorithm algorithm = algorithm(attributes);
    Integer bits = new AttributeView(attributes).cryptographicLength();
    if (bits == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "CryptographicLength: missing (expected: e.g. 256)");
    }
    byte[] key;
    try (ClearKey made = maker.symmetricKey(algorithm, bits)) {
      key = ((KeyMaterial.Encoded) made.material()).bytes().toByteArray();
    }
    ObjectRecord draft =
        NewObjects.draft(
            store,
            uid,
            ObjectType.SYMMETRIC_KEY,
            attributes,
            List.of(NewObjects.digest(key, KeyFormatType.RAW.value())),
            context);
    SymmetricKey object =
        new SymmetricKey(
            KeyBlock.of(
                KeyFormatType.RAW.value(),
                KeyValue.Plain.of(
                    new io.arca.kmip.object.KeyMaterial.Bytes(ByteString.copyOf(key))),
                algorithm.value(),
                bits));
    Arrays.fill(key, (byte) 0);
    TtlvStructure content = object.encode(StoredForm.VERSION);
    try {
      store.create(draft, content);
    } finally {
      ObjectContent.wipe(content);
    }
    return uid;
  }

  private static CryptographicAlgorithm algorithm(Attributes attributes) {
    Integer value = new AttributeView(attributes).cryptographicAlgorithm();
    if (value == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "CryptographicAlgorithm: missing (expected: e.g. AES)");
    }
    CryptographicAlgorithm algorithm = CryptographicAlgorithm.byValue(value);
    if (algorithm == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicAlgorithm: 0x"
              + Integer.toHexString(value)
              + " is unknown (expected: AES, 3DES, ChaCha20 or HMAC)");
    }
    return algorithm;
  }

  @Override
  public CreateKeyPair.Response createKeyPair(
      CreateKeyPair.Request request, RequestContext context) {
    return pairs.create(request, context);
  }

  // ---- use ------------------------------------------------------------------------------------

  @Override
  public AesCipher.Encrypted encrypt(
      ObjectRecord key,
      CryptographicParameters parameters,
      ByteString plaintext,
      @Nullable ByteString iv,
      @Nullable ByteString additionalData,
      RequestContext context) {
    if (RsaEncryption.handles(key)) {
      ByteString ciphertext = rsa.encrypt(key, parameters, plaintext, context.protocolVersion());
      return new AesCipher.Encrypted(ciphertext.toByteArray(), null, null);
    }
    CryptographicAlgorithm algorithm = SymmetricCrypto.cipherAlgorithm(key);
    return encrypt(
        algorithm,
        SymmetricCrypto.keyBytes(store, key, context.protocolVersion()),
        parameters,
        plaintext,
        iv,
        additionalData);
  }

  @Override
  public Optional<AesCipher.Encrypted> encryptInMemory(
      ObjectRecord key,
      CryptographicParameters parameters,
      ByteString plaintext,
      @Nullable ByteString iv,
      @Nullable ByteString additionalData) {
    if (RsaEncryption.handles(key)) {
      return Optional.empty();
    }
    CryptographicAlgorithm algorithm = SymmetricCrypto.cipherAlgorithm(key);
    return SymmetricCrypto.keyBytesInMemory(store, key)
        .map(keyBytes -> encrypt(algorithm, keyBytes, parameters, plaintext, iv, additionalData));
  }

  /** The symmetric encryption both paths share; wipes {@code keyBytes}. */
  private AesCipher.Encrypted encrypt(
      CryptographicAlgorithm algorithm,
      byte[] keyBytes,
      CryptographicParameters parameters,
      ByteString plaintext,
      @Nullable ByteString iv,
      @Nullable ByteString additionalData) {
    byte[] data = plaintext.toByteArray();
    try {
      return ciphers.encrypt(
          algorithm,
          keyBytes,
          parameters,
          data,
          SymmetricCrypto.bytes(iv),
          SymmetricCrypto.bytes(additionalData));
    } finally {
      Arrays.fill(keyBytes, (byte) 0);
      Arrays.fill(data, (byte) 0);
    }
  }

  @Override
  public int tagBytes(ObjectRecord key, CryptographicParameters parameters) {
    if (RsaEncryption.handles(key)) {
      return 0;
    }
    return SymmetricCipher.tagBytes(SymmetricCrypto.cipherAlgorithm(key), parameters);
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
    if (RsaEncryption.handles(key)) {
      return rsa.decrypt(key, parameters, ByteString.copyOf(ciphertext), context.protocolVersion());
    }
    CryptographicAlgorithm algorithm = SymmetricCrypto.cipherAlgorithm(key);
    return decrypt(
        algorithm,
        SymmetricCrypto.keyBytes(store, key, context.protocolVersion()),
        parameters,
        ciphertext,
        iv,
        additionalData,
        tag);
  }

  /** Not for a private key: about a millisecond of CPU, which other connections would wait for. */
  @Override
  public Optional<ByteString> decryptInMemory(
      ObjectRecord key,
      CryptographicParameters parameters,
      byte[] ciphertext,
      @Nullable ByteString iv,
      @Nullable ByteString additionalData,
      byte @Nullable [] tag) {
    if (RsaEncryption.handles(key)) {
      return Optional.empty();
    }
    CryptographicAlgorithm algorithm = SymmetricCrypto.cipherAlgorithm(key);
    return SymmetricCrypto.keyBytesInMemory(store, key)
        .map(
            keyBytes ->
                decrypt(algorithm, keyBytes, parameters, ciphertext, iv, additionalData, tag));
  }

  /** The symmetric decryption both paths share; wipes {@code keyBytes}. */
  private ByteString decrypt(
      CryptographicAlgorithm algorithm,
      byte[] keyBytes,
      CryptographicParameters parameters,
      byte[] ciphertext,
      @Nullable ByteString iv,
      @Nullable ByteString additionalData,
      byte @Nullable [] tag) {
    byte[] plaintext;
    try {
      plaintext =
          ciphers.decrypt(
              algorithm,
              keyBytes,
              parameters,
              ciphertext,
              SymmetricCrypto.bytes(iv),
              SymmetricCrypto.bytes(additionalData),
              tag);
    } finally {
      Arrays.fill(keyBytes, (byte) 0);
    }
    try {
      return ByteString.copyOf(plaintext);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /**
   * Sign (KMIP 1.4 §4.31, 2.1 §6.1.55) with a stored RSA, EC or Ed25519 private key, with the
   * defaults {@link Signatures} documents.
   */
  @Override
  public byte[] sign(
      ObjectRecord key,
      CryptographicParameters parameters,
      byte[] input,
      boolean digested,
      RequestContext context) {
    return signatures.sign(
        keys.privateKey(key, "Sign", context.protocolVersion()), parameters, input, digested);
  }

  @Override
  public boolean verify(
      ObjectRecord key,
      CryptographicParameters parameters,
      byte[] input,
      boolean digested,
      byte[] signature,
      RequestContext context) {
    return signatures.verify(
        keys.publicKey(key, "SignatureVerify", context.protocolVersion()),
        parameters,
        input,
        digested,
        signature);
  }

  @Override
  public byte[] mac(
      ObjectRecord key, MacEngine.Algorithm algorithm, byte[] data, RequestContext context) {
    byte[] keyBytes = SymmetricCrypto.keyBytes(store, key, context.protocolVersion());
    try {
      return MacEngine.compute(algorithm, keyBytes, data);
    } finally {
      Arrays.fill(keyBytes, (byte) 0);
    }
  }

  @Override
  public boolean macVerify(
      ObjectRecord key,
      MacEngine.Algorithm algorithm,
      byte[] data,
      byte[] mac,
      RequestContext context) {
    byte[] computed = mac(key, algorithm, data, context);
    try {
      return MessageDigest.isEqual(computed, mac);
    } finally {
      Arrays.fill(computed, (byte) 0);
    }
  }

  /** Starts a cipher in this process with the key's bytes, wiped once it holds them. */
  @Override
  public CipherParts startCipher(
      ObjectRecord key,
      CryptographicParameters parameters,
      boolean encrypt,
      @Nullable ByteString iv,
      @Nullable ByteString additionalData,
      RequestContext context) {
    CryptographicAlgorithm algorithm = SymmetricCrypto.cipherAlgorithm(key);
    byte[] keyBytes = SymmetricCrypto.keyBytes(store, key, context.protocolVersion());
    try {
      return ciphers.start(
          algorithm,
          encrypt,
          keyBytes,
          parameters,
          SymmetricCrypto.bytes(iv),
          SymmetricCrypto.bytes(additionalData));
    } finally {
      Arrays.fill(keyBytes, (byte) 0);
    }
  }

  /** Starts a MAC over data given in several requests. */
  @Override
  public MacParts startMac(
      ObjectRecord key, MacEngine.Algorithm algorithm, RequestContext context) {
    byte[] keyBytes = SymmetricCrypto.keyBytes(store, key, context.protocolVersion());
    try {
      return MacEngine.start(algorithm, keyBytes);
    } finally {
      Arrays.fill(keyBytes, (byte) 0);
    }
  }

  /** Wraps with the stored AES key or RSA public key in software ({@link SoftwareKeyWrap}). */
  @Override
  public byte[] wrap(
      ObjectRecord key,
      CryptographicParameters parameters,
      byte[] keyBytes,
      RequestContext context) {
    try {
      ClearKey clear = SoftwareKeyWrap.clearKey(store, key, context.protocolVersion());
      if (key.objectType() == ObjectType.PUBLIC_KEY) {
        return SoftwareKeyWrap.rsa(true, keyBytes, clear, parameters);
      }
      try (clear) {
        return SoftwareKeyWrap.aes(true, keyBytes, clear, parameters);
      }
    } catch (GeneralSecurityException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "wrapping with " + key.uid() + " failed");
    }
  }

  /** Unwraps with the stored AES key or RSA private key in software. */
  @Override
  public byte[] unwrap(
      ObjectRecord key,
      CryptographicParameters parameters,
      byte[] wrapped,
      RequestContext context) {
    try {
      ClearKey clear = SoftwareKeyWrap.clearKey(store, key, context.protocolVersion());
      if (key.objectType() == ObjectType.PRIVATE_KEY) {
        return SoftwareKeyWrap.rsa(false, wrapped, clear, parameters);
      }
      try (clear) {
        return SoftwareKeyWrap.aes(false, wrapped, clear, parameters);
      }
    } catch (GeneralSecurityException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "unwrapping with " + key.uid() + " failed");
    }
  }

  /** Never called: {@link ReKeyHandler} and {@link ReKeyKeyPairHandler} replace stored keys. */
  @Override
  public String rekey(ObjectRecord key, RequestContext context) {
    throw new IllegalStateException(
        "stored keys are re-keyed by the Re-key handlers: " + key.uid());
  }

  /**
   * Destroy (KMIP 1.4 §4.21, 2.1 §6.1.17): the key material is erased for good; the metadata stays,
   * in state Destroyed (Destroyed Compromised for a compromised object), with its Destroy Date. An
   * Active object must be revoked first.
   */
  @Override
  public void destroy(ObjectRecord object, RequestContext context) {
    store.update(
        object.uid(),
        r -> {
          State state = Lifecycle.stateAt(r.state(), r.attributes(), context.now());
          State next =
              switch (state) {
                case PRE_ACTIVE, DEACTIVATED -> State.DESTROYED;
                case COMPROMISED -> State.DESTROYED_COMPROMISED;
                default -> throw Reasons.wrongState(context.protocolVersion(), "Destroy", state);
              };
          return r.withAttributes(
                  ObjectAttributes.replace(
                      r.attributes(),
                      Attribute.of(TtlvDateTime.of(Tag.DESTROY_DATE.code(), context.now()))),
                  context.now())
              .withoutContent(next, context.now());
        });
  }
}
