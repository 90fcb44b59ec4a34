package io.arca.server.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.hsm.HashAlgorithm;
import io.arca.hsm.HsmKeyInfo;
import io.arca.hsm.SignatureAlgorithm;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.DigitalSignatureAlgorithm;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.server.crypto.MacEngine;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The KMIP parameters of Sign and MAC turned into the token's schemes: the stored keys' defaults,
 * and refusals before any token call for what the token's mechanisms cannot take.
 */
class HsmAlgorithmsTest {
  private static CryptographicParameters params(
      @Nullable PaddingMethod padding,
      @Nullable HashingAlgorithm hash,
      @Nullable DigitalSignatureAlgorithm dsa,
      @Nullable Integer salt) {
    return new CryptographicParameters(
        null,
        padding == null ? null : padding.value(),
        hash == null ? null : hash.value(),
        null,
        dsa == null ? null : dsa.value(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        salt,
        null,
        null,
        null,
        null);
  }

  private static SignatureAlgorithm rsa(CryptographicParameters parameters) {
    return HsmAlgorithms.signature(CryptographicAlgorithm.RSA, null, parameters);
  }

  private static ResultReason refusal(Runnable call) {
    try {
      call.run();
    } catch (KmipException e) {
      return e.reason();
    }
    throw new AssertionError("not refused");
  }

  @Test
  void rsaSignsWithPkcs1AndSha256UnlessAskedOtherwise() {
    assertThat(rsa(CryptographicParameters.NONE))
        .isEqualTo(SignatureAlgorithm.RSA_PKCS1_V1_5_SHA256);
    assertThat(rsa(params(PaddingMethod.PSS, HashingAlgorithm.SHA_384, null, null)))
        .isEqualTo(SignatureAlgorithm.RSA_PSS_SHA384);
    assertThat(rsa(params(null, null, DigitalSignatureAlgorithm.SHA_512_WITH_RSA_ENCRYPTION, null)))
        .isEqualTo(SignatureAlgorithm.RSA_PKCS1_V1_5_SHA512);
    assertThat(
            rsa(params(null, HashingAlgorithm.SHA_512, DigitalSignatureAlgorithm.RSASSA_PSS, 64)))
        .isEqualTo(SignatureAlgorithm.RSA_PSS_SHA512);
  }

  @Test
  void ecdsaHashesWithTheCurvesHashByDefault() {
    assertThat(
            HsmAlgorithms.signature(
                CryptographicAlgorithm.EC, RecommendedCurve.P_384, CryptographicParameters.NONE))
        .isEqualTo(SignatureAlgorithm.ECDSA_SHA384);
    assertThat(
            HsmAlgorithms.signature(
                CryptographicAlgorithm.EC, RecommendedCurve.P_521, CryptographicParameters.NONE))
        .isEqualTo(SignatureAlgorithm.ECDSA_SHA512);
    assertThat(
            HsmAlgorithms.signature(
                CryptographicAlgorithm.EC,
                RecommendedCurve.P_521,
                params(null, null, DigitalSignatureAlgorithm.ECDSA_WITH_SHA256, null)))
        .isEqualTo(SignatureAlgorithm.ECDSA_SHA256);
  }

  @Test
  void whatTheTokenCannotTakeIsRefusedAsUnsupported() {
    assertThat(refusal(() -> rsa(params(PaddingMethod.PSS, HashingAlgorithm.SHA_256, null, 10))))
        .isEqualTo(ResultReason.FEATURE_NOT_SUPPORTED);
    assertThat(refusal(() -> rsa(params(null, HashingAlgorithm.SHA_1, null, null))))
        .isEqualTo(ResultReason.FEATURE_NOT_SUPPORTED);
    assertThat(refusal(() -> rsa(params(PaddingMethod.OAEP, null, null, null))))
        .isEqualTo(ResultReason.FEATURE_NOT_SUPPORTED);
    assertThat(
            refusal(
                () ->
                    rsa(
                        params(
                            null,
                            null,
                            DigitalSignatureAlgorithm.SHA_1_WITH_RSA_ENCRYPTION,
                            null))))
        .isEqualTo(ResultReason.FEATURE_NOT_SUPPORTED);
  }

  @Test
  void parametersThatContradictTheKeyOrThemselvesAreInvalid() {
    assertThat(
            refusal(
                () -> rsa(params(null, null, DigitalSignatureAlgorithm.ECDSA_WITH_SHA256, null))))
        .isEqualTo(ResultReason.INVALID_FIELD);
    assertThat(
            refusal(
                () ->
                    rsa(
                        params(
                            PaddingMethod.PKCS1_V1_5,
                            null,
                            DigitalSignatureAlgorithm.RSASSA_PSS,
                            null))))
        .isEqualTo(ResultReason.INVALID_FIELD);
    assertThat(
            refusal(
                () ->
                    rsa(
                        params(
                            null,
                            HashingAlgorithm.SHA_384,
                            DigitalSignatureAlgorithm.SHA_256_WITH_RSA_ENCRYPTION,
                            null))))
        .isEqualTo(ResultReason.INVALID_FIELD);
    assertThat(
            refusal(
                () ->
                    HsmAlgorithms.signature(
                        CryptographicAlgorithm.EC,
                        RecommendedCurve.P_256,
                        params(PaddingMethod.PSS, null, null, null))))
        .isEqualTo(ResultReason.INVALID_FIELD);
  }

  @Test
  void theHsmMacsWithSha2HmacsOnly() {
    assertThat(
            HsmAlgorithms.hmac(
                MacEngine.choose(CryptographicParameters.NONE, CryptographicAlgorithm.HMAC_SHA384)))
        .isEqualTo(HashAlgorithm.SHA384);
    assertThat(
            refusal(
                () ->
                    HsmAlgorithms.hmac(
                        MacEngine.choose(
                            CryptographicParameters.NONE, CryptographicAlgorithm.HMAC_SHA1))))
        .isEqualTo(ResultReason.FEATURE_NOT_SUPPORTED);
    assertThat(
            refusal(
                () ->
                    HsmAlgorithms.hmac(
                        MacEngine.choose(
                            CryptographicParameters.NONE, CryptographicAlgorithm.AES))))
        .isEqualTo(ResultReason.FEATURE_NOT_SUPPORTED);
  }

  @Test
  void anHsmKeysUsageMaskSaysWhatItDoesInTheToken() {
    int hmac =
        HsmObjects.usageMask(
            new HsmKeyInfo(
                "m",
                HsmKeyInfo.KeyClass.SECRET,
                HsmKeyInfo.KeyAlgorithm.HMAC_SHA256,
                256,
                true,
                false));
    assertThat(hmac & CryptographicUsageMask.MAC_GENERATE.value()).isNotZero();
    assertThat(hmac & CryptographicUsageMask.ENCRYPT.value()).isZero();
    int ecPrivate =
        HsmObjects.usageMask(
            new HsmKeyInfo(
                "e", HsmKeyInfo.KeyClass.PRIVATE, HsmKeyInfo.KeyAlgorithm.EC, 256, true, false));
    assertThat(ecPrivate).isEqualTo(CryptographicUsageMask.SIGN.value());
    int rsaPublic =
        HsmObjects.usageMask(
            new HsmKeyInfo(
                "r_pk",
                HsmKeyInfo.KeyClass.PUBLIC,
                HsmKeyInfo.KeyAlgorithm.RSA,
                2048,
                false,
                true));
    assertThat(rsaPublic & CryptographicUsageMask.VERIFY.value()).isNotZero();
    assertThat(rsaPublic & CryptographicUsageMask.ENCRYPT.value()).isNotZero();
    assertThat(rsaPublic & CryptographicUsageMask.SIGN.value()).isZero();
  }
}
