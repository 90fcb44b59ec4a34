package io.arca.server.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultReason;
import io.arca.server.keys.KeyMaterial.Encoded;
import io.arca.server.keys.KeyMaterial.TransparentECPrivateKey;
import io.arca.server.keys.TestKeys.Kind;
import java.math.BigInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What KeyMaker makes, in which format, and what it refuses with which message. */
class KeyMakerTest {
  private final KeyMaker maker = new KeyMaker(TestKeys.seeded(TestKeys.SEED));

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "AES, 128, 16",
    "AES, 192, 24",
    "AES, 256, 32",
    "CHACHA20, 256, 32",
    "DES3, 168, 24",
    "DES3, 192, 24",
    "HMAC_SHA1, 160, 20",
    "HMAC_SHA224, 112, 14",
    "HMAC_SHA256, 256, 32",
    "HMAC_SHA256, 512, 64",
    "HMAC_SHA384, 384, 48",
    "HMAC_SHA512, 1024, 128"
  })
  void symmetricKeysAreRawBytesOfTheAskedLength(
      CryptographicAlgorithm algorithm, int length, int bytes) {
    try (ClearKey key = maker.symmetricKey(algorithm, length)) {
      assertThat(key.objectType()).isEqualTo(ObjectType.SYMMETRIC_KEY);
      assertThat(key.algorithm()).isEqualTo(algorithm);
      assertThat(key.length()).isEqualTo(length);
      assertThat(key.format()).isEqualTo(KeyFormatType.RAW);
      assertThat(((Encoded) key.material()).bytes().length()).isEqualTo(bytes);
    }
  }

  @Test
  void tripleDesKeysHaveOddParityInEveryByte() {
    for (int i = 0; i < 20; i++) {
      try (ClearKey key = maker.symmetricKey(CryptographicAlgorithm.DES3, 168)) {
        for (byte b : ((Encoded) key.material()).bytes().toByteArray()) {
          assertThat(Integer.bitCount(b & 0xff) % 2).as("seed %d", TestKeys.SEED).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void theSameSeedMakesTheSameKeysAndAnotherSeedOthers() {
    KeyMaker again = new KeyMaker(TestKeys.seeded(42));
    KeyMaker same = new KeyMaker(TestKeys.seeded(42));
    KeyMaker other = new KeyMaker(TestKeys.seeded(43));
    assertThat(again.symmetricKey(CryptographicAlgorithm.AES, 256))
        .isEqualTo(same.symmetricKey(CryptographicAlgorithm.AES, 256))
        .isNotEqualTo(other.symmetricKey(CryptographicAlgorithm.AES, 256));
    assertThat(again.keyPair(CryptographicAlgorithm.EC, 0, RecommendedCurve.P_256))
        .isEqualTo(same.keyPair(CryptographicAlgorithm.EC, 0, RecommendedCurve.P_256));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "AES, 100, '128, 192 or 256'",
    "AES, 0, '128, 192 or 256'",
    "DES3, 112, '168 or 192'",
    "CHACHA20, 128, '256'",
    "HMAC_SHA256, 104, '112 to 512, a multiple of 8'",
    "HMAC_SHA256, 520, '112 to 512, a multiple of 8'",
    "HMAC_SHA512, 1025, '112 to 1024, a multiple of 8'"
  })
  void symmetricLengthsOutOfRangeAreInvalidFieldNamingTheRange(
      CryptographicAlgorithm algorithm, int length, String expected) {
    assertInvalidField(
        () -> maker.symmetricKey(algorithm, length),
        "Cryptographic Length " + length + " is not valid for " + algorithm.xmlName(),
        "(expected: " + expected + ")");
  }

  @Test
  void algorithmsWithoutAGeneratorAreInvalidField() {
    assertInvalidField(
        () -> maker.symmetricKey(CryptographicAlgorithm.RSA, 2048),
        "Cryptographic Algorithm RSA is not supported for a Symmetric Key",
        "AES");
    assertInvalidField(
        () -> maker.keyPair(CryptographicAlgorithm.DSA, 2048, null),
        "Cryptographic Algorithm DSA is not supported for Create Key Pair",
        "Ed25519");
  }

  @ParameterizedTest
  @CsvSource({"512", "1000", "1028", "2049", "4104", "8192"})
  void rsaSizesOutsideTheRangeOrNotAMultipleOfEightAreRefused(int length) {
    assertInvalidField(
        () -> maker.keyPair(CryptographicAlgorithm.RSA, length, null),
        "Cryptographic Length " + length + " is not valid for RSA",
        "(expected: 1024 to 4096, a multiple of 8)");
  }

  @Test
  void rsaPairsArePkcs1WithExponent65537AndTheAskedModulus() {
    ClearKeyPair pair = TestKeys.pair(new Kind(CryptographicAlgorithm.RSA, 2048, null));
    assertThat(pair.privateKey().format()).isEqualTo(KeyFormatType.PKCS_1);
    assertThat(pair.publicKey().format()).isEqualTo(KeyFormatType.PKCS_1);
    assertThat(pair.publicKey().length()).isEqualTo(2048);
    var numbers = RsaKeys.readPrivate(pair.privateKey().material());
    assertThat(numbers.modulus().bitLength()).isEqualTo(2048);
    assertThat(numbers.publicExponent()).isEqualTo(BigInteger.valueOf(65537));
  }

  @Test
  void ecPairsAreTransparentOnTheNamedCurve() {
    ClearKeyPair pair = maker.keyPair(CryptographicAlgorithm.ECDSA, 0, RecommendedCurve.P_384);
    assertThat(pair.privateKey().format()).isEqualTo(KeyFormatType.TRANSPARENT_EC_PRIVATE_KEY);
    assertThat(pair.publicKey().format()).isEqualTo(KeyFormatType.TRANSPARENT_EC_PUBLIC_KEY);
    assertThat(pair.privateKey().length()).isEqualTo(384);
    assertThat(pair.publicKey().algorithm()).isEqualTo(CryptographicAlgorithm.ECDSA);
    assertThat(((TransparentECPrivateKey) pair.privateKey().material()).recommendedCurve())
        .isEqualTo(RecommendedCurve.P_384);
  }

  @ParameterizedTest
  @CsvSource({"224, P_224", "256, P_256", "384, P_384", "521, P_521"})
  void aLengthAloneNamesTheNistCurve(int length, RecommendedCurve curve) {
    ClearKeyPair pair = maker.keyPair(CryptographicAlgorithm.EC, length, null);
    assertThat(((TransparentECPrivateKey) pair.privateKey().material()).recommendedCurve())
        .isEqualTo(curve);
  }

  @Test
  void ecRequestsThatNameNoSupportedCurveAreRefused() {
    assertInvalidField(
        () -> maker.keyPair(CryptographicAlgorithm.EC, 300, null),
        "Recommended Curve is missing and Cryptographic Length 300 names no curve",
        "224, 256, 384 or 521");
    assertInvalidField(
        () -> maker.keyPair(CryptographicAlgorithm.EC, 384, RecommendedCurve.P_256),
        "Cryptographic Length 384 is not valid for EC",
        "256 for P_256");
    assertInvalidField(
        () -> maker.keyPair(CryptographicAlgorithm.EC, 0, RecommendedCurve.K_163),
        "Recommended Curve K_163 is not supported",
        "P_256");
  }

  @Test
  void ed25519PairsArePkcs8AndSubjectPublicKeyInfo() {
    ClearKeyPair pair = maker.keyPair(CryptographicAlgorithm.ED25519, 256, null);
    assertThat(pair.privateKey().format()).isEqualTo(KeyFormatType.PKCS_8);
    assertThat(pair.publicKey().format()).isEqualTo(KeyFormatType.X_509);
    assertInvalidField(
        () -> maker.keyPair(CryptographicAlgorithm.ED25519, 448, null),
        "Cryptographic Length 448 is not valid for Ed25519",
        "255 or 256");
  }

  @Test
  void secretDataIsRawBytesOfAByteMultiple() {
    assertThat(maker.secretData(8).bytes().length()).isEqualTo(1);
    assertThat(maker.secretData(8192).bytes().length()).isEqualTo(1024);
    assertInvalidField(() -> maker.secretData(12), "Cryptographic Length: 12", "8 to 8192");
    assertInvalidField(() -> maker.secretData(0), "Cryptographic Length: 0", "8 to 8192");
  }

  private static void assertInvalidField(ThrowingCallable call, String message, String more) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD))
        .hasMessageContaining(message)
        .hasMessageContaining(more);
  }
}
