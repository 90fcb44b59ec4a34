package io.arca.server.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.hsm.EcCurve;
import io.arca.hsm.HsmKeyInfo;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.RecommendedCurve;
import org.junit.jupiter.api.Test;

/**
 * Every kind of key the token reports is named by its own KMIP algorithm (and curve): an EC or HMAC
 * key must not be described as RSA.
 */
class HsmObjectsAlgorithmTest {
  @Test
  void eachTokenAlgorithmHasItsKmipName() {
    assertThat(HsmObjects.algorithmOf(HsmKeyInfo.KeyAlgorithm.AES))
        .isEqualTo(CryptographicAlgorithm.AES);
    assertThat(HsmObjects.algorithmOf(HsmKeyInfo.KeyAlgorithm.RSA))
        .isEqualTo(CryptographicAlgorithm.RSA);
    assertThat(HsmObjects.algorithmOf(HsmKeyInfo.KeyAlgorithm.EC))
        .isEqualTo(CryptographicAlgorithm.EC);
    assertThat(HsmObjects.algorithmOf(HsmKeyInfo.KeyAlgorithm.HMAC_SHA384))
        .isEqualTo(CryptographicAlgorithm.HMAC_SHA384);
    assertThat(HsmObjects.algorithmOf(HsmKeyInfo.KeyAlgorithm.GENERIC_SECRET)).isNull();
    assertThat(HsmObjects.curveOf(EcCurve.P_521)).isEqualTo(RecommendedCurve.P_521);
    assertThat(HsmObjects.curveOf(null)).isNull();
  }
}
