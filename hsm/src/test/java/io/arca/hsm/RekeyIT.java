package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.hsm.HsmKeyInfo.KeyAlgorithm;
import org.junit.jupiter.api.Test;

/** Re-key of HSM keys on SoftHSM2: the next version label, the same kind of key, both kept. */
class RekeyIT extends FreshSoftHsm2Slot {

  @Test
  void aesKeyGetsItsNextVersionAndTheOldOneStays() {
    String label = label("rekey-aes");
    slot().generateAes(label, 192, true);

    HsmRekey first = slot().rekey(label);
    HsmRekey second = slot().rekey(first.replacement().label());

    assertThat(first.replaced()).isEqualTo(slot().info(label));
    assertThat(first.replacement())
        .isEqualTo(slot().info(label + ".v2"))
        .satisfies(k -> assertThat(k.lengthBits()).isEqualTo(192))
        .satisfies(k -> assertThat(k.sensitive()).isTrue());
    assertThat(second.replaced().label()).isEqualTo(label + ".v2");
    assertThat(second.replacement().label()).isEqualTo(label + ".v3");
    byte[] aad = new byte[0];
    AesGcmCiphertext old = slot().encryptAesGcm(label, new byte[] {5}, aad);
    assertThat(slot().decryptAesGcm(label, old, aad)).containsExactly(5);
    assertFails(
        HsmException.Kind.INVALID_DATA,
        "AES-GCM decryption",
        () -> slot().decryptAesGcm(label + ".v3", old, aad));
  }

  @Test
  void rekeyOfAnOlderVersionTakesTheFirstFreeVersion() {
    String label = label("rekey-skip");
    slot().generateAes(label, 128, false);
    slot().rekey(label);

    HsmRekey again = slot().rekey(label);

    assertThat(again.replaced().label()).isEqualTo(label);
    assertThat(again.replacement().label()).isEqualTo(label + ".v3");
    assertThat(again.replacement().sensitive()).isFalse();
  }

  @Test
  void pairsKeepTheirCurveOrModulusAndTheirPublicKeyFollows() {
    String ec = label("rekey-ec");
    String rsa = label("rekey-rsa");
    String hmac = label("rekey-hmac");
    slot().generateEc(ec, EcCurve.P_521, true);
    slot().generateRsa(rsa, 3072, true);
    slot().generateHmac(hmac, HashAlgorithm.SHA512, 512, true);

    assertThat(slot().rekey(ec).replacement().curve()).isEqualTo(EcCurve.P_521);
    assertThat(slot().info(ec + ".v2_pk").curve()).isEqualTo(EcCurve.P_521);
    assertThat(slot().rekey(rsa).replacement().lengthBits()).isEqualTo(3072);
    assertThat(slot().info(rsa + ".v2_pk").algorithm()).isEqualTo(KeyAlgorithm.RSA);
    assertThat(slot().rekey(hmac).replacement().algorithm()).isEqualTo(KeyAlgorithm.HMAC_SHA512);
    assertFails(
        HsmException.Kind.INVALID_KEY,
        "is a public key (expected: the private key of its pair)",
        () -> slot().rekey(ec + "_pk"));
    assertFails(
        HsmException.Kind.KEY_NOT_FOUND,
        "holds no key labelled",
        () -> slot().rekey(label("none")));
  }
}
