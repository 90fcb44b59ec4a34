package io.arca.server;

import static io.arca.server.TestAttributes.usage;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.Operation;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.ValidityIndicator;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.PrivateKey;
import io.arca.kmip.object.PublicKey;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.Mac;
import io.arca.kmip.payload.MacVerify;
import io.arca.kmip.payload.Register;
import io.arca.kmip.payload.Sign;
import io.arca.kmip.payload.SignatureVerify;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Multi-part (streaming) operations over mutual TLS in every version that defines them (1.3 to
 * 2.1): Encrypt and Decrypt with every stored cipher, Sign and Signature Verify, MAC and MAC
 * Verify, each in three parts and checked against the one-shot answer or the JDK; and the refusals:
 * the fields in 1.2, an unknown Correlation Value or one of another user or connection, parts out
 * of order, and the streams a closed connection leaves.
 */
class StreamingEndToEndTest {
  static final byte[] MESSAGE = new byte[100];

  @TempDir static Path dir;
  static Arca server;
  static SSLContext admin;

  @BeforeAll
  static void start() throws Exception {
    for (int i = 0; i < MESSAGE.length; i++) {
      MESSAGE[i] = (byte) (i * 7 + 3);
    }
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    server = Arca.start(TestServers.config(dir, tls, 64, 64 * 1024), TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** One stored cipher: its algorithm, parameters and IV (none for ECB). */
  private record Case(CryptographicAlgorithm algorithm, CryptographicParameters how, String ivHex) {
    String keyHex() {
      return switch (algorithm) {
        case AES -> "000102030405060708090a0b0c0d0e0f";
        case DES3 -> "0123456789abcdeffedcba987654321089abcdef01234567";
        default -> "00".repeat(31) + "01";
      };
    }
  }

  private static List<Case> ciphers() {
    CryptographicAlgorithm aes = CryptographicAlgorithm.AES;
    CryptographicAlgorithm des3 = CryptographicAlgorithm.DES3;
    PaddingMethod pkcs5 = PaddingMethod.PKCS5;
    return List.of(
        new Case(aes, mode(BlockCipherMode.GCM, null), "00".repeat(12)),
        new Case(aes, mode(BlockCipherMode.CBC, pkcs5), "01".repeat(16)),
        new Case(aes, mode(BlockCipherMode.CTR, null), "02".repeat(16)),
        new Case(aes, mode(BlockCipherMode.ECB, pkcs5), ""),
        new Case(des3, mode(BlockCipherMode.CBC, pkcs5), "03".repeat(8)),
        new Case(des3, mode(BlockCipherMode.ECB, pkcs5), ""),
        new Case(CryptographicAlgorithm.CHACHA20, CryptographicParameters.NONE, "04".repeat(12)),
        new Case(
            CryptographicAlgorithm.CHACHA20POLY1305,
            CryptographicParameters.NONE,
            "05".repeat(12)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.3", "1.4", "2.0", "2.1"})
  void everyStoredCipherEncryptsAndDecryptsInPartsAsInOne(String v) throws Exception {
    try (VersionedClient kmip = client(admin, v)) {
      ProtocolVersion version = kmip.version();
      for (Case c : ciphers()) {
        if (!version.isAtLeast(ProtocolVersion.V1_4)
            && (c.algorithm() == CryptographicAlgorithm.CHACHA20
                || c.algorithm() == CryptographicAlgorithm.CHACHA20POLY1305)) {
          continue; // ChaCha20 came with 1.4: a 1.3 request cannot name it
        }
        String uid =
            registerActive(
                kmip,
                symmetric(c.keyHex(), c.algorithm()),
                usage(CryptographicUsageMask.ENCRYPT, CryptographicUsageMask.DECRYPT));
        ByteString iv = c.ivHex().isEmpty() ? null : hex(c.ivHex());
        Encrypt.Response whole =
            Encrypt.Response.decode(
                kmip.ok(
                    Operation.ENCRYPT,
                    new Encrypt.Request(uid, c.how(), bytes(MESSAGE), iv, null, null, null, null)
                        .encode(version)),
                version);
        byte[] expected = concat(whole.data(), whole.tag());

        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        byte[][] parts = split(MESSAGE);
        Encrypt.Response first =
            encrypt(
                kmip,
                new Encrypt.Request(uid, c.how(), bytes(parts[0]), iv, null, true, null, null));
        ByteString correlation = Objects.requireNonNull(first.correlationValue(), c.toString());
        streamed.write(concat(first.data(), null));
        Encrypt.Response middle =
            encrypt(
                kmip,
                new Encrypt.Request(
                    null, null, bytes(parts[1]), null, correlation, null, null, null));
        assertThat(middle.correlationValue()).isEqualTo(correlation);
        streamed.write(concat(middle.data(), null));
        Encrypt.Response last =
            encrypt(
                kmip,
                new Encrypt.Request(
                    null, null, bytes(parts[2]), null, correlation, null, true, null));
        assertThat(last.correlationValue()).isNull();
        streamed.write(concat(last.data(), last.tag()));
        assertThat(HexFormat.of().formatHex(streamed.toByteArray()))
            .as(c.toString() + " in " + v)
            .isEqualTo(HexFormat.of().formatHex(expected));

        // And back, in three parts; the tag (1.4 on) in the last.
        byte[] ciphertext =
            concat(whole.data(), version.isAtLeast(ProtocolVersion.V1_4) ? null : whole.tag());
        ByteString tag = version.isAtLeast(ProtocolVersion.V1_4) ? whole.tag() : null;
        byte[][] cparts = split(ciphertext);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        Decrypt.Response d1 =
            decrypt(
                kmip,
                new Decrypt.Request(
                    uid, c.how(), bytes(cparts[0]), iv, null, true, null, null, null));
        ByteString back = Objects.requireNonNull(d1.correlationValue());
        plain.write(concat(d1.data(), null));
        plain.write(
            concat(
                decrypt(
                        kmip,
                        new Decrypt.Request(
                            null, null, bytes(cparts[1]), null, back, null, null, null, null))
                    .data(),
                null));
        plain.write(
            concat(
                decrypt(
                        kmip,
                        new Decrypt.Request(
                            null, null, bytes(cparts[2]), null, back, null, true, null, tag))
                    .data(),
                null));
        assertThat(plain.toByteArray()).as(c.toString() + " back in " + v).isEqualTo(MESSAGE);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.3", "1.4", "2.0", "2.1"})
  void signaturesInPartsVerifyWithTheJdkAndByStream(String v) throws Exception {
    try (VersionedClient kmip = client(admin, v)) {
      KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
      rsaGenerator.initialize(2048);
      KeyPair rsa = rsaGenerator.generateKeyPair();
      KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
      ecGenerator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair ec = ecGenerator.generateKeyPair();
      String[] rsaKeys = registerPair(kmip, rsa, CryptographicAlgorithm.RSA, 2048);
      String[] ecKeys = registerPair(kmip, ec, CryptographicAlgorithm.EC, 256);

      CryptographicParameters pkcs1 = signing(PaddingMethod.PKCS1_V1_5, null);
      CryptographicParameters pss = signing(PaddingMethod.PSS, 32);
      CryptographicParameters ecdsa = signing(null, null);

      byte[] pkcs1Signature = signInParts(kmip, rsaKeys[0], pkcs1);
      Signature jdk = Signature.getInstance("SHA256withRSA");
      jdk.initVerify(rsa.getPublic());
      jdk.update(MESSAGE);
      assertThat(jdk.verify(pkcs1Signature)).as("PKCS#1 v1.5 in " + v).isTrue();
      // Deterministic: the stream signs exactly as one request does.
      assertThat(pkcs1Signature)
          .isEqualTo(
              Objects.requireNonNull(
                      Sign.Response.decode(
                              kmip.ok(
                                  Operation.SIGN,
                                  new Sign.Request(
                                          rsaKeys[0], pkcs1, bytes(MESSAGE), null, null, null, null)
                                      .encode(kmip.version())),
                              kmip.version())
                          .signatureData())
                  .toByteArray());

      byte[] pssSignature = signInParts(kmip, rsaKeys[0], pss);
      Signature jdkPss = Signature.getInstance("RSASSA-PSS");
      jdkPss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
      jdkPss.initVerify(rsa.getPublic());
      jdkPss.update(MESSAGE);
      assertThat(jdkPss.verify(pssSignature)).as("PSS in " + v).isTrue();

      byte[] ecdsaSignature = signInParts(kmip, ecKeys[0], ecdsa);
      Signature jdkEc = Signature.getInstance("SHA256withECDSA");
      jdkEc.initVerify(ec.getPublic());
      jdkEc.update(MESSAGE);
      assertThat(jdkEc.verify(ecdsaSignature)).as("ECDSA in " + v).isTrue();

      // Verified in parts: the Signature Data with the first part or with the last.
      assertThat(verifyInParts(kmip, rsaKeys[1], pkcs1, pkcs1Signature, true))
          .isEqualTo(ValidityIndicator.VALID);
      assertThat(verifyInParts(kmip, rsaKeys[1], pss, pssSignature, false))
          .isEqualTo(ValidityIndicator.VALID);
      assertThat(verifyInParts(kmip, ecKeys[1], ecdsa, ecdsaSignature, false))
          .isEqualTo(ValidityIndicator.VALID);
      byte[] forged = pkcs1Signature.clone();
      forged[10] ^= 1;
      assertThat(verifyInParts(kmip, rsaKeys[1], pkcs1, forged, true))
          .isEqualTo(ValidityIndicator.INVALID);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.3", "1.4", "2.0", "2.1"})
  void macsInPartsEqualTheMacInOneAndVerifyWithTheMacInTheFirstPart(String v) throws Exception {
    try (VersionedClient kmip = client(admin, v)) {
      ProtocolVersion version = kmip.version();
      String hmac =
          registerActive(
              kmip,
              symmetric("0b".repeat(32), CryptographicAlgorithm.HMAC_SHA256),
              usage(CryptographicUsageMask.MAC_GENERATE, CryptographicUsageMask.MAC_VERIFY));
      String cmac =
          registerActive(
              kmip,
              symmetric("2b7e151628aed2a6abf7158809cf4f3c", CryptographicAlgorithm.AES),
              usage(CryptographicUsageMask.MAC_GENERATE, CryptographicUsageMask.MAC_VERIFY));
      for (String uid : List.of(hmac, cmac)) {
        byte[] whole =
            Objects.requireNonNull(
                    Mac.Response.decode(
                            kmip.ok(
                                Operation.MAC,
                                new Mac.Request(uid, null, bytes(MESSAGE), null, null, null)
                                    .encode(version)),
                            version)
                        .macData())
                .toByteArray();
        byte[][] parts = split(MESSAGE);
        Mac.Response first =
            Mac.Response.decode(
                kmip.ok(
                    Operation.MAC,
                    new Mac.Request(uid, null, bytes(parts[0]), null, true, null).encode(version)),
                version);
        ByteString correlation = Objects.requireNonNull(first.correlationValue());
        assertThat(first.macData()).isNull();
        kmip.ok(
            Operation.MAC,
            new Mac.Request(null, null, bytes(parts[1]), correlation, null, null).encode(version));
        Mac.Response last =
            Mac.Response.decode(
                kmip.ok(
                    Operation.MAC,
                    new Mac.Request(null, null, bytes(parts[2]), correlation, null, true)
                        .encode(version)),
                version);
        assertThat(Objects.requireNonNull(last.macData()).toByteArray()).isEqualTo(whole);

        assertThat(macVerifyInParts(kmip, uid, whole)).isEqualTo(ValidityIndicator.VALID);
        byte[] wrong = whole.clone();
        wrong[0] ^= 1;
        assertThat(macVerifyInParts(kmip, uid, wrong)).isEqualTo(ValidityIndicator.INVALID);
      }
    }
  }

  private static byte[] signInParts(VersionedClient kmip, String uid, CryptographicParameters how)
      throws IOException {
    ProtocolVersion version = kmip.version();
    byte[][] parts = split(MESSAGE);
    Sign.Response first =
        Sign.Response.decode(
            kmip.ok(
                Operation.SIGN,
                new Sign.Request(uid, how, bytes(parts[0]), null, null, true, null)
                    .encode(version)),
            version);
    assertThat(first.signatureData()).isNull();
    ByteString correlation = Objects.requireNonNull(first.correlationValue());
    kmip.ok(
        Operation.SIGN,
        new Sign.Request(null, null, bytes(parts[1]), null, correlation, null, null)
            .encode(version));
    Sign.Response last =
        Sign.Response.decode(
            kmip.ok(
                Operation.SIGN,
                new Sign.Request(null, null, bytes(parts[2]), null, correlation, null, true)
                    .encode(version)),
            version);
    assertThat(last.correlationValue()).isNull();
    return Objects.requireNonNull(last.signatureData()).toByteArray();
  }

  private static ValidityIndicator verifyInParts(
      VersionedClient kmip,
      String uid,
      CryptographicParameters how,
      byte[] signature,
      boolean signatureFirst)
      throws IOException {
    ProtocolVersion version = kmip.version();
    byte[][] parts = split(MESSAGE);
    SignatureVerify.Response first =
        SignatureVerify.Response.decode(
            kmip.ok(
                Operation.SIGNATURE_VERIFY,
                new SignatureVerify.Request(
                        uid,
                        how,
                        bytes(parts[0]),
                        null,
                        signatureFirst ? bytes(signature) : null,
                        null,
                        true,
                        null)
                    .encode(version)),
            version);
    assertThat(first.validityIndicator()).isNull();
    ByteString correlation = Objects.requireNonNull(first.correlationValue());
    kmip.ok(
        Operation.SIGNATURE_VERIFY,
        new SignatureVerify.Request(
                null, null, bytes(parts[1]), null, null, correlation, null, null)
            .encode(version));
    SignatureVerify.Response last =
        SignatureVerify.Response.decode(
            kmip.ok(
                Operation.SIGNATURE_VERIFY,
                new SignatureVerify.Request(
                        null,
                        null,
                        bytes(parts[2]),
                        null,
                        signatureFirst ? null : bytes(signature),
                        correlation,
                        null,
                        true)
                    .encode(version)),
            version);
    return Objects.requireNonNull(
        ValidityIndicator.byValue(Objects.requireNonNull(last.validityIndicator())));
  }

  private static ValidityIndicator macVerifyInParts(VersionedClient kmip, String uid, byte[] mac)
      throws IOException {
    ProtocolVersion version = kmip.version();
    byte[][] parts = split(MESSAGE);
    MacVerify.Response first =
        MacVerify.Response.decode(
            kmip.ok(
                Operation.MAC_VERIFY,
                new MacVerify.Request(uid, null, bytes(parts[0]), bytes(mac), null, true, null)
                    .encode(version)),
            version);
    assertThat(first.validityIndicator()).isNull();
    ByteString correlation = Objects.requireNonNull(first.correlationValue());
    kmip.ok(
        Operation.MAC_VERIFY,
        new MacVerify.Request(null, null, bytes(parts[1]), null, correlation, null, null)
            .encode(version));
    MacVerify.Response last =
        MacVerify.Response.decode(
            kmip.ok(
                Operation.MAC_VERIFY,
                new MacVerify.Request(null, null, bytes(parts[2]), null, correlation, null, true)
                    .encode(version)),
            version);
    return Objects.requireNonNull(
        ValidityIndicator.byValue(Objects.requireNonNull(last.validityIndicator())));
  }

  static Encrypt.Response encrypt(VersionedClient kmip, Encrypt.Request request)
      throws IOException {
    return Encrypt.Response.decode(
        kmip.ok(Operation.ENCRYPT, request.encode(kmip.version())), kmip.version());
  }

  static Decrypt.Response decrypt(VersionedClient kmip, Decrypt.Request request)
      throws IOException {
    return Decrypt.Response.decode(
        kmip.ok(Operation.DECRYPT, request.encode(kmip.version())), kmip.version());
  }

  static void assertRefused(ResponseBatchItem item, ResultReason reason, String field) {
    assertThat(item.resultStatus())
        .as(item.resultMessage())
        .isEqualTo(ResultStatus.OPERATION_FAILED);
    assertThat(item.resultReason()).as(item.resultMessage()).isEqualTo(reason.value());
    assertThat(item.resultMessage()).contains(field);
  }

  static String registerActive(VersionedClient kmip, ManagedObject object, Attribute... attributes)
      throws IOException {
    ProtocolVersion version = kmip.version();
    String uid =
        Register.Response.decode(
                kmip.ok(
                    Operation.REGISTER,
                    Register.Request.of(object, new Attributes(List.of(attributes), List.of()))
                        .encode(version)),
                version)
            .uniqueIdentifier();
    kmip.ok(Operation.ACTIVATE, new Activate.Request(uid).encode(version));
    return uid;
  }

  /** The private key's identifier, then the public key's. */
  private static String[] registerPair(
      VersionedClient kmip, KeyPair pair, CryptographicAlgorithm algorithm, int bits)
      throws IOException {
    String privateKey =
        registerActive(
            kmip,
            new PrivateKey(
                block(KeyFormatType.PKCS_8, pair.getPrivate().getEncoded(), algorithm, bits)),
            usage(CryptographicUsageMask.SIGN));
    String publicKey =
        registerActive(
            kmip,
            new PublicKey(
                block(KeyFormatType.X_509, pair.getPublic().getEncoded(), algorithm, bits)),
            usage(CryptographicUsageMask.VERIFY));
    return new String[] {privateKey, publicKey};
  }

  private static KeyBlock block(
      KeyFormatType format, byte[] encoded, CryptographicAlgorithm algorithm, int bits) {
    return KeyBlock.of(
        format.value(),
        KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(encoded))),
        algorithm.value(),
        bits);
  }

  static SymmetricKey symmetric(String keyHex, CryptographicAlgorithm algorithm) {
    ByteString bytes = hex(keyHex);
    return new SymmetricKey(
        KeyBlock.of(
            KeyFormatType.RAW.value(),
            KeyValue.Plain.of(new KeyMaterial.Bytes(bytes)),
            algorithm.value(),
            bytes.length() * 8));
  }

  static CryptographicParameters mode(BlockCipherMode mode, @Nullable PaddingMethod padding) {
    return new CryptographicParameters(
        mode.value(),
        padding == null ? null : padding.value(),
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
        null,
        null,
        null,
        null,
        null);
  }

  private static CryptographicParameters signing(
      @Nullable PaddingMethod padding, @Nullable Integer salt) {
    return new CryptographicParameters(
        null,
        padding == null ? null : padding.value(),
        HashingAlgorithm.SHA_256.value(),
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
        null,
        null,
        null);
  }

  /** Three unequal parts, none a whole number of blocks. */
  private static byte[][] split(byte[] data) {
    int a = Math.min(data.length, 13);
    int b = Math.min(data.length, a + 50);
    return new byte[][] {
      Arrays.copyOfRange(data, 0, a),
      Arrays.copyOfRange(data, a, b),
      Arrays.copyOfRange(data, b, data.length)
    };
  }

  private static byte[] concat(@Nullable ByteString data, @Nullable ByteString tag) {
    byte[] head = data == null ? new byte[0] : data.toByteArray();
    byte[] tail = tag == null ? new byte[0] : tag.toByteArray();
    byte[] out = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, out, head.length, tail.length);
    return out;
  }

  private static VersionedClient client(SSLContext who, String version) throws IOException {
    return new VersionedClient(who, server.port(), VersionedClient.version(version));
  }

  static ByteString bytes(byte[] data) {
    return ByteString.copyOf(data);
  }

  static ByteString hex(String hex) {
    return ByteString.copyOf(HexFormat.of().parseHex(hex));
  }
}
