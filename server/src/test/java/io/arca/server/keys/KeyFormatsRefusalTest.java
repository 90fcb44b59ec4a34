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
import io.arca.server.keys.KeyMaterial.TransparentECPrivateKey;
import io.arca.server.keys.KeyMaterial.TransparentECPublicKey;
import io.arca.server.keys.KeyMaterial.TransparentRSAPrivateKey;
import io.arca.server.keys.TestKeys.Kind;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad key material becomes one precise {@link KmipException}: the Result Reason a client can act on
 * and a message naming the format and the problem, never a Bouncy Castle exception and never a key
 * byte. Mutated encodings of every kind are fuzzed with a seed that the failure prints.
 */
class KeyFormatsRefusalTest {
  private static final int MUTATIONS = Integer.getInteger("arca.keys.mutations", 200);
  private static final Kind RSA = new Kind(CryptographicAlgorithm.RSA, 1024, null);
  private static final Kind P256 = new Kind(CryptographicAlgorithm.EC, 0, RecommendedCurve.P_256);
  private static final Kind ED25519 = new Kind(CryptographicAlgorithm.ED25519, 0, null);

  static Stream<Kind> kinds() {
    return TestKeys.KINDS.stream().filter(k -> k.length() != 4096 && k.length() != 3072);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void truncatedDerIsInvalidFieldNamingTheFormat(Kind kind) {
    ClearKeyPair pair = TestKeys.pair(kind);
    for (ClearKey key : new ClearKey[] {pair.privateKey(), pair.publicKey()}) {
      for (KeyFormatType format : derFormats(key)) {
        byte[] der = encoded(key, format);
        for (int length : new int[] {0, 1, 2, der.length / 2, der.length - 1}) {
          ClearKey truncated = withBytes(key, format, Arrays.copyOf(der, length));
          assertInvalidField(
              () -> KeyFormats.check(truncated), format.xmlName(), kind + " cut to " + length);
        }
        ClearKey cut = withBytes(key, format, Arrays.copyOf(der, der.length - 1));
        assertThatThrownBy(() -> KeyFormats.check(cut)).hasMessageContaining("truncated DER");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void mutatedEncodingsOnlyEverRaiseKmipException(Kind kind) {
    ClearKeyPair pair = TestKeys.pair(kind);
    long seed = TestKeys.SEED + kind.toString().hashCode();
    Random random = new Random(seed);
    int refused = 0;
    int tried = 0;
    for (ClearKey key : new ClearKey[] {pair.privateKey(), pair.publicKey()}) {
      for (KeyFormatType format : derFormats(key)) {
        byte[] der = encoded(key, format);
        for (int i = 0; i < MUTATIONS; i++) {
          byte[] mutated = der.clone();
          int flips = 1 + random.nextInt(3);
          for (int f = 0; f < flips; f++) {
            // Mostly the headers, where the lengths and OIDs are; sometimes anywhere.
            int range = random.nextBoolean() ? 1 + random.nextInt(24) : mutated.length;
            int at = random.nextInt(Math.min(mutated.length, range));
            mutated[at] = (byte) random.nextInt(256);
          }
          tried++;
          try {
            KeyFormats.toDefaultFormat(withBytes(key, format, mutated)).close();
          } catch (KmipException e) {
            refused++;
            assertThat(e.reason())
                .as("%s %s mutation %d, seed %d: %s", kind, format, i, seed, e.getMessage())
                .isIn(ResultReason.INVALID_FIELD, ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED);
          } catch (RuntimeException e) {
            throw new AssertionError(
                kind + " " + format + " mutation " + i + ", seed " + seed + ": " + e, e);
          }
        }
      }
    }
    // Mutating the headers must be caught most of the time, or the checks are not reached.
    assertThat(refused).as("refused of %d, seed %d", tried, seed).isGreaterThan(tried / 2);
  }

  @Test
  void conversionsThatMakeNoSenseNameBothFormats() {
    ClearKey rsa = TestKeys.pair(RSA).privateKey();
    assertThatThrownBy(() -> KeyFormats.convert(rsa, KeyFormatType.RAW))
        .isInstanceOfSatisfying(
            KmipException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED))
        .hasMessageContaining("from PKCS_1 to Raw")
        .hasMessageContaining("RSA private keys");
    ClearKey ecPublic = TestKeys.pair(P256).publicKey();
    assertThatThrownBy(() -> KeyFormats.convert(ecPublic, KeyFormatType.PKCS_1))
        .hasMessageContaining("from TransparentECPublicKey to PKCS_1");
    try (ClearKey aes =
        new KeyMaker(TestKeys.seeded(1)).symmetricKey(CryptographicAlgorithm.AES, 128)) {
      assertThatThrownBy(() -> KeyFormats.convert(aes, KeyFormatType.PKCS_8))
          .hasMessageContaining("symmetric keys cannot be converted from Raw to PKCS_8");
    }
    ClearKey dsa = withBytes(rsa, KeyFormatType.PKCS_8, new byte[] {1, 2, 3});
    ClearKey unknown =
        new ClearKey(ObjectType.PRIVATE_KEY, CryptographicAlgorithm.DSA, 2048, dsa.material());
    assertThatThrownBy(() -> KeyFormats.convert(unknown, KeyFormatType.PKCS_1))
        .isInstanceOfSatisfying(
            KmipException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED))
        .hasMessageContaining("DSA cannot be converted from PKCS_8 to PKCS_1");
    try (ClearKey same = KeyFormats.convert(unknown, KeyFormatType.PKCS_8)) {
      assertThat(same).isEqualTo(unknown);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void everyFormatAKindDoesNotSupportIsRefusedByName(Kind kind) {
    ClearKeyPair pair = TestKeys.pair(kind);
    for (ClearKey key : new ClearKey[] {pair.privateKey(), pair.publicKey()}) {
      var supported = KeyFormats.supportedFormats(key.objectType(), key.algorithm());
      for (KeyFormatType target : KeyFormatType.values()) {
        if (!supported.contains(target)) {
          assertThatThrownBy(() -> KeyFormats.convert(key, target))
              .as("%s %s to %s", kind, key.objectType(), target)
              .isInstanceOfSatisfying(
                  KmipException.class,
                  e -> assertThat(e.reason()).isEqualTo(ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED))
              .hasMessageContaining("to " + target.xmlName());
        }
      }
    }
  }

  @Test
  void anEd25519PublicKeyThatIsNoPointIsRefused() {
    byte[] notAPoint = new byte[32];
    Arrays.fill(notAPoint, (byte) 0xff);
    notAPoint[31] = 0x7f; // y = 2^255 - 1, above the field prime
    ClearKey ed = TestKeys.pair(ED25519).publicKey();
    assertInvalidField(
        () -> KeyFormats.check(withBytes(ed, KeyFormatType.RAW, notAPoint)),
        "not a valid Ed25519 point",
        "y >= p");
  }

  @Test
  void keyMaterialOfAnotherAlgorithmIsRefused() {
    byte[] rsaPkcs8 = encoded(TestKeys.pair(RSA).privateKey(), KeyFormatType.PKCS_8);
    ClearKey asEc = withBytes(TestKeys.pair(P256).privateKey(), KeyFormatType.PKCS_8, rsaPkcs8);
    assertInvalidField(() -> KeyFormats.check(asEc), "expected: id-ecPublicKey", "RSA as EC");
    ClearKey asEd = withBytes(TestKeys.pair(ED25519).privateKey(), KeyFormatType.PKCS_8, rsaPkcs8);
    assertInvalidField(() -> KeyFormats.check(asEd), "expected: id-Ed25519", "RSA as Ed25519");
    byte[] ecSpki = encoded(TestKeys.pair(P256).publicKey(), KeyFormatType.X_509);
    ClearKey asRsa = withBytes(TestKeys.pair(RSA).publicKey(), KeyFormatType.X_509, ecSpki);
    assertInvalidField(() -> KeyFormats.check(asRsa), "expected: rsaEncryption", "EC as RSA");
  }

  @Test
  void rsaNumbersThatDoNotBelongTogetherAreRefused() {
    TransparentRSAPrivateKey good = RsaKeys.readPrivate(TestKeys.pair(RSA).privateKey().material());
    BigInteger otherPrime = good.p().nextProbablePrime();
    assertInvalidField(
        () -> RsaKeys.check(with(good, otherPrime, good.crtCoefficient()), "t"),
        "p * q is not the modulus",
        "p");
    assertInvalidField(
        () -> RsaKeys.check(with(good, good.p(), good.crtCoefficient().add(BigInteger.ONE)), "t"),
        "CRT coefficient",
        "qInv");
    ClearKey wrongExponent =
        new ClearKey(
            ObjectType.PRIVATE_KEY,
            CryptographicAlgorithm.RSA,
            1024,
            new TransparentRSAPrivateKey(
                good.modulus(),
                good.privateExponent(),
                BigInteger.valueOf(3),
                good.p(),
                good.q(),
                good.primeExponentP(),
                good.primeExponentQ(),
                good.crtCoefficient()));
    assertInvalidField(
        () -> KeyFormats.check(wrongExponent), "does not invert the public exponent", "e");
  }

  @Test
  void ecValuesOffTheCurveOrOutOfRangeAreRefused() {
    ClearKey p256 = TestKeys.pair(P256).privateKey();
    BigInteger n = EcCurve.P_256.parameters().getN();
    for (BigInteger d : new BigInteger[] {BigInteger.ZERO, n, n.add(BigInteger.ONE)}) {
      ClearKey bad = ec(p256, new TransparentECPrivateKey(RecommendedCurve.P_256, d));
      assertInvalidField(() -> KeyFormats.check(bad), "out of range for P_256", "d");
    }
    byte[] point = EcCurve.P_256.publicPoint(BigInteger.TWO);
    point[point.length - 1] ^= 1;
    ClearKey offCurve =
        ec(
            TestKeys.pair(P256).publicKey(),
            new TransparentECPublicKey(RecommendedCurve.P_256, ByteString.copyOf(point)));
    assertInvalidField(() -> KeyFormats.check(offCurve), "public point", "off the curve");
    ClearKey k163 = ec(p256, new TransparentECPrivateKey(RecommendedCurve.K_163, BigInteger.TWO));
    assertInvalidField(() -> KeyFormats.check(k163), "K_163 is not supported", "curve");
  }

  @Test
  void anEcPrivateKeyThatHidesItsCurveOrCarriesAForeignPointIsRefused() throws Exception {
    BigInteger d = BigInteger.valueOf(12345);
    byte[] noCurve = new ECPrivateKey(256, d, null).getEncoded();
    ClearKey p256 = TestKeys.pair(P256).privateKey();
    assertInvalidField(
        () -> KeyFormats.check(withBytes(p256, KeyFormatType.ECPRIVATEKEY, noCurve)),
        "does not name its curve",
        "no parameters");
    byte[] pkcs8 = encoded(p256, KeyFormatType.PKCS_8);
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(pkcs8);
    ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
    byte[] foreign =
        new PrivateKeyInfo(
                info.getPrivateKeyAlgorithm(),
                new ECPrivateKey(
                    256,
                    inner.getKey(),
                    new org.bouncycastle.asn1.DERBitString(EcCurve.P_256.publicPoint(d)),
                    null))
            .getEncoded();
    assertInvalidField(
        () -> KeyFormats.check(withBytes(p256, KeyFormatType.PKCS_8, foreign)),
        "does not belong to the private value",
        "foreign point");
  }

  @Test
  void ed25519KeysOfTheWrongLengthAreRefused() {
    ClearKey ed = TestKeys.pair(ED25519).privateKey();
    assertInvalidField(
        () -> KeyFormats.check(withBytes(ed, KeyFormatType.RAW, new byte[31])),
        "31 bytes (expected: 32)",
        "31");
  }

  @Test
  void structuredFormatsCannotHoldAByteString() {
    assertThatThrownBy(
            () -> new Encoded(KeyFormatType.TRANSPARENT_RSA_PUBLIC_KEY, ByteString.empty()))
        .isInstanceOfSatisfying(
            KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD));
  }

  @Test
  void aPublicKeyOfAnotherPairIsNoPair() {
    Kind other = new Kind(CryptographicAlgorithm.RSA, 2048, null);
    assertThat(KeyFormats.isPair(TestKeys.pair(RSA).privateKey(), TestKeys.pair(other).publicKey()))
        .isFalse();
    assertThat(KeyFormats.isPair(TestKeys.pair(RSA).privateKey(), TestKeys.pair(P256).publicKey()))
        .isFalse();
  }

  private static TransparentRSAPrivateKey with(
      TransparentRSAPrivateKey k, BigInteger p, BigInteger crt) {
    return new TransparentRSAPrivateKey(
        k.modulus(),
        k.privateExponent(),
        k.publicExponent(),
        p,
        k.q(),
        k.primeExponentP(),
        k.primeExponentQ(),
        crt);
  }

  private static ClearKey ec(ClearKey like, KeyMaterial material) {
    return new ClearKey(like.objectType(), like.algorithm(), like.length(), material);
  }

  private static void assertInvalidField(ThrowingCallable call, String message, String context) {
    assertThatThrownBy(call)
        .as(context + ", seed " + TestKeys.SEED)
        .isInstanceOfSatisfying(
            KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD))
        .hasMessageContaining(message);
  }

  static KeyFormatType[] derFormats(ClearKey key) {
    return TestKeys.formats(key.objectType(), key.algorithm()).stream()
        .filter(f -> f != KeyFormatType.RAW && Encoded.FORMATS.contains(f))
        .toArray(KeyFormatType[]::new);
  }

  static byte[] encoded(ClearKey key, KeyFormatType format) {
    try (ClearKey converted = KeyFormats.convert(key, format)) {
      return ((Encoded) converted.material()).bytes().toByteArray();
    }
  }

  static ClearKey withBytes(ClearKey like, KeyFormatType format, byte[] bytes) {
    return new ClearKey(
        like.objectType(),
        like.algorithm(),
        like.length(),
        new Encoded(format, ByteString.copyOf(bytes)));
  }
}
