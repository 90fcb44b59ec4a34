package io.arca.bench.load;

import io.arca.client.KmipClient;
import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.Get;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.kmip.ttlv.TtlvWriter;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Prepares a scenario on a setup connection (the keys it needs, an RSA ciphertext to decrypt), then
 * builds its request once, so that the measured loop sends the same bytes again and again. Every
 * step speaks the run's protocol version, so the same setup works against any KMIP server that
 * supports the operations; a server that refuses one answers with a {@code KmipOperationException}
 * naming the operation and its Result Reason.
 */
final class ScenarioSetup {
  /** The plaintext size of the Encrypt scenarios. */
  static final int PAYLOAD_BYTES = 64;

  /** The RSA modulus of the key pair decrypt-rsa-hsm creates. */
  static final int RSA_BITS = 2048;

  private static final int AES_BITS = 256;
  private static final int GCM_TAG_BYTES = 16;
  private static final String HSM_PREFIX = "hsm::";
  private static final String PUBLIC_KEY_SUFFIX = "_pk";

  /**
   * Where the scenario's keys come from; every field is optional.
   *
   * @param keyId an existing key to use instead of creating one (the private key for
   *     decrypt-rsa-hsm, the wrapped key for encrypt-wrapped)
   * @param hsmSlot the HSM slot in which to create {@code hsm::<slot>::<label>} keys
   * @param hsmKeyLabel the label of the HSM key to create; null for a fresh random one
   * @param wrappingKeyId an existing key that encrypt-wrapped's new key is wrapped under, instead
   *     of a new HSM AES key
   */
  record Keys(
      @Nullable String keyId,
      @Nullable String hsmSlot,
      @Nullable String hsmKeyLabel,
      @Nullable String wrappingKeyId) {
    static final Keys NONE = new Keys(null, null, null, null);
  }

  /**
   * A scenario ready to run: the measured operation and the whole request message in binary TTLV,
   * reused by every send. (A class, not a record: records compare arrays by reference.)
   */
  static final class Prepared {
    private final Operation operation;
    private final byte[] message;

    Prepared(Operation operation, byte[] message) {
      this.operation = operation;
      this.message = message.clone();
    }

    Operation operation() {
      return operation;
    }

    /** A copy of the encoded request message. */
    byte[] message() {
      return message.clone();
    }
  }

  private final KmipClient client;
  private final ProtocolVersion version;
  private final Scenario scenario;
  private final Keys keys;
  private final SecureRandom random;

  ScenarioSetup(
      KmipClient client,
      ProtocolVersion version,
      Scenario scenario,
      Keys keys,
      SecureRandom random) {
    this.client = client;
    this.version = version;
    this.scenario = scenario;
    this.keys = keys;
    this.random = random;
  }

