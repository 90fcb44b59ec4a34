package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AES-GCM with Additional Authenticated Data and a chosen tag length on SoftHSM2, checked against
 * the JDK in both directions.
 */
class AesGcmAadIT extends FreshSoftHsm2Slot {

  private static final byte[] AAD = "header: v1, id 42".getBytes(StandardCharsets.UTF_8);
  private static final byte[] PLAINTEXT =
      "forty-two bytes of plaintext, or so it is".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @ValueSource(ints = {12, 13, 14, 15, 16})
  void ciphertextWithAadAndTagLengthDecryptsInTheJdkAndTheReverse(int tagLength) throws Exception {
    String label = label("gcm-aad");
    slot().generateAes(label, 256, false);
    SecretKeySpec key = new SecretKeySpec(slot().exportValue(label), "AES");

    AesGcmCiphertext c = slot().encryptAesGcm(label, PLAINTEXT, AAD, tagLength);

    assertThat(c.tag()).hasSize(tagLength);
    assertThat(c.tagLength()).isEqualTo(tagLength);
    Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
    jdk.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(tagLength * 8, c.iv()));
    jdk.updateAAD(AAD);
    assertThat(jdk.doFinal(c.toToken())).isEqualTo(PLAINTEXT);

    byte[] iv = new byte[12];
    iv[11] = (byte) tagLength;
    jdk.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(tagLength * 8, iv));
    jdk.updateAAD(AAD);
    byte[] byJdk = jdk.doFinal(PLAINTEXT);
    AesGcmCiphertext fromJdk = AesGcmCiphertext.fromToken(iv, byJdk, tagLength);
    assertThat(slot().decryptAesGcm(label, fromJdk, AAD)).isEqualTo(PLAINTEXT);
    assertFails(
        HsmException.Kind.INVALID_DATA,
        "AES-GCM decryption",
        () -> slot().decryptAesGcm(label, fromJdk, "other".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void tagLengthsOutside12To16AndTamperedTagsAreRefused() {
    String label = label("gcm-tag");
    slot().generateAes(label, 128, true);
    AesGcmCiphertext c = slot().encryptAesGcm(label, PLAINTEXT, AAD, 16);

    assertFails(
        HsmException.Kind.INVALID_ARGUMENT,
        "AES-GCM tag length: 8 (expected: 12-16)",
        () -> slot().encryptAesGcm(label, PLAINTEXT, AAD, 8));
    assertFails(
        HsmException.Kind.INVALID_ARGUMENT,
        "AES-GCM tag length: 17 (expected: 12-16)",
        () -> slot().encryptAesGcm(label, PLAINTEXT, AAD, 17));
    byte[] tag = c.tag();
    tag[15] ^= 1;
    AesGcmCiphertext tampered = new AesGcmCiphertext(c.iv(), c.ciphertext(), tag);
    assertFails(
        HsmException.Kind.INVALID_DATA,
        "AES-GCM decryption",
        () -> slot().decryptAesGcm(label, tampered, AAD));
    // GCM does not bind the tag length: a 16-byte tag cut to 12 bytes still authenticates, so the
    // caller must hold the tag length fixed for a key (why 12 is the floor, not 4).
    AesGcmCiphertext cut =
        new AesGcmCiphertext(c.iv(), c.ciphertext(), java.util.Arrays.copyOf(c.tag(), 12));
    assertThat(slot().decryptAesGcm(label, cut, AAD)).isEqualTo(PLAINTEXT);
  }
}
