package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ValidityIndicator;
import io.arca.kmip.object.CryptographicParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the deterministic schemes, each from a source independent of Arca: RFC 8032 for
 * Ed25519, the OASIS CS-AC vectors for PSS verification and OAEP decryption, and a PKCS#1 v1.5
 * signature made by OpenSSL.
 */
class AsymmetricKnownAnswerTest extends AsymmetricTestBase {
  // --- known answers ----------------------------------------------------------------------

  @Test
  void ed25519SignaturesMatchRfc8032() {
    for (String vector : List.of("1", "3")) {
      String prefix = "ed25519." + vector + ".";
      byte[] pkcs8 =
          HEX.parseHex("302e020100300506032b657004220420" + KAT.getProperty(prefix + "secret"));
      byte[] spki = HEX.parseHex("302a300506032b6570032100" + KAT.getProperty(prefix + "public"));
      String privateUid =
          register(
              true,
              KeyFormatType.PKCS_8,
              pkcs8,
              CryptographicAlgorithm.ED25519,
              255,
              CryptographicUsageMask.SIGN);
      String publicUid =
          register(
              false,
              KeyFormatType.X_509,
              spki,
              CryptographicAlgorithm.ED25519,
              255,
              CryptographicUsageMask.VERIFY);
      byte[] message = kat(prefix + "message");

      byte[] signature = sign(privateUid, null, message);

      assertThat(HEX.formatHex(signature)).isEqualTo(KAT.getProperty(prefix + "signature"));
      assertThat(verify(publicUid, null, message, signature)).isEqualTo(ValidityIndicator.VALID);
      signature[0] ^= 1;
      assertThat(verify(publicUid, null, message, signature)).isEqualTo(ValidityIndicator.INVALID);
    }
  }

  @Test
  void rsaPkcs1v15SignatureMatchesOpenSslOverDataAndOverItsDigest() throws Exception {
    String uid =
        register(
            true,
            KeyFormatType.PKCS_1,
            kat("rsa.private.pkcs1"),
            CryptographicAlgorithm.RSA,
            2048,
            CryptographicUsageMask.SIGN);
    CryptographicParameters pkcs1 =
        params(PaddingMethod.PKCS1_V1_5, HashingAlgorithm.SHA_256, null, null, null);
    byte[] data = kat("rsa.data");

    byte[] overData = sign(uid, pkcs1, data);
    byte[] overDigest = signAs(uid, pkcs1, sha256(data), true, ProtocolVersion.V2_1);

    assertThat(overData).isEqualTo(kat("rsa.pkcs1v15.sha256.signature"));
    assertThat(overDigest).isEqualTo(overData);
  }

  @Test
  void theOasisPssSignatureVerifiesWithoutSaltLengthAndATamperedOneDoesNot() {
    String uid =
        register(
            false,
            KeyFormatType.PKCS_1,
            kat("rsa.public.pkcs1"),
            CryptographicAlgorithm.RSA,
            2048,
            CryptographicUsageMask.VERIFY);
    CryptographicParameters pss =
        params(PaddingMethod.PSS, HashingAlgorithm.SHA_256, null, null, null);
    byte[] data = kat("rsa.data");
    byte[] signature = kat("rsa.pss.signature");

    assertThat(verify(uid, pss, data, signature)).isEqualTo(ValidityIndicator.VALID);
    assertThat(
            verify(
                uid,
                params(PaddingMethod.PSS, HashingAlgorithm.SHA_256, null, 222, null),
                data,
                signature))
        .isEqualTo(ValidityIndicator.VALID);
    assertThat(
            verify(
                uid,
                params(PaddingMethod.PSS, HashingAlgorithm.SHA_256, null, 32, null),
                data,
                signature))
        .isEqualTo(ValidityIndicator.INVALID);
    assertThat(
            verify(
                uid,
                params(PaddingMethod.PSS, HashingAlgorithm.SHA_1, null, null, null),
                data,
                signature))
        .isEqualTo(ValidityIndicator.INVALID);
    byte[] otherData = data.clone();
    otherData[0] = (byte) 0xff;
    assertThat(verify(uid, pss, otherData, signature)).isEqualTo(ValidityIndicator.INVALID);
    signature[0] = (byte) 0xff;
    assertThat(verify(uid, pss, data, signature)).isEqualTo(ValidityIndicator.INVALID);
  }

  @Test
  void theOasisOaepCiphertextsDecrypt() {
    String sha256 =
        register(
            true,
            KeyFormatType.PKCS_1,
            kat("oaep2.private.pkcs1"),
            CryptographicAlgorithm.RSA,
            2048,
            CryptographicUsageMask.DECRYPT);
    String sha384WithLabel =
        register(
            true,
            KeyFormatType.PKCS_1,
            kat("oaep10.private.pkcs1"),
            CryptographicAlgorithm.RSA,
            2048,
            CryptographicUsageMask.DECRYPT);

    assertThat(
            decrypt(
                sha256,
                params(
                    PaddingMethod.OAEP,
                    HashingAlgorithm.SHA_256,
                    HashingAlgorithm.SHA_256,
                    null,
                    null),
                kat("oaep2.ciphertext")))
        .isEqualTo(kat("oaep2.plaintext"));
    assertThat(
            decrypt(
                sha384WithLabel,
                params(
                    PaddingMethod.OAEP,
                    HashingAlgorithm.SHA_384,
                    HashingAlgorithm.SHA_256,
                    null,
                    kat("oaep10.label")),
                kat("oaep10.ciphertext")))
        .isEqualTo(kat("oaep10.plaintext"));
    assertThatThrownBy(
            () ->
                decrypt(
                    sha384WithLabel,
                    params(
                        PaddingMethod.OAEP,
                        HashingAlgorithm.SHA_384,
                        HashingAlgorithm.SHA_256,
                        null,
                        null),
                    kat("oaep10.ciphertext")))
        .satisfies(reason(ResultReason.CRYPTOGRAPHIC_FAILURE));
  }
}
