package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.hsm.HsmKeyInfo.KeyAlgorithm;
import io.arca.hsm.HsmKeyInfo.KeyClass;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** EC key pairs on SoftHSM2: generated on each NIST curve, described, exported or refused. */
class EcKeysIT extends FreshSoftHsm2Slot {

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void sensitivePairIsDescribedWithItsCurveAndOnlyItsPublicKeyLeaves(EcCurve curve)
      throws Exception {
    String label = label("ec");

    HsmKeyInfo info = slot().generateEc(label, curve, true);

    assertThat(info)
        .isEqualTo(
            new HsmKeyInfo(
                label, KeyClass.PRIVATE, KeyAlgorithm.EC, curve.fieldBits(), true, false, curve));
    assertThat(slot().info(label + "_pk"))
        .isEqualTo(
            new HsmKeyInfo(
                label + "_pk",
                KeyClass.PUBLIC,
                KeyAlgorithm.EC,
                curve.fieldBits(),
                false,
                true,
                curve));
    ECPublicKey publicKey =
        (ECPublicKey)
            KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(slot().exportPublicKey(label + "_pk")));
    assertThat(publicKey.getParams().getCurve().getField().getFieldSize())
        .isEqualTo(curve.fieldBits());
    assertThat(slot().exportValue(label + "_pk")).isEqualTo(publicKey.getEncoded());
    assertFails(
        HsmException.Kind.NOT_EXPORTABLE,
        "'" + label + "' is sensitive: its value stays in the HSM",
        () -> slot().exportValue(label));
    assertFails(
        HsmException.Kind.INVALID_KEY, "is not a public key", () -> slot().exportPublicKey(label));
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void nonSensitivePrivateKeyLeavesAsPkcs8OfTheSameCurve(EcCurve curve) throws Exception {
    String label = label("ec-plain");
    slot().generateEc(label, curve, false);

    byte[] pkcs8 = slot().exportValue(label);

    ECPrivateKey key =
        (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(curve.fieldBits());
    assertThat(key.getS().signum()).isPositive();
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void pairIsRefusedWhenItsLabelIsTaken(EcCurve curve) {
    String label = label("ec-dup");
    slot().generateAes(label, 128, true);

    assertFails(
        HsmException.Kind.LABEL_EXISTS,
        "already holds a key labelled '" + label + "'",
        () -> slot().generateEc(label, curve, true));
    assertThat(slot().find(label + "_pk")).isEmpty();
  }
}
