package io.arca.server.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.keys.KeyMaterial.Encoded;
import io.arca.server.keys.TestKeys.Kind;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Objects;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JCA bridge, and the encodings checked against the JDK's own: keys that come out of KeyFactory
 * sign and verify, SubjectPublicKeyInfo output is byte for byte the JDK's, and keys the JDK made
 * survive every conversion and come back as the JDK wrote them.
 */
class JcaKeysTest {
  private static final byte[] MESSAGE = "attack at dawn".getBytes(StandardCharsets.UTF_8);

  static Stream<Kind> kinds() {
    return TestKeys.KINDS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void jcaKeysFromEveryKindSignAndVerify(Kind kind) throws Exception {
    ClearKeyPair pair = TestKeys.pair(kind);
    PrivateKey privateKey = JcaKeys.privateKey(pair.privateKey());
    PublicKey publicKey = JcaKeys.publicKey(pair.publicKey());

    Signature signer = signature(kind);
    signer.initSign(privateKey);
    signer.update(MESSAGE);
    byte[] signature = signer.sign();
    Signature verifier = signature(kind);
    verifier.initVerify(publicKey);
    verifier.update(MESSAGE);
    assertThat(verifier.verify(signature)).as("%s, seed %d", kind, TestKeys.SEED).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void ourSubjectPublicKeyInfoIsTheJcaKeysOwnEncoding(Kind kind) {
    ClearKeyPair pair = TestKeys.pair(kind);
    try (ClearKey spki = KeyFormats.convert(pair.publicKey(), KeyFormatType.X_509);
        ClearKey pkcs8 = KeyFormats.convert(pair.privateKey(), KeyFormatType.PKCS_8)) {
      assertThat(JcaKeys.publicKey(pair.publicKey()).getEncoded()).isEqualTo(bytes(spki));
      // The JDK's own PKCS#8 for EC differs in optional fields; the key it holds must not.
      try (ClearKey reread =
          KeyFormats.convert(
              new ClearKey(
                  ObjectType.PRIVATE_KEY,
                  pair.privateKey().algorithm(),
                  pair.privateKey().length(),
                  new Encoded(
                      KeyFormatType.PKCS_8,
                      ByteString.copyOf(JcaKeys.privateKey(pair.privateKey()).getEncoded()))),
              KeyFormatType.PKCS_8)) {
        assertThat(reread).isEqualTo(pkcs8);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void jcaKeysComeBackAsTheClearKeysTheyWereMadeFrom(Kind kind) {
    ClearKeyPair pair = TestKeys.pair(kind);
    try (ClearKey privateKey =
            JcaKeys.fromJca(JcaKeys.privateKey(pair.privateKey()), kind.algorithm());
        ClearKey publicKey =
            JcaKeys.fromJca(JcaKeys.publicKey(pair.publicKey()), kind.algorithm())) {
      assertThat(privateKey).as("%s, seed %d", kind, TestKeys.SEED).isEqualTo(pair.privateKey());
      assertThat(publicKey).as("%s, seed %d", kind, TestKeys.SEED).isEqualTo(pair.publicKey());
    }
    try (ClearKey hmac =
            new KeyMaker(TestKeys.seeded(TestKeys.SEED))
                .symmetricKey(CryptographicAlgorithm.HMAC_SHA256, 256);
        ClearKey back =
            JcaKeys.fromJca(JcaKeys.secretKey(hmac), CryptographicAlgorithm.HMAC_SHA256)) {
      assertThat(back).isEqualTo(hmac);
    }
  }

  @Test
  void keysTheJdkMadeComeBackAsTheJdkEncodedThem() throws Exception {
    jdkRoundTrip("RSA", null, CryptographicAlgorithm.RSA, true);
    jdkRoundTrip("EC", "secp256r1", CryptographicAlgorithm.EC, false);
    jdkRoundTrip("EC", "secp521r1", CryptographicAlgorithm.ECDSA, false);
    jdkRoundTrip("Ed25519", null, CryptographicAlgorithm.ED25519, true);
  }

  private static void jdkRoundTrip(
      String jdkName, @Nullable String curve, CryptographicAlgorithm algorithm, boolean samePkcs8)
      throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(jdkName);
    if (curve != null) {
      generator.initialize(new ECGenParameterSpec(curve), TestKeys.seeded(TestKeys.SEED));
    } else if (jdkName.equals("RSA")) {
      generator.initialize(2048, TestKeys.seeded(TestKeys.SEED));
    }
    KeyPair jdk = generator.generateKeyPair();
    ClearKey privateKey =
        new ClearKey(
            ObjectType.PRIVATE_KEY,
            algorithm,
            0,
            new Encoded(KeyFormatType.PKCS_8, ByteString.copyOf(jdk.getPrivate().getEncoded())));
    ClearKey publicKey =
        new ClearKey(
            ObjectType.PUBLIC_KEY,
            algorithm,
            0,
            new Encoded(KeyFormatType.X_509, ByteString.copyOf(jdk.getPublic().getEncoded())));
    assertThat(KeyFormats.isPair(privateKey, publicKey)).as(jdkName).isTrue();
    for (KeyFormatType format : TestKeys.formats(ObjectType.PRIVATE_KEY, algorithm)) {
      try (ClearKey there = KeyFormats.convert(privateKey, format);
          ClearKey back = KeyFormats.convert(there, KeyFormatType.PKCS_8)) {
        if (samePkcs8) {
          assertThat(bytes(back))
              .as("%s via %s", jdkName, format)
              .isEqualTo(jdk.getPrivate().getEncoded());
        }
        PrivateKey ours = JcaKeys.privateKey(back);
        if (ours instanceof ECPrivateKey ec) {
          // The JDK's EC keys compare by encoding, and its PKCS#8 omits the optional public point.
          assertThat(ec.getS())
              .as("%s via %s", jdkName, format)
              .isEqualTo(((ECPrivateKey) jdk.getPrivate()).getS());
        } else {
          assertThat(ours).as("%s via %s", jdkName, format).isEqualTo(jdk.getPrivate());
        }
      }
    }
    for (KeyFormatType format : TestKeys.formats(ObjectType.PUBLIC_KEY, algorithm)) {
      try (ClearKey there = KeyFormats.convert(publicKey, format);
          ClearKey back = KeyFormats.convert(there, KeyFormatType.X_509)) {
        assertThat(bytes(back))
            .as("%s via %s", jdkName, format)
            .isEqualTo(jdk.getPublic().getEncoded());
      }
    }
  }

  @Test
  void jcaKeysHaveTheJdkTypesTheCryptoCodeExpects() {
    Kind rsa = new Kind(CryptographicAlgorithm.RSA, 1024, null);
    Kind p256 = new Kind(CryptographicAlgorithm.EC, 0, RecommendedCurve.P_256);
    Kind ed = new Kind(CryptographicAlgorithm.ED25519, 0, null);
    assertThat(JcaKeys.toJca(TestKeys.pair(rsa).privateKey())).isInstanceOf(RSAPrivateCrtKey.class);
    assertThat(JcaKeys.toJca(TestKeys.pair(p256).publicKey())).isInstanceOf(ECPublicKey.class);
    assertThat(JcaKeys.toJca(TestKeys.pair(ed).privateKey())).isInstanceOf(EdECPrivateKey.class);
  }

  @Test
  void symmetricKeysWorkInTheJdkCiphersAndMacs() throws Exception {
    KeyMaker maker = new KeyMaker(TestKeys.seeded(TestKeys.SEED));
    try (ClearKey aes = maker.symmetricKey(CryptographicAlgorithm.AES, 256);
        ClearKey des3 = maker.symmetricKey(CryptographicAlgorithm.DES3, 168);
        ClearKey hmac = maker.symmetricKey(CryptographicAlgorithm.HMAC_SHA384, 384)) {
      SecretKey aesKey = JcaKeys.secretKey(aes);
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, new byte[12]));
      byte[] sealed = gcm.doFinal(MESSAGE);
      gcm.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(128, new byte[12]));
      assertThat(gcm.doFinal(sealed)).isEqualTo(MESSAGE);

      Cipher desede = Cipher.getInstance("DESede/ECB/PKCS5Padding");
      desede.init(Cipher.ENCRYPT_MODE, JcaKeys.secretKey(des3));
      assertThat(desede.doFinal(MESSAGE)).hasSize(16);

      SecretKey hmacKey = JcaKeys.secretKey(hmac);
      assertThat(hmacKey.getAlgorithm()).isEqualTo("HmacSHA384");
      Mac mac = Mac.getInstance(hmacKey.getAlgorithm());
      mac.init(hmacKey);
      assertThat(mac.doFinal(MESSAGE)).hasSize(48);
    }
  }

  @Test
  void aKeyOfTheWrongObjectTypeIsRefused() {
    ClearKey publicKey =
        TestKeys.pair(new Kind(CryptographicAlgorithm.RSA, 1024, null)).publicKey();
    assertThatThrownBy(() -> JcaKeys.privateKey(publicKey))
        .isInstanceOfSatisfying(
            KmipException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_OBJECT_TYPE));
    assertThatThrownBy(() -> JcaKeys.secretKey(publicKey)).isInstanceOf(KmipException.class);
  }

  private static Signature signature(Kind kind) throws Exception {
    return switch (kind.algorithm()) {
      case RSA -> Signature.getInstance("SHA256withRSA");
      case ED25519 -> Signature.getInstance("Ed25519");
      default ->
          EcCurve.of(Objects.requireNonNull(kind.curve())).inJdk()
              ? Signature.getInstance("SHA256withECDSA")
              : Signature.getInstance("SHA256withECDSA", new BouncyCastleProvider());
    };
  }

  private static byte[] bytes(ClearKey key) {
    return ((Encoded) key.material()).bytes().toByteArray();
  }
}
