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
import io.arca.server.keys.KeyMaterial.TransparentSymmetricKey;
import io.arca.server.keys.TestKeys.Kind;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Wiping, printing and the Digest: the secrets rules of STYLE.md applied to key material. */
class KeyMaterialTest {
  private static final byte[] SENTINEL =
      HexFormat.of().parseHex("5e47196e15e47196e15e47196e15e4715e47196e15e47196e15e47196e15e471");

  @Test
  void closingAKeyZeroesItsBytes() {
    ByteString bytes = ByteString.copyOf(SENTINEL);
    ClearKey key =
        new ClearKey(
            ObjectType.SYMMETRIC_KEY,
            CryptographicAlgorithm.AES,
            256,
            new Encoded(KeyFormatType.RAW, bytes));
    key.close();
    assertThat(bytes.toByteArray()).containsOnly(0);

    ByteString transparent = ByteString.copyOf(SENTINEL);
    new TransparentSymmetricKey(transparent).close();
    assertThat(transparent.toByteArray()).containsOnly(0);
  }

  @Test
  void closingAPairZeroesBothHalves() {
    ClearKeyPair pair =
        new KeyMaker(TestKeys.seeded(TestKeys.SEED))
            .keyPair(CryptographicAlgorithm.ED25519, 0, null);
    ByteString privateBytes = ((Encoded) pair.privateKey().material()).bytes();
    ByteString publicBytes = ((Encoded) pair.publicKey().material()).bytes();
    pair.close();
    assertThat(privateBytes.toByteArray()).containsOnly(0);
    assertThat(publicBytes.toByteArray()).containsOnly(0);
  }

  @Test
  void aConvertedKeySharesNoBytesWithItsSource() {
    for (KeyFormatType format :
        new KeyFormatType[] {KeyFormatType.RAW, KeyFormatType.TRANSPARENT_SYMMETRIC_KEY}) {
      ClearKey source = aesKey();
      ClearKey converted = KeyFormats.convert(source, format);
      try (ClearKey copy = KeyFormats.convert(converted, KeyFormatType.RAW)) {
        source.close();
        converted.close();
        assertThat(((Encoded) copy.material()).bytes().toByteArray()).isEqualTo(SENTINEL);
      }
    }
    Kind ed = new Kind(CryptographicAlgorithm.ED25519, 0, null);
    ClearKey shared = TestKeys.pair(ed).privateKey();
    KeyFormats.convert(shared, KeyFormatType.RAW).close();
    KeyFormats.convert(shared, KeyFormatType.PKCS_8).close();
    KeyFormats.publicKeyOf(shared).close();
    assertThat(((Encoded) shared.material()).bytes().toByteArray()).isNotEqualTo(new byte[48]);
    KeyFormats.check(shared);
  }

  @Test
  void noStringFormShowsKeyBytesOrNumbers() {
    String hex = HexFormat.of().formatHex(SENTINEL);
    for (KeyFormatType format :
        new KeyFormatType[] {KeyFormatType.RAW, KeyFormatType.TRANSPARENT_SYMMETRIC_KEY}) {
      try (ClearKey key = KeyFormats.convert(aesKey(), format)) {
        assertThat(key.toString())
            .doesNotContainIgnoringCase(hex)
            .doesNotContain(new BigInteger(1, SENTINEL).toString())
            .contains("length=32");
      }
    }
    for (Kind kind : TestKeys.KINDS.subList(0, 1)) {
      ClearKeyPair pair = TestKeys.pair(kind);
      var rsa = RsaKeys.readPrivate(pair.privateKey().material());
      try (ClearKey transparent =
          KeyFormats.convert(pair.privateKey(), KeyFormatType.TRANSPARENT_RSA_PRIVATE_KEY)) {
        String text = transparent.toString() + pair;
        for (BigInteger secret : new BigInteger[] {rsa.privateExponent(), rsa.p(), rsa.q()}) {
          assertThat(text)
              .doesNotContain(secret.toString())
              .doesNotContainIgnoringCase(secret.toString(16));
        }
        assertThat(text).contains("modulusBits=1024");
      }
    }
    BigInteger d = new BigInteger(1, SENTINEL);
    assertThat(new TransparentECPrivateKey(RecommendedCurve.P_256, d).toString())
        .doesNotContain(d.toString())
        .doesNotContainIgnoringCase(hex);
  }

