package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.hsm.HsmKeyInfo.KeyAlgorithm;
import io.arca.hsm.HsmKeyInfo.KeyClass;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** HMAC keys, MAC and MAC Verify on SoftHSM2, checked against the JDK's HMAC. */
class HmacIT extends FreshSoftHsm2Slot {

  private static final byte[] DATA = "authenticate me".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @EnumSource(HashAlgorithm.class)
  void macEqualsTheJdksWithTheSameKeyAndVerifies(HashAlgorithm hash) throws Exception {
    String label = label("hmac");
    int bits = hash.length() * 8;

    HsmKeyInfo info = slot().generateHmac(label, hash, bits, false);

    assertThat(info)
        .isEqualTo(
            new HsmKeyInfo(label, KeyClass.SECRET, KeyAttributes.hmacKey(hash), bits, false, true));
    byte[] mac = slot().mac(label, hash, DATA);
    Mac jdk = Mac.getInstance("Hmac" + hash.jcaName().replace("-", ""));
    jdk.init(new SecretKeySpec(slot().exportValue(label), "HMAC"));
    assertThat(mac).hasSize(hash.length()).isEqualTo(jdk.doFinal(DATA));
    assertThat(slot().verifyMac(label, hash, DATA, mac)).isTrue();
    byte[] tampered = mac.clone();
    tampered[hash.length() - 1] ^= 1;
    assertThat(slot().verifyMac(label, hash, DATA, tampered)).isFalse();
    // A truncated MAC is not the MAC.
    assertThat(slot().verifyMac(label, hash, DATA, java.util.Arrays.copyOf(mac, 16))).isFalse();
  }

  @Test
  void sensitiveHmacKeyMacsButStaysInTheHsm() {
    String label = label("hmac-sensitive");
    slot().generateHmac(label, HashAlgorithm.SHA512, 1024, true);

    byte[] mac = slot().mac(label, HashAlgorithm.SHA512, DATA);

    assertThat(slot().verifyMac(label, HashAlgorithm.SHA512, DATA, mac)).isTrue();
    assertFails(
        HsmException.Kind.NOT_EXPORTABLE,
        "is sensitive: its value stays in the HSM",
        () -> slot().exportValue(label));
  }

  @Test
  void keyServesOnlyTheHashItWasMadeForAndOnlyMacs() {
    String label = label("hmac-256");
    slot().generateHmac(label, HashAlgorithm.SHA256, 512, true);
    String aes = label("hmac-aes");
    slot().generateAes(aes, 256, true);

    assertFails(
        HsmException.Kind.INVALID_KEY,
        "is an HMAC_SHA256 secret key (expected: an HMAC-SHA-384 key)",
        () -> slot().mac(label, HashAlgorithm.SHA384, DATA));
    assertFails(
        HsmException.Kind.INVALID_KEY,
        "is an AES secret key (expected: an HMAC-SHA-256 key)",
        () -> slot().mac(aes, HashAlgorithm.SHA256, DATA));
    assertFails(
        HsmException.Kind.INVALID_KEY,
        "is a key of type HMAC_SHA256 SECRET (expected: AES SECRET)",
        () -> slot().encryptAesGcm(label, DATA, new byte[0]));
    assertFails(
        HsmException.Kind.INVALID_KEY,
        "(expected: an AES or RSA key to wrap with)",
        () -> slot().wrap(label, new byte[32]));
  }

  @Test
  void keyShorterThanTheHashIsRefusedAtGeneration() {
    assertFails(
        HsmException.Kind.INVALID_ARGUMENT,
        "HMAC-SHA-384 key length: 256 (expected: a multiple of 8 from 384 to 4096)",
        () -> slot().generateHmac(label("short"), HashAlgorithm.SHA384, 256, true));
    assertFails(
        HsmException.Kind.INVALID_ARGUMENT,
        "key length: 260",
        () -> slot().generateHmac(label("odd"), HashAlgorithm.SHA256, 260, true));
  }

  @Test
  void describedAsGenericSecretWhenNoHashIsBound() throws Exception {
    String label = label("generic");
    // A generic secret made by another tool, bound to no mechanism.
    HsmSlot slot = slot();
    java.lang.reflect.Field field = HsmSlot.class.getDeclaredField("token");
    field.setAccessible(true);
    org.xipki.pkcs11.wrapper.PKCS11Token token =
        (org.xipki.pkcs11.wrapper.PKCS11Token) field.get(slot);
    token.generateKey(
        new org.xipki.pkcs11.wrapper.Mechanism(
            org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_GENERIC_SECRET_KEY_GEN),
        org.xipki.pkcs11.wrapper.AttributeVector.newSecretKey(
                org.xipki.pkcs11.wrapper.PKCS11Constants.CKK_GENERIC_SECRET)
            .token(true)
            .private_(true)
            .label(label)
            .valueLen(48)
            .sensitive(true)
            .sign(true)
            .verify(true));

    assertThat(slot.info(label).algorithm()).isEqualTo(KeyAlgorithm.GENERIC_SECRET);
    byte[] mac = slot.mac(label, HashAlgorithm.SHA384, DATA);
    assertThat(
            slot.verifyMac(
                label, HashAlgorithm.SHA256, DATA, slot.mac(label, HashAlgorithm.SHA256, DATA)))
        .isTrue();
    assertThat(mac).hasSize(48);
    assertFails(
        HsmException.Kind.INVALID_KEY,
        "length: 384 bits (expected: at least 512 for HMAC-SHA-512)",
        () -> slot.mac(label, HashAlgorithm.SHA512, DATA));
    assertFails(
        HsmException.Kind.UNSUPPORTED,
        "generic secret bound to no one HMAC",
        () -> slot.rekey(label));
  }
}
