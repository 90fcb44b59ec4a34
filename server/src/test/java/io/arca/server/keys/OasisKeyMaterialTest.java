package io.arca.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.keys.KeyMaterial.Encoded;
import io.arca.server.keys.KeyMaterial.TransparentECPrivateKey;
import io.arca.server.keys.KeyMaterial.TransparentRSAPrivateKey;
import io.arca.server.keys.KeyMaterial.TransparentSymmetricKey;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Key material from the OASIS KMIP test cases (kmip-codec/src/test/resources/kmip-testcases): what
 * other implementations send must pass the Register checks and convert without change.
 */
class OasisKeyMaterialTest {
  private static final HexFormat HEX = HexFormat.of();

  /** BL-M-9-21 (KMIP 2.1): Register of a 1024-bit Transparent RSA Private Key. */
  @Test
  void blM921TransparentRsaPrivateKeyPassesTheChecksAndRoundTrips() {
    ClearKey key =
        new ClearKey(
            ObjectType.PRIVATE_KEY,
            CryptographicAlgorithm.RSA,
            1024,
            new TransparentRSAPrivateKey(
                big(
                    "0000000000000000930451c9ecd94f5bb9da17dd09381bd23be43eca8c7539f301fc8a8cd5d5274c3e7699dbdc711c97a7aa91e2c50a82bd0b1034f0df493dec16362427e58acce7f6ce0f9bcc617bbd8c90d0094a2703ba0d09eb19d1005f2fb265526aac75af32f8bc782cded2a57f811e03eaf67a944de5e78413dca8f232d074e6dcea4cec9f"),
                big(
                    "0b6a7d736199ea48a420e4537ca0c7c046784dcbeaa63baebc0bc132787449cde8d7cad0c0c863c0fefb06c3062befc50033ecf87b4e33a9be7bcbc8f1511ae215e80deb5d8af2bd31319d7821196640935a0cd67c94599579f2100d65e038831fdafb0dbe2bbdac00a696e67e756350e1c99ace11a36dabac3ed3e730960059"),
                big("0000000000010001"),
                big(
                    "0000000000000000ddf672fbcc5bda3d73affc4e791e0c03390224405d69ccaabc749faa0dcd4c2583c71dde8941a7b9aa030f52ef1451466c074d4d338fe677892acd9e10fd35bd"),
                big(
                    "0000000000000000a98fbc3ed6b4c6f860f97165ac2f7bb6f2e2cb192a9abd49795be5bcf37d8ee69a6e169c24e5c32e4e7fa33265461407f952ba49e204818a2f785f113f922b8b"),
                big(
                    "253f9470390d39049303777ddbc9750e9d64849ce0903eae704dc9f589b7680deb9d609fd5bcd4decd6f120542e5cff5d76f2a43c8615fb5b3a9213463797aa9"),
                big(
                    "0000000000000000a1ddf023c0cd94c019bb26d09b9e3ca8fa971cb16aa58b9baf79d6081a1dbba452ba53653e2804ba98ff69e8bb1b3a161ea225ea501463216a8dab9b88a75e5f"),
                big(
                    "6178646e112cf79d921a8a843f17f6e7ff974f688122365bf6690cdfc996e1890952eb3820dd1890ec1c8619e87a2bd38f9d03b37fac742efb748c7885942c39")));
    assertThat(KeyFormats.check(key)).isEqualTo(1024);
    try (ClearKey pkcs1 = KeyFormats.convert(key, KeyFormatType.PKCS_1);
        ClearKey back = KeyFormats.convert(pkcs1, KeyFormatType.TRANSPARENT_RSA_PRIVATE_KEY);
        ClearKey publicKey = KeyFormats.publicKeyOf(key)) {
      assertThat(back).isEqualTo(key);
      assertThat(KeyFormats.isPair(pkcs1, publicKey)).isTrue();
    }
  }

  /** CS-AC-M-3-ECC-13 (KMIP 1.3): Register of a secp256k1 ECPrivateKey and its X.509 public key. */
  @Test
  void csAcM3Ecc13EcPrivateKeyIsWrittenBackByteForByteWithItsPublicKey() {
    byte[] sec1 =
        HEX.parseHex(
            "30740201010420db4d128c30ca309e62c4019758c00ba244dd64d9bf52a31078866b8a00c19c68a00706052b8104000aa14403420004dab5d3c253113db414abfc1c0ebf5a02559e656aa1c8b0aa8d870aa0324cda4899925ea1e6dbc259a6c7825cf46592ac7594cc40bd604b728d88b636f317d366");
    byte[] spki =
        HEX.parseHex(
            "3056301006072a8648ce3d020106052b8104000a03420004dab5d3c253113db414abfc1c0ebf5a02559e656aa1c8b0aa8d870aa0324cda4899925ea1e6dbc259a6c7825cf46592ac7594cc40bd604b728d88b636f317d366");
    ClearKey privateKey = key(ObjectType.PRIVATE_KEY, KeyFormatType.ECPRIVATEKEY, sec1);
    ClearKey publicKey = key(ObjectType.PUBLIC_KEY, KeyFormatType.X_509, spki);
    assertThat(KeyFormats.check(privateKey)).isEqualTo(256);
    assertThat(KeyFormats.isPair(privateKey, publicKey)).isTrue();
    try (ClearKey transparent = KeyFormats.toDefaultFormat(privateKey);
        ClearKey again = KeyFormats.convert(transparent, KeyFormatType.ECPRIVATEKEY);
        ClearKey derived = KeyFormats.publicKeyOf(privateKey);
        ClearKey derivedSpki = KeyFormats.convert(derived, KeyFormatType.X_509)) {
      assertThat(((TransparentECPrivateKey) transparent.material()).recommendedCurve())
          .isEqualTo(RecommendedCurve.SECP256K1);
      assertThat(bytes(again)).isEqualTo(sec1);
      assertThat(bytes(derivedSpki)).isEqualTo(spki);
    }
  }

  /** BL-M-3-21 (KMIP 2.1): Register of a 128-bit AES Transparent Symmetric Key. */
  @Test
  void blM321TransparentSymmetricKeyIsItsRawBytes() {
    byte[] aes = HEX.parseHex("0123456789abcdef0123456789abcdef");
    ClearKey key =
        new ClearKey(
            ObjectType.SYMMETRIC_KEY,
            CryptographicAlgorithm.AES,
            128,
            new TransparentSymmetricKey(ByteString.copyOf(aes)));
    assertThat(KeyFormats.check(key)).isEqualTo(128);
    try (ClearKey raw = KeyFormats.toDefaultFormat(key)) {
      assertThat(bytes(raw)).isEqualTo(aes);
    }
  }

  private static BigInteger big(String hex) {
    return new BigInteger(hex, 16);
  }

  private static ClearKey key(ObjectType objectType, KeyFormatType format, byte[] bytes) {
    return new ClearKey(
        objectType, CryptographicAlgorithm.EC, 256, new Encoded(format, ByteString.copyOf(bytes)));
  }

  private static byte[] bytes(ClearKey key) {
    return ((Encoded) key.material()).bytes().toByteArray();
  }
}