  /**
   * Creates what the scenario needs, builds its request and sends it once: a server that cannot
   * serve the scenario says so here, before any load.
   */
  Prepared prepare() throws IOException {
    Operation operation;
    TtlvStructure payload;
    switch (scenario) {
      case NOOP, HANDSHAKE -> {
        operation = Operation.DISCOVER_VERSIONS;
        payload = TtlvStructure.of(Tag.REQUEST_PAYLOAD.code());
      }
      case CREATE_AES -> {
        // No Name: the server would refuse the second Create of the same name, and the bytes
        // must stay the same for every send.
        operation = Operation.CREATE;
        payload =
            Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), aesKeyAttributes(List.of()))
                .encode(version);
      }
      case GET -> {
        operation = Operation.GET;
        payload = Get.Request.of(storedAesKey()).encode(version);
      }
      case ENCRYPT_AES_GCM -> {
        operation = Operation.ENCRYPT;
        payload = encrypt(storedAesKey(), gcm());
      }
      case ENCRYPT_AES_CBC -> {
        operation = Operation.ENCRYPT;
        payload = encrypt(storedAesKey(), cbc());
      }
      case ENCRYPT_WRAPPED -> {
        operation = Operation.ENCRYPT;
        payload = encrypt(wrappedAesKey(), gcm());
      }
      case ENCRYPT_HSM -> {
        operation = Operation.ENCRYPT;
        payload = encrypt(keys.keyId() != null ? keys.keyId() : newHsmAesKey(), gcm());
      }
      case DECRYPT_RSA_HSM -> {
        operation = Operation.DECRYPT;
        payload = rsaDecrypt();
      }
      default -> throw new IllegalStateException("no setup for " + scenario.label());
    }
    TtlvStructure answer = client.call(version, operation, payload);
    if (operation == Operation.ENCRYPT) {
      // The same request bytes are sent again and again, so the server must choose a fresh IV
      // for each: two answers must carry two different IVs.
      ByteString first = Encrypt.Response.decode(answer, version).ivCounterNonce();
      ByteString second =
          Encrypt.Response.decode(client.call(version, operation, payload), version)
              .ivCounterNonce();
      if (first == null || Objects.equals(first, second)) {
        throw new IOException(
            "the server answered the Encrypt of "
                + scenario.label()
                + (first == null ? " without the IV it chose" : " twice with the same IV"));
      }
    }
    byte[] encoded =
        TtlvWriter.toBytes(
            new RequestMessage(
                    RequestHeader.of(version),
                    List.of(RequestBatchItem.of(operation.value(), payload)))
                .encode());
    return new Prepared(operation, encoded);
  }

  /** The key of get and the plain Encrypt scenarios: the one given, or a new active AES-256 key. */
  private String storedAesKey() throws IOException {
    String given = keys.keyId();
    return given != null ? given : activated(create(aesKeyAttributes(List.of())));
  }

  /**
   * A stored AES-256 key wrapped at rest by an HSM key (the CLI's {@code --wrapping-key-id}): the
   * wrapping key given, or a new HSM AES key.
   */
  private String wrappedAesKey() throws IOException {
    String given = keys.keyId();
    if (given != null) {
      return given;
    }
    String wrappingKey = keys.wrappingKeyId() != null ? keys.wrappingKeyId() : newHsmAesKey();
    // The server reads the vendor attribute in 2.x and the custom attribute in 1.x.
    Attribute wrapping =
        version.major() >= 2
            ? Attribute.vendor(
                "arca",
                "wrapping-key-id",
                new TtlvTextString(Tag.ATTRIBUTE_VALUE.code(), wrappingKey))
            : Attribute.vendor(
                "x",
                "arca-wrapping-key-id",
                new TtlvTextString(Tag.ATTRIBUTE_VALUE.code(), wrappingKey));
    return activated(create(aesKeyAttributes(List.of(wrapping))));
  }

  /** A new AES-256 key inside the HSM; HSM keys are usable at once, without Activate. */
  private String newHsmAesKey() throws IOException {
    return create(aesKeyAttributes(List.of(requestedIdentifier(hsmIdentifier()))));
  }

  /**
   * The Decrypt of one RSA-OAEP (SHA-1) ciphertext of 32 bytes, made by the server's Encrypt with
   * the pair's public key: SoftHSM2 2.6 implements OAEP with SHA-1 only.
   */
  private TtlvStructure rsaDecrypt() throws IOException {
    String privateKey = keys.keyId();
    String publicKey;
    if (privateKey != null) {
      if (!privateKey.startsWith(HSM_PREFIX)) {
        throw new IllegalArgumentException(
            "--key-id for decrypt-rsa-hsm: expected an hsm::<slot>::<label> private key, whose"
                + " public key is <label>_pk");
      }
      publicKey = privateKey + PUBLIC_KEY_SUFFIX;
    } else {
      CreateKeyPair.Response pair = createRsaPair(hsmIdentifier());
      privateKey = pair.privateKeyUniqueIdentifier();
      publicKey = pair.publicKeyUniqueIdentifier();
    }
    byte[] plaintext = new byte[32];
    random.nextBytes(plaintext);
    Encrypt.Response sealed =
        Encrypt.Response.decode(
            client.call(
                version,
                Operation.ENCRYPT,
                new Encrypt.Request(
                        publicKey,
                        rsaOaepSha1(),
                        ByteString.copyOf(plaintext),
                        null,
                        null,
                        null,
                        null,
                        null)
                    .encode(version)),
            version);
    ByteString ciphertext = sealed.data();
    if (ciphertext == null) {
      throw new IOException("Encrypt with " + publicKey + " answered no ciphertext");
    }
    return new Decrypt.Request(
            privateKey, rsaOaepSha1(), ciphertext, null, null, null, null, null, null)
        .encode(version);
  }

  private CreateKeyPair.Response createRsaPair(String privateKeyId) throws IOException {
    Attributes common =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.RSA.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), RSA_BITS)));
    Attributes privateKey =
        Attributes.of(
            requestedIdentifier(privateKeyId), usageMask(CryptographicUsageMask.DECRYPT.value()));
    Attributes publicKey = Attributes.of(usageMask(CryptographicUsageMask.ENCRYPT.value()));
    return CreateKeyPair.Response.decode(
        client.call(
            version,
            Operation.CREATE_KEY_PAIR,
            new CreateKeyPair.Request(
                    common, privateKey, publicKey, CreateKeyPair.KeyPairMasks.NONE)
                .encode(version)),
        version);
  }

  private String create(Attributes attributes) throws IOException {
    return Create.Response.decode(
            client.call(
                version,
                Operation.CREATE,
                Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(version)),
            version)
        .uniqueIdentifier();
  }

  private String activated(String uniqueIdentifier) throws IOException {
    if (!uniqueIdentifier.startsWith(HSM_PREFIX)) {
      client.call(
          version, Operation.ACTIVATE, new Activate.Request(uniqueIdentifier).encode(version));
    }
    return uniqueIdentifier;
  }

  /** {@code hsm::<slot>::<label>}, the label given or a fresh one so that runs never collide. */
  private String hsmIdentifier() {
    String slot = keys.hsmSlot();
    if (slot == null) {
      throw new IllegalArgumentException(
          scenario.label()
              + " needs an HSM key: give --hsm-slot (and optionally --hsm-key) or --key-id");
    }
    String label = keys.hsmKeyLabel();
    if (label == null) {
      byte[] suffix = new byte[4];
      random.nextBytes(suffix);
      label = "arca-bench-" + scenario.label() + "-" + HexFormat.of().formatHex(suffix);
    }
    return HSM_PREFIX + slot + "::" + label;
  }

  private static Attributes aesKeyAttributes(List<Attribute> extra) {
    List<Attribute> attributes = new ArrayList<>();
    attributes.add(
        Attribute.of(
            new TtlvEnumeration(
                Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())));
    attributes.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), AES_BITS)));
    attributes.add(
        usageMask(CryptographicUsageMask.ENCRYPT.value() | CryptographicUsageMask.DECRYPT.value()));
    attributes.addAll(extra);
    return new Attributes(attributes, List.of());
  }

  private static Attribute usageMask(int mask) {
    return Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), mask));
  }

  private static Attribute requestedIdentifier(String uniqueIdentifier) {
    return Attribute.of(new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), uniqueIdentifier));
  }

  /** 64 random bytes under {@code key}, no IV: the server chooses one for every request. */
  private TtlvStructure encrypt(String key, CryptographicParameters parameters) {
    byte[] plaintext = new byte[PAYLOAD_BYTES];
    random.nextBytes(plaintext);
    return new Encrypt.Request(
            key, parameters, ByteString.copyOf(plaintext), null, null, null, null, null)
        .encode(version);
  }

  private static CryptographicParameters gcm() {
    return symmetric(BlockCipherMode.GCM.value(), null, GCM_TAG_BYTES);
  }

  private static CryptographicParameters cbc() {
    return symmetric(BlockCipherMode.CBC.value(), PaddingMethod.PKCS5.value(), null);
  }

  private static CryptographicParameters symmetric(
      int mode, @Nullable Integer padding, @Nullable Integer tagLength) {
    return new CryptographicParameters(
        mode,
        padding,
        null,
        null,
        null,
        CryptographicAlgorithm.AES.value(),
        null,
        null,
        tagLength,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static CryptographicParameters rsaOaepSha1() {
    return new CryptographicParameters(
        null,
        PaddingMethod.OAEP.value(),
        HashingAlgorithm.SHA_1.value(),
        null,
        null,
        CryptographicAlgorithm.RSA.value(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
