package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.ValidityIndicator;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.Register;
import io.arca.kmip.payload.Sign;
import io.arca.kmip.payload.SignatureVerify;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.JcaKeyCache;
import io.arca.server.crypto.RsaCipher;
import io.arca.server.crypto.Signatures;
import io.arca.server.crypto.SymmetricCipher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of Encrypt, Decrypt, Sign and Signature Verify with RSA, EC and Ed25519 keys
 * share: the handlers over a real store, keys registered and activated, and the vectors of {@code
 * asymmetric-kat.properties}.
 */
abstract class AsymmetricTestBase {
  static final HexFormat HEX = HexFormat.of();
  static final Properties KAT = load();
  static final byte[] MESSAGE = "pay 100 to bob".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  @TempDir Path dir;
  HandlerFixture fixture;
  JcaKeyCache cache;
  private EncryptHandler encrypt;
  private DecryptHandler decrypt;
  private SignHandler sign;
  private SignatureVerifyHandler verify;

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    SecureRandom random = new SecureRandom();
    cache = new JcaKeyCache(100, Duration.ofMinutes(1));
    AsymmetricKeys keys = new AsymmetricKeys(fixture.store(), cache);
    RsaCipher rsa = new RsaCipher(random);
    SymmetricCipher ciphers = new SymmetricCipher(random);
    CryptoStreams streams = new CryptoStreams(CryptoStreams.DEFAULTS, random);
    encrypt = new EncryptHandler(fixture.objects(), ciphers, streams, keys, rsa);
    decrypt = new DecryptHandler(fixture.objects(), ciphers, streams, keys, rsa);
    Signatures signatures = new Signatures(random);
    sign = new SignHandler(fixture.objects(), keys, signatures, streams);
    verify = new SignatureVerifyHandler(fixture.objects(), keys, signatures, streams);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in =
        AsymmetricTestBase.class.getResourceAsStream("/asymmetric-kat.properties")) {
      properties.load(Objects.requireNonNull(in));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return properties;
  }

  static byte[] kat(String name) {
    return HEX.parseHex(Objects.requireNonNull(KAT.getProperty(name), name));
  }

  // --- registering keys -------------------------------------------------------------------

  String register(
      boolean privateKey,
      KeyFormatType format,
      byte[] material,
      CryptographicAlgorithm algorithm,
      int length,
      CryptographicUsageMask usage) {
    RequestContext context = HandlerFixture.alice();
    KeyBlock block =
        KeyBlock.of(
            format.value(),
            KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(material))),
            algorithm.value(),
            length);
    ManagedObject object =
        privateKey
            ? new io.arca.kmip.object.PrivateKey(block)
            : new io.arca.kmip.object.PublicKey(block);
    Attributes attributes =
        Attributes.of(
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), usage.value())));
    String uid =
        Register.Response.decode(
                Wire.handle(
                    new RegisterHandler(fixture.store()),
                    Register.Request.of(object, attributes).encode(ProtocolVersion.V2_1),
                    context),
                ProtocolVersion.V2_1)
            .uniqueIdentifier();
    Wire.handle(
        new ActivateHandler(fixture.objects()),
        new Activate.Request(uid).encode(ProtocolVersion.V2_1),
        context);
    return uid;
  }

  /** A JDK key pair registered as PKCS#8 and X.509: [private uid, public uid]. */
  String[] registerPair(KeyPair pair, CryptographicAlgorithm algorithm, int length) {
    return new String[] {
      register(
          true,
          KeyFormatType.PKCS_8,
          pair.getPrivate().getEncoded(),
          algorithm,
          length,
          CryptographicUsageMask.SIGN),
      register(
          false,
          KeyFormatType.X_509,
          pair.getPublic().getEncoded(),
          algorithm,
          length,
          CryptographicUsageMask.VERIFY)
    };
  }

  static KeyPair rsaPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  static KeyPair ecPair(String curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve));
    return generator.generateKeyPair();
  }

  // --- calling the handlers ---------------------------------------------------------------

  static CryptographicParameters params(
      @Nullable PaddingMethod padding,
      @Nullable HashingAlgorithm hash,
      @Nullable HashingAlgorithm mgfHash,
      @Nullable Integer salt,
      byte @Nullable [] label) {
    return new CryptographicParameters(
        null,
        padding == null ? null : padding.value(),
        hash == null ? null : hash.value(),
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
        salt,
        null,
        mgfHash == null ? null : mgfHash.value(),
        label == null ? null : ByteString.copyOf(label),
        null);
  }

  byte[] sign(String uid, @Nullable CryptographicParameters parameters, byte[] data) {
    return signAs(uid, parameters, data, false, ProtocolVersion.V2_1);
  }

  byte[] signAs(
      String uid,
      @Nullable CryptographicParameters parameters,
      byte[] input,
      boolean digested,
      ProtocolVersion version) {
    ByteString bytes = ByteString.copyOf(input);
    Sign.Request request =
        new Sign.Request(
            uid, parameters, digested ? null : bytes, digested ? bytes : null, null, null, null);
    return Objects.requireNonNull(
            Sign.Response.decode(
                    Wire.handle(
                        sign, request.encode(version), HandlerFixture.context("alice", version)),
                    version)
                .signatureData())
        .toByteArray();
  }

  ValidityIndicator verify(
      String uid, @Nullable CryptographicParameters parameters, byte[] data, byte[] signature) {
    return verifyAs(uid, parameters, data, false, signature);
  }

  /** Signature Verify over the data, or with {@code digested} over the client's digest of it. */
  ValidityIndicator verifyAs(
      String uid,
      @Nullable CryptographicParameters parameters,
      byte[] input,
      boolean digested,
      byte[] signature) {
    ByteString bytes = ByteString.copyOf(input);
    SignatureVerify.Request request =
        new SignatureVerify.Request(
            uid,
            parameters,
            digested ? null : bytes,
            digested ? bytes : null,
            ByteString.copyOf(signature),
            null,
            null,
            null);
    Integer verdict =
        SignatureVerify.Response.decode(
                Wire.handle(verify, request.encode(ProtocolVersion.V2_1), HandlerFixture.alice()),
                ProtocolVersion.V2_1)
            .validityIndicator();
    return Objects.requireNonNull(ValidityIndicator.byValue(Objects.requireNonNull(verdict)));
  }

  byte[] encrypt(String uid, @Nullable CryptographicParameters parameters, byte[] data) {
    Encrypt.Request request =
        new Encrypt.Request(uid, parameters, ByteString.copyOf(data), null, null, null, null, null);
    return Objects.requireNonNull(
            Encrypt.Response.decode(
                    Wire.handle(
                        encrypt, request.encode(ProtocolVersion.V2_1), HandlerFixture.alice()),
                    ProtocolVersion.V2_1)
                .data())
        .toByteArray();
  }

  byte[] decrypt(String uid, @Nullable CryptographicParameters parameters, byte[] data) {
    Decrypt.Request request =
        new Decrypt.Request(
            uid, parameters, ByteString.copyOf(data), null, null, null, null, null, null);
    return Objects.requireNonNull(
            Decrypt.Response.decode(
                    Wire.handle(
                        decrypt, request.encode(ProtocolVersion.V2_1), HandlerFixture.alice()),
                    ProtocolVersion.V2_1)
                .data())
        .toByteArray();
  }

  static Consumer<Throwable> reason(ResultReason expected) {
    return e -> assertThat(((KmipException) e).reason()).isEqualTo(expected);
  }

  static byte[] sha256(byte[] data) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(data);
  }
}
