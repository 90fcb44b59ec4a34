package io.arca.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.KmipException;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AesCipherTest {
  private static final HexFormat HEX = HexFormat.of();
  private final AesCipher aes = new AesCipher(new SecureRandom());

  private static CryptographicParameters mode(
      BlockCipherMode mode, @Nullable PaddingMethod padding) {
    CryptographicParameters none = CryptographicParameters.NONE;
    return new CryptographicParameters(
        mode.value(),
        padding == null ? null : padding.value(),
        none.hashingAlgorithm(),
        none.keyRoleType(),
        none.digitalSignatureAlgorithm(),
        none.cryptographicAlgorithm(),
        none.randomIv(),
        none.ivLength(),
        none.tagLength(),
        none.fixedFieldLength(),
        none.invocationFieldLength(),
        none.counterLength(),
        none.initialCounterValue(),
        none.saltLength(),
        none.maskGenerator(),
        none.maskGeneratorHashingAlgorithm(),
        none.pSource(),
        none.trailerField());
  }

  @Test
  void gcmMatchesTheSpecificationsTestCase() {
    // The GCM specification's (McGrew and Viega) test case 3: AES-128, 96-bit IV, no AAD.
    byte[] key = HEX.parseHex("feffe9928665731c6d6a8f9467308308");
    byte[] iv = HEX.parseHex("cafebabefacedbaddecaf888");
    byte[] plaintext =
        HEX.parseHex(
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");

    AesCipher.Encrypted out = aes.encrypt(key, CryptographicParameters.NONE, plaintext, iv, null);

    assertThat(HEX.formatHex(out.data()))
        .isEqualTo(
            "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985");
    assertThat(out.tag()).isEqualTo(HEX.parseHex("4d5c2af327cd64a62cf35abd2ba6fab4"));
    assertThat(aes.decrypt(key, CryptographicParameters.NONE, out.data(), iv, null, out.tag()))
        .isEqualTo(plaintext);
  }

  @Test
  void cbcWithoutPaddingMatchesSp80038a() {
    // NIST SP 800-38A F.2.1, first block.
    byte[] key = HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c");
    byte[] iv = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
    byte[] plaintext = HEX.parseHex("6bc1bee22e409f96e93d7e117393172a");

    AesCipher.Encrypted out =
        aes.encrypt(key, mode(BlockCipherMode.CBC, PaddingMethod.NONE), plaintext, iv, null);

    assertThat(HEX.formatHex(out.data())).isEqualTo("7649abac8119b246cee98e9b12e9197d");
  }

  @Test
  void everyModeRoundTripsAndAServerChosenIvIsReturned() {
    long seed = new SecureRandom().nextLong();
    Random random = new Random(seed);
    for (BlockCipherMode mode :
        new BlockCipherMode[] {
          BlockCipherMode.GCM, BlockCipherMode.CBC, BlockCipherMode.ECB, BlockCipherMode.CTR
        }) {
      byte[] key = new byte[32];
      random.nextBytes(key);
      byte[] plaintext = new byte[random.nextInt(100)];
      random.nextBytes(plaintext);
      boolean blocks = mode == BlockCipherMode.CBC || mode == BlockCipherMode.ECB;
      CryptographicParameters parameters = mode(mode, blocks ? PaddingMethod.PKCS5 : null);
      byte[] aad = mode == BlockCipherMode.GCM ? new byte[] {1, 2, 3} : null;

      AesCipher.Encrypted out = aes.encrypt(key, parameters, plaintext, null, aad);

      assertThat(out.iv() == null)
          .as("seed " + seed + " " + mode)
          .isEqualTo(mode == BlockCipherMode.ECB);
      assertThat(aes.decrypt(key, parameters, out.data(), out.iv(), aad, out.tag()))
          .as("seed " + seed + " " + mode)
          .isEqualTo(plaintext);
    }
  }

  @Test
  void withoutAPaddingMethodEcbTakesAndGivesWholeBlocks() {
    byte[] key = new byte[16];
    CryptographicParameters ecb = mode(BlockCipherMode.ECB, null);

    AesCipher.Encrypted out = aes.encrypt(key, ecb, new byte[16], null, null);

    assertThat(out.data()).hasSize(16);
    assertThat(aes.decrypt(key, ecb, out.data(), null, null, null)).isEqualTo(new byte[16]);
    assertThat(
            aes.encrypt(
                    key, mode(BlockCipherMode.ECB, PaddingMethod.PKCS5), new byte[16], null, null)
                .data())
        .hasSize(32);
  }

  @Test
  void aChangedCiphertextOrTagFailsAuthentication() {
    byte[] key = new byte[16];
    AesCipher.Encrypted out =
        aes.encrypt(key, CryptographicParameters.NONE, new byte[] {1, 2, 3}, null, null);
    byte[] tampered = out.data().clone();
    tampered[0] ^= 1;

    assertThatThrownBy(
            () ->
                aes.decrypt(key, CryptographicParameters.NONE, tampered, out.iv(), null, out.tag()))
        .isInstanceOfSatisfying(
            KmipException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.CRYPTOGRAPHIC_FAILURE));
  }

  @Test
  void unsupportedCombinationsNameTheParameter() {
    byte[] key = new byte[16];
    assertThatThrownBy(
            () ->
                aes.encrypt(
                    key, mode(BlockCipherMode.CBC, PaddingMethod.NONE), new byte[5], null, null))
        .hasMessageContaining("PaddingMethod");
    assertThatThrownBy(
            () -> aes.encrypt(key, mode(BlockCipherMode.XTS, null), new byte[16], null, null))
        .hasMessageContaining("BlockCipherMode: XTS");
    assertThatThrownBy(
            () ->
                aes.encrypt(key, mode(BlockCipherMode.CBC, null), new byte[16], null, new byte[1]))
        .hasMessageContaining("AuthenticatedEncryptionAdditionalData");
  }
}
