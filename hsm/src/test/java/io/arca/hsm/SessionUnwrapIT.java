package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.hsm.HsmKeyInfo.KeyAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.xipki.pkcs11.wrapper.PKCS11Constants;

/**
 * C_UnwrapKey into sensitive session objects on SoftHSM2: a stored key's blob serves crypto calls
 * without its value in the JVM, under AES key wrap with padding, the AES-GCM fallback and RSA-OAEP.
 */
class SessionUnwrapIT extends FreshSoftHsm2Slot {

  private static final byte[] DATA =
      "data for a key that stays inside".getBytes(StandardCharsets.UTF_8);

  @Test
  void hmacKeyWrappedByTheTokenUnwrapsIntoASensitiveSessionKeyThatMacsTheSame() {
    String kek = label("kek");
    String hmac = label("hmac");
    slot().generateAes(kek, 256, true);
    slot().generateHmac(hmac, HashAlgorithm.SHA256, 256, false);
    byte[] blob = slot().wrapKey(kek, hmac);
    String sessionLabel;

    try (HsmSessionKey key = slot().unwrapToSession(kek, blob, KeyAlgorithm.HMAC_SHA256)) {
      sessionLabel = key.label();
      assertThat(key.info().algorithm()).isEqualTo(KeyAlgorithm.HMAC_SHA256);
      assertThat(key.info().sensitive()).isTrue();
      assertThat(key.info().extractable()).isFalse();
      assertThat(slot().mac(key.label(), HashAlgorithm.SHA256, DATA))
          .isEqualTo(slot().mac(hmac, HashAlgorithm.SHA256, DATA));
      assertFails(
          HsmException.Kind.NOT_EXPORTABLE,
          "its value stays in the HSM",
          () -> slot().exportValue(key.label()));
      assertThat(slot().labels(1024)).doesNotContain(key.label());
    }
    assertThat(slot().find(sessionLabel)).isEmpty();
  }

  @Test
  void storedAesKeyBlobUnwrapsIntoASessionKeyThatEncryptsForTheJdk() throws Exception {
    String kek = label("kek");
    slot().generateAes(kek, 256, true);
    byte[] stored = new byte[32];
    new Random(11).nextBytes(stored);

    try (HsmSessionKey key =
        slot().unwrapToSession(kek, slot().wrap(kek, stored), KeyAlgorithm.AES)) {
      AesGcmCiphertext c = slot().encryptAesGcm(key.label(), DATA, new byte[0]);

      assertThat(jdkGcmDecrypt(stored, c)).isEqualTo(DATA);
    }
  }

  @Test
  void blobUnderAnRsaKeyUnwrapsWithOaep() throws Exception {
    String rsa = label("rsa-kek");
    slot().generateRsa(rsa, 2048, true);
    byte[] stored = new byte[32];
    new Random(12).nextBytes(stored);

    try (HsmSessionKey key =
        slot().unwrapToSession(rsa, slot().wrap(rsa + "_pk", stored), KeyAlgorithm.HMAC_SHA256)) {
      Mac jdk = Mac.getInstance("HmacSHA256");
      jdk.init(new SecretKeySpec(stored, "HMAC"));

      assertThat(slot().mac(key.label(), HashAlgorithm.SHA256, DATA)).isEqualTo(jdk.doFinal(DATA));
    }
  }

  @Test
  void withoutKwpTheGcmBlobOfTheFallbackUnwrapsToo() throws Exception {
    HsmProfile kwp30 =
        new HsmProfile(
            "softhsm2-kwp30",
            HsmProfile.SOFTHSM2.defaultLibrary(),
            4,
            PKCS11Constants.CKM_AES_KEY_WRAP_KWP,
            64,
            RsaPadding.OAEP_SHA1);
    String kek = label("kek");
    slot().generateAes(kek, 256, true);
    byte[] stored = new byte[16];
    new Random(13).nextBytes(stored);
    try (HsmModule other = open(kwp30)) {
      HsmSlot slot = other.slot(slotId());
      byte[] blob = slot.wrap(kek, stored);
      assertThat(KeyWrapBlobs.splitGcm(blob).ciphertext()).hasSize(16);

      try (HsmSessionKey key = slot.unwrapToSession(kek, blob, KeyAlgorithm.AES)) {
        AesGcmCiphertext c = slot.encryptAesGcm(key.label(), DATA, new byte[0]);

        assertThat(jdkGcmDecrypt(stored, c)).isEqualTo(DATA);
      }
    }
  }

  @Test
  void wrongKeysAlgorithmsAndBlobsAreRefused() {
    String kek = label("kek");
    String rsa = label("rsa");
    slot().generateAes(kek, 256, true);
    slot().generateRsa(rsa, 2048, true);
    byte[] blob = slot().wrap(kek, new byte[32]);

    assertFails(
        HsmException.Kind.INVALID_ARGUMENT,
        "unwrapped key algorithm: EC (expected: AES or an HMAC)",
        () -> slot().unwrapToSession(kek, blob, KeyAlgorithm.EC));
    assertFails(
        HsmException.Kind.INVALID_KEY,
        "is a public key (expected: a private or AES key)",
        () -> slot().unwrapToSession(rsa + "_pk", blob, KeyAlgorithm.AES));
    byte[] tampered = blob.clone();
    tampered[3] ^= 1;
    assertFails(
        HsmException.Kind.INVALID_DATA,
        "unwrapping into the token",
        () -> slot().unwrapToSession(kek, tampered, KeyAlgorithm.AES));
  }

  private static byte[] jdkGcmDecrypt(byte[] key, AesGcmCiphertext c) throws Exception {
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, c.iv()));
    return gcm.doFinal(c.toToken());
  }
}
