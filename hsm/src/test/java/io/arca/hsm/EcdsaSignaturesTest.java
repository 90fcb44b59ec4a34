package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The r || s and DER forms of ECDSA signatures, checked against the JDK's two forms of the same
 * signature ({@code SHA256withECDSA} and {@code SHA256withECDSAinP1363Format}).
 */
class EcdsaSignaturesTest {

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void convertsTheJdksSignaturesBothWays(EcCurve curve) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve.jcaName()));
    KeyPair pair = generator.generateKeyPair();
    for (int i = 0; i < 50; i++) {
      byte[] data = {(byte) i};
      Signature p1363 = Signature.getInstance("SHA256withECDSAinP1363Format");
      p1363.initSign(pair.getPrivate());
      p1363.update(data);
      byte[] raw = p1363.sign();

      byte[] der = EcdsaSignatures.toDer(raw, curve);

      Signature derVerifier = Signature.getInstance("SHA256withECDSA");
      derVerifier.initVerify(pair.getPublic());
      derVerifier.update(data);
      assertThat(derVerifier.verify(der)).isTrue();
      assertThat(EcdsaSignatures.toRaw(der, curve)).contains(raw);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", // empty
        "3006020101020101ff", // trailing byte
        "3006020100020101", // r = 0
        "30060201ff020101", // r negative
        "300702020001020101", // r with a superfluous leading zero
        "3080020101020101", // indefinite length
        "3007020101020101", // length past the end
        "3106020101020101", // not a SEQUENCE
        "3003020101", // s missing
        "308106020101020101" // non-minimal long-form length
      })
  void malformedDerIsNoSignature(String hex) {
    byte[] der = HexFormat.of().parseHex(hex);

    assertThat(EcdsaSignatures.toRaw(der, EcCurve.P_256)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EcCurve.class)
  void valuesLongerThanTheCurveAreNoSignature(EcCurve curve) {
    // r and s one byte longer than a coordinate, positive and minimal: well-formed DER, wrong size.
    int n = curve.coordinateBytes() + 1;
    int body = 2 * (2 + n);
    int header = body < 0x80 ? 2 : 3;
    byte[] der = new byte[header + body];
    der[0] = 0x30;
    if (header == 3) {
      der[1] = (byte) 0x81;
    }
    der[header - 1] = (byte) body;
    for (int at : new int[] {header, header + 2 + n}) {
      der[at] = 0x02;
      der[at + 1] = (byte) n;
      der[at + 2] = 0x7f;
    }

    assertThat(EcdsaSignatures.toRaw(der, curve)).isEmpty();
  }
}
