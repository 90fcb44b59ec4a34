package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sign and Signature Verify on SoftHSM2, checked against the JDK: what the HSM signs the JDK
 * verifies, and the reverse, for RSA PKCS#1 v1.5 and PSS and ECDSA on every curve, over data and
 * over a digest.
 */
class SignatureIT extends FreshSoftHsm2Slot {

  private static final byte[] DATA =
      "the message a KMIP client signs".getBytes(StandardCharsets.UTF_8);

  private static String rsa;
  private static final Map<EcCurve, String> EC = new EnumMap<>(EcCurve.class);

  @BeforeAll
  static void makeKeys() {
    rsa = label("sign-rsa");
    slot().generateRsa(rsa, 2048, false);
    for (EcCurve curve : EcCurve.values()) {
      String label = label("sign-" + curve);
      slot().generateEc(label, curve, false);
      EC.put(curve, label);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = SignatureAlgorithm.class,
      names = {"RSA_.*"},
      mode = EnumSource.Mode.MATCH_ANY)
  void rsaSignatureOfTheHsmVerifiesInTheJdkAndTheReverse(SignatureAlgorithm algorithm)
      throws Exception {
    crossCheck(rsa, algorithm);
  }

  @ParameterizedTest
  @EnumSource(
      value = SignatureAlgorithm.class,
      names = {"ECDSA_.*"},
      mode = EnumSource.Mode.MATCH_ANY)
  void ecdsaSignatureOfTheHsmIsDerThatTheJdkVerifiesOnEveryCurve(SignatureAlgorithm algorithm)
      throws Exception {
    for (EcCurve curve : EcCurve.values()) {
      crossCheck(ec(curve), algorithm);
    }
  }

  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void signatureOverADigestVerifiesAsOneOverTheData(SignatureAlgorithm algorithm) throws Exception {
    String label = algorithm.scheme() == SignatureAlgorithm.Scheme.ECDSA ? ec(EcCurve.P_384) : rsa;
    byte[] digest =
        java.security.MessageDigest.getInstance(algorithm.hash().jcaName()).digest(DATA);

    byte[] signature = slot().signDigest(label, algorithm, digest);

    assertThat(jdk(algorithm, publicKey(label), DATA, signature)).isTrue();
    assertThat(slot().verifyDigest(label + "_pk", algorithm, digest, signature)).isTrue();
    assertThat(slot().verify(label + "_pk", algorithm, DATA, signature)).isTrue();
    assertFails(
        HsmException.Kind.INVALID_ARGUMENT,
        "digest length: 20 (expected: " + algorithm.hash().length() + ")",
        () -> slot().signDigest(label, algorithm, new byte[20]));
  }

  @Test
  void pkcs1SignatureIsTheSameAsTheJdksAndTamperingIsDetected() throws Exception {
    byte[] hsm = slot().sign(rsa, SignatureAlgorithm.RSA_PKCS1_V1_5_SHA256, DATA);
    Signature jdk = Signature.getInstance("SHA256withRSA");
    jdk.initSign(privateKey(rsa, "RSA"));
    jdk.update(DATA);

    // PKCS#1 v1.5 is deterministic: the same key and data give the same bytes.
    assertThat(hsm).isEqualTo(jdk.sign());
    byte[] other = DATA.clone();
    other[0] ^= 1;
    assertThat(slot().verify(rsa + "_pk", SignatureAlgorithm.RSA_PKCS1_V1_5_SHA256, other, hsm))
        .isFalse();
    assertThat(
            slot().verify(rsa + "_pk", SignatureAlgorithm.RSA_PKCS1_V1_5_SHA256, DATA, new byte[3]))
        .isFalse();
  }

  @Test
  void malformedOrForeignEcdsaSignaturesAreInvalidNotErrors() throws Exception {
    String p256 = ec(EcCurve.P_256);
    byte[] der = slot().sign(p256, SignatureAlgorithm.ECDSA_SHA256, DATA);
    byte[] raw = EcdsaSignatures.toRaw(der, EcCurve.P_256).orElseThrow();

    assertThat(slot().verify(p256 + "_pk", SignatureAlgorithm.ECDSA_SHA256, DATA, der)).isTrue();
    // The token's own r || s form is not what this API takes.
    assertThat(slot().verify(p256 + "_pk", SignatureAlgorithm.ECDSA_SHA256, DATA, raw)).isFalse();
    assertThat(slot().verify(p256 + "_pk", SignatureAlgorithm.ECDSA_SHA256, DATA, new byte[0]))
        .isFalse();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair stranger = generator.generateKeyPair();
    Signature jdk = Signature.getInstance("SHA256withECDSA");
    jdk.initSign(stranger.getPrivate());
    jdk.update(DATA);
    assertThat(slot().verify(p256 + "_pk", SignatureAlgorithm.ECDSA_SHA256, DATA, jdk.sign()))
        .isFalse();
  }

  @Test
  void keysOfTheWrongKindAreRefusedBeforeReachingTheToken() {
    String aes = label("sign-aes");
    slot().generateAes(aes, 256, true);
    String p256 = ec(EcCurve.P_256);
    long signs = slot().calls(HsmCall.SIGN);

    assertFails(
        HsmException.Kind.INVALID_KEY,
        "'" + aes + "' is an AES secret key (expected: an EC private key for ECDSA_SHA256)",
        () -> slot().sign(aes, SignatureAlgorithm.ECDSA_SHA256, DATA));
    assertFails(
        HsmException.Kind.INVALID_KEY,
        "(expected: an RSA private key for RSA_PSS_SHA256)",
        () -> slot().sign(p256, SignatureAlgorithm.RSA_PSS_SHA256, DATA));
    assertFails(
        HsmException.Kind.INVALID_KEY,
        "(expected: an EC private key for ECDSA_SHA256)",
        () -> slot().sign(p256 + "_pk", SignatureAlgorithm.ECDSA_SHA256, DATA));
    assertFails(
        HsmException.Kind.INVALID_KEY,
        "(expected: an EC public key for ECDSA_SHA256, e.g. '" + p256 + "_pk')",
        () -> slot().verify(p256, SignatureAlgorithm.ECDSA_SHA256, DATA, new byte[8]));
    assertFails(
        HsmException.Kind.KEY_NOT_FOUND,
        "holds no key labelled",
        () -> slot().sign(label("absent"), SignatureAlgorithm.ECDSA_SHA256, DATA));
    assertThat(slot().calls(HsmCall.SIGN)).isEqualTo(signs);
  }

  private static String ec(EcCurve curve) {
    return java.util.Objects.requireNonNull(EC.get(curve), "no key on " + curve);
  }

  private static void crossCheck(String label, SignatureAlgorithm algorithm) throws Exception {
    PublicKey publicKey = publicKey(label);

    byte[] byHsm = slot().sign(label, algorithm, DATA);
    assertThat(jdk(algorithm, publicKey, DATA, byHsm)).as(algorithm + " " + label).isTrue();
    assertThat(slot().verify(label + "_pk", algorithm, DATA, byHsm)).isTrue();

    Signature signer = jdkSignature(algorithm);
    signer.initSign(privateKey(label, publicKey.getAlgorithm()));
    signer.update(DATA);
    byte[] byJdk = signer.sign();
    assertThat(slot().verify(label + "_pk", algorithm, DATA, byJdk))
        .as(algorithm + " " + label)
        .isTrue();

    byte[] tampered = byJdk.clone();
    tampered[tampered.length - 1] ^= 1;
    assertThat(slot().verify(label + "_pk", algorithm, DATA, tampered)).isFalse();
  }

  private static boolean jdk(
      SignatureAlgorithm algorithm, PublicKey key, byte[] data, byte[] signature) throws Exception {
    Signature verifier = jdkSignature(algorithm);
    verifier.initVerify(key);
    verifier.update(data);
    return verifier.verify(signature);
  }

  private static Signature jdkSignature(SignatureAlgorithm algorithm) throws Exception {
    String hash = algorithm.hash().jcaName().replace("-", "");
    return switch (algorithm.scheme()) {
      case RSA_PKCS1_V1_5 -> Signature.getInstance(hash + "withRSA");
      case ECDSA -> Signature.getInstance(hash + "withECDSA");
      case RSA_PSS -> {
        Signature pss = Signature.getInstance("RSASSA-PSS");
        String name = algorithm.hash().jcaName();
        pss.setParameter(
            new PSSParameterSpec(
                name, "MGF1", new MGF1ParameterSpec(name), algorithm.hash().length(), 1));
        yield pss;
      }
    };
  }

  private static PublicKey publicKey(String label) throws Exception {
    byte[] spki = slot().exportPublicKey(label + "_pk");
    String type = slot().info(label).algorithm() == HsmKeyInfo.KeyAlgorithm.EC ? "EC" : "RSA";
    return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(spki));
  }

  private static PrivateKey privateKey(String label, String type) throws Exception {
    return KeyFactory.getInstance(type)
        .generatePrivate(new PKCS8EncodedKeySpec(slot().exportValue(label)));
  }
}