  @Test
  void errorMessagesAboutBadKeysQuoteNoBytes() {
    byte[] bad = new byte[40];
    System.arraycopy(SENTINEL, 0, bad, 2, SENTINEL.length);
    bad[0] = 0x30;
    bad[1] = 0x26;
    ClearKey key =
        new ClearKey(
            ObjectType.PRIVATE_KEY,
            CryptographicAlgorithm.RSA,
            2048,
            new Encoded(KeyFormatType.PKCS_1, ByteString.copyOf(bad)));
    assertThatThrownBy(() -> KeyFormats.check(key))
        .message()
        .doesNotContainIgnoringCase(HexFormat.of().formatHex(SENTINEL, 0, 4))
        .contains("PKCS_1 RSA private key");
  }

  @Test
  void onlyKeyObjectsWithANonNegativeLengthMakeAClearKey() {
    Encoded raw = new Encoded(KeyFormatType.RAW, ByteString.copyOf(SENTINEL));
    assertThatThrownBy(
            () -> new ClearKey(ObjectType.CERTIFICATE, CryptographicAlgorithm.RSA, 0, raw))
        .isInstanceOfSatisfying(
            KmipException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_OBJECT_TYPE))
        .hasMessageContaining("Certificate");
    assertThatThrownBy(
            () -> new ClearKey(ObjectType.SYMMETRIC_KEY, CryptographicAlgorithm.AES, -8, raw))
        .isInstanceOfSatisfying(
            KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD))
        .hasMessageContaining("Cryptographic Length: -8");
  }

  @Test
  void theDigestOfRawMaterialIsSha256OfTheBytes() throws Exception {
    try (ClearKey key = aesKey()) {
      assertThat(KeyFormats.digest(key).toByteArray())
          .isEqualTo(MessageDigest.getInstance("SHA-256").digest(SENTINEL));
      assertThat(KeyFormats.defaultDigest(key)).isEqualTo(KeyFormats.digest(key));
    }
  }

  @Test
  void theDigestOfStructuredMaterialIsSha256OfItsTtlvEncoding() throws Exception {
    // KMIP 2.1 §4.21: a structure is digested in its TTLV encoding. Here by hand: Key Material
    // (42 00 43, structure, 32 bytes) holding Recommended Curve P_256 (42 00 75, enumeration 7)
    // and D = 0x0102 (42 00 2E, big integer, 8 bytes sign-extended).
    byte[] ttlv =
        HexFormat.of()
            .parseHex(
                "420043"
                    + "01"
                    + "00000020"
                    + "420075"
                    + "05"
                    + "00000004"
                    + "00000007"
                    + "00000000"
                    + "42002e"
                    + "04"
                    + "00000008"
                    + "0000000000000102");
    ClearKey key =
        new ClearKey(
            ObjectType.PRIVATE_KEY,
            CryptographicAlgorithm.EC,
            256,
            new TransparentECPrivateKey(RecommendedCurve.P_256, BigInteger.valueOf(0x0102)));
    byte[] expected = MessageDigest.getInstance("SHA-256").digest(ttlv);
    assertThat(KeyFormats.digest(key).toByteArray()).isEqualTo(expected);
    try (ClearKey pkcs8 = KeyFormats.convert(key, KeyFormatType.PKCS_8)) {
      assertThat(KeyFormats.digest(pkcs8).toByteArray()).isNotEqualTo(expected);
      assertThat(KeyFormats.defaultDigest(pkcs8).toByteArray()).isEqualTo(expected);
    }
  }

  private static ClearKey aesKey() {
    return new ClearKey(
        ObjectType.SYMMETRIC_KEY,
        CryptographicAlgorithm.AES,
        256,
        new Encoded(KeyFormatType.RAW, ByteString.copyOf(SENTINEL)));
  }
}
