package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.xipki.pkcs11.wrapper.PKCS11Constants;

/**
 * C_WrapKey of HSM keys on SoftHSM2: AES key wrap with padding (RFC 5649), unwrapped by the JDK's
 * AES/KWP; the AES-GCM fallback of a token without it; and the keys that may not leave.
 */
class KeyWrapIT extends FreshSoftHsm2Slot {

  @Test
  void sensitiveExtractableKeyLeavesWrappedWithKwpAndTheJdkUnwrapsIt() throws Exception {
    String kek = label("kek");
    String key = label("wrapped");
    slot().generateAes(kek, 256, false);
    makeSensitiveExtractableAes(slot(), key);
    assertThat(slot().info(key).sensitive()).isTrue();
    AesGcmCiphertext sealed = slot().encryptAesGcm(key, new byte[] {1, 2, 3}, new byte[0]);
    long wraps = slot().calls(HsmCall.WRAP);

    byte[] wrapped = slot().wrapKey(kek, key);

    assertThat(slot().calls(HsmCall.WRAP) - wraps).isEqualTo(1);
    assertThat(wrapped).hasSize(40); // RFC 5649: 32 bytes of key (a multiple of 8) plus 8
    Cipher kwp = Cipher.getInstance("AES/KWP/NoPadding");
    kwp.init(Cipher.UNWRAP_MODE, new SecretKeySpec(slot().exportValue(kek), "AES"));
    var unwrapped = kwp.unwrap(wrapped, "AES", Cipher.SECRET_KEY);
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.DECRYPT_MODE, unwrapped, new GCMParameterSpec(128, sealed.iv()));
    assertThat(gcm.doFinal(sealed.toToken())).containsExactly(1, 2, 3);
  }

  @Test
  void privateAndHmacKeysLeaveWrappedToo() throws Exception {
    String kek = label("kek");
    String ec = label("ec");
    String hmac = label("hmac");
    slot().generateAes(kek, 256, false);
    slot().generateEc(ec, EcCurve.P_256, false);
    slot().generateHmac(hmac, HashAlgorithm.SHA256, 256, false);
    Cipher kwp = Cipher.getInstance("AES/KWP/NoPadding");
    kwp.init(Cipher.DECRYPT_MODE, new SecretKeySpec(slot().exportValue(kek), "AES"));

    byte[] pkcs8 = kwp.doFinal(slot().wrapKey(kek, ec));
    kwp.init(Cipher.DECRYPT_MODE, new SecretKeySpec(slot().exportValue(kek), "AES"));
    byte[] hmacValue = kwp.doFinal(slot().wrapKey(kek, hmac));

    // SoftHSM2 zero-pads a private key's PKCS#8 to a multiple of 8 before wrapping, and the
    // length in the RFC 5649 header counts the padding; JDK 25's key factory refuses trailing
    // bytes, so decode exactly the DER object and require the rest to be that padding.
    byte[] der = Arrays.copyOf(pkcs8, derLength(pkcs8));
    assertThat(pkcs8.length - der.length).isBetween(0, 7);
    for (int i = der.length; i < pkcs8.length; i++) {
      assertThat(pkcs8[i]).as("padding byte %d", i).isZero();
    }
    assertThat(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)))
        .isNotNull();
    assertThat(hmacValue).isEqualTo(slot().exportValue(hmac));
  }

  /** The length of the DER object (tag, length and contents) at the start of {@code der}. */
  private static int derLength(byte[] der) {
    int first = der[1] & 0xff;
    if (first < 0x80) {
      return 2 + first;
    }
    int octets = first & 0x7f;
    int length = 0;
    for (int i = 0; i < octets; i++) {
      length = (length << 8) | (der[2 + i] & 0xff);
    }
    return 2 + octets + length;
  }

  @Test
  void keysThatMayNotLeaveOrCannotWrapAreRefused() {
    String kek = label("kek");
    String stuck = label("stuck");
    String rsa = label("rsa");
    slot().generateAes(kek, 256, true);
    slot().generateAes(stuck, 256, true);
    slot().generateRsa(rsa, 2048, true);
    String ec = label("ec");
    slot().generateEc(ec, EcCurve.P_256, true);

    // generateAes makes a sensitive key non-extractable as well.
    assertFails(
        HsmException.Kind.NOT_EXPORTABLE,
        "'" + stuck + "' is not extractable: it cannot leave the HSM, even wrapped",
        () -> slot().wrapKey(kek, stuck));
    assertFails(
        HsmException.Kind.INVALID_KEY,
        "is a public key: export it as it is",
        () -> slot().wrapKey(kek, rsa + "_pk"));
    assertFails(
        HsmException.Kind.INVALID_KEY,
        "'" + ec + "' is a key of type EC (expected: an AES or RSA key to wrap with)",
        () -> slot().wrapKey(ec, kek));
  }

  @Test
  void withoutKwpAnExportableKeyFallsBackToGcmAndASensitiveOneIsRefused() throws Exception {
    // A profile naming the PKCS#11 3.0 mechanism, which SoftHSM2 2.6 does not offer.
    HsmProfile kwp30 =
        new HsmProfile(
            "softhsm2-kwp30",
            HsmProfile.SOFTHSM2.defaultLibrary(),
            4,
            PKCS11Constants.CKM_AES_KEY_WRAP_KWP,
            64,
            RsaPadding.OAEP_SHA1);
    String kek = label("kek");
    String plain = label("plain");
    slot().generateAes(kek, 256, false);
    slot().generateAes(plain, 256, false);
    String hmac = label("hmac");
    slot().generateHmac(hmac, HashAlgorithm.SHA256, 256, false);
    try (HsmModule other = open(kwp30)) {
      HsmSlot slot = other.slot(slotId());
      assertThat(slot.usesAesKeyWrapPad()).isFalse();

      byte[] blob = slot.wrapKey(kek, plain);

      AesGcmCiphertext c = KeyWrapBlobs.splitGcm(blob);
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(slot().exportValue(kek), "AES"),
          new GCMParameterSpec(128, c.iv()));
      assertThat(gcm.doFinal(c.toToken())).isEqualTo(slot().exportValue(plain));

      // Sensitive but extractable (made by another tool): only C_WrapKey could let it out.
      String sensitive = label("sensitive");
      makeSensitiveExtractableAes(slot, sensitive);
      assertFails(
          HsmException.Kind.UNSUPPORTED,
          "does not offer CKM_AES_KEY_WRAP_KWP for wrapping, and '" + sensitive + "' is sensitive",
          () -> slot.wrapKey(kek, sensitive));
    }
  }

  private static void makeSensitiveExtractableAes(HsmSlot slot, String label) throws Exception {
    java.lang.reflect.Field field = HsmSlot.class.getDeclaredField("token");
    field.setAccessible(true);
    org.xipki.pkcs11.wrapper.PKCS11Token token =
        (org.xipki.pkcs11.wrapper.PKCS11Token) field.get(slot);
    token.generateKey(
        new org.xipki.pkcs11.wrapper.Mechanism(PKCS11Constants.CKM_AES_KEY_GEN),
        org.xipki.pkcs11.wrapper.AttributeVector.newAESSecretKey()
            .token(true)
            .private_(true)
            .label(label)
            .valueLen(32)
            .sensitive(true)
            .extractable(true)
            .encrypt(true));
  }
}
