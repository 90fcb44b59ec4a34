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
import io.arca.kmip.RevocationReasonCode;
import io.arca.kmip.ValidityIndicator;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Revoke;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.Test;

/**
 * The randomized schemes (OAEP, PSS, ECDSA), whose other half is done by the JDK directly, not by
 * the handlers; and the policy around them: usage masks, states, object types, refused parameters.
 */
class AsymmetricRoundTripTest extends AsymmetricTestBase {
  // --- randomized schemes, checked by the JDK ---------------------------------------------

  @Test
  void oaepAndPkcs1CiphertextsDecryptWithTheJdkAndBackThroughTheHandler() throws Exception {
    KeyPair pair = rsaPair();
    String privateUid =
        register(
            true,
            KeyFormatType.PKCS_8,
            pair.getPrivate().getEncoded(),
            CryptographicAlgorithm.RSA,
            2048,
            CryptographicUsageMask.DECRYPT);
    String publicUid =
        register(
            false,
            KeyFormatType.X_509,
            pair.getPublic().getEncoded(),
            CryptographicAlgorithm.RSA,
            2048,
            CryptographicUsageMask.ENCRYPT);
    for (HashingAlgorithm hash : List.of(HashingAlgorithm.SHA_1, HashingAlgorithm.SHA_256)) {
      CryptographicParameters oaep = params(PaddingMethod.OAEP, hash, null, null, null);
      String name = hash == HashingAlgorithm.SHA_1 ? "SHA-1" : "SHA-256";

      byte[] ciphertext = encrypt(publicUid, oaep, MESSAGE);

      Cipher jdk = Cipher.getInstance("RSA/ECB/OAEPPadding");
      jdk.init(
          Cipher.DECRYPT_MODE,
          pair.getPrivate(),
          new OAEPParameterSpec(
              name, "MGF1", new MGF1ParameterSpec(name), PSource.PSpecified.DEFAULT));
      assertThat(jdk.doFinal(ciphertext)).isEqualTo(MESSAGE);
      assertThat(decrypt(privateUid, oaep, ciphertext)).isEqualTo(MESSAGE);
      assertThat(encrypt(publicUid, oaep, MESSAGE)).isNotEqualTo(ciphertext);
    }
    CryptographicParameters pkcs1 = params(PaddingMethod.PKCS1_V1_5, null, null, null, null);
    byte[] ciphertext = encrypt(publicUid, pkcs1, MESSAGE);
    Cipher jdk = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    jdk.init(Cipher.DECRYPT_MODE, pair.getPrivate());
    assertThat(jdk.doFinal(ciphertext)).isEqualTo(MESSAGE);
    assertThat(decrypt(privateUid, pkcs1, ciphertext)).isEqualTo(MESSAGE);
  }

  @Test
  void pssSignaturesVerifyWithTheJdkOverDataAndOverDigests() throws Exception {
    KeyPair pair = rsaPair();
    String[] uids = registerPair(pair, CryptographicAlgorithm.RSA, 2048);
    CryptographicParameters pss =
        params(PaddingMethod.PSS, HashingAlgorithm.SHA_256, null, 32, null);
    Signature jdk = Signature.getInstance("RSASSA-PSS");
    jdk.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));

    for (byte[] signature :
        List.of(
            sign(uids[0], pss, MESSAGE),
            signAs(uids[0], pss, sha256(MESSAGE), true, ProtocolVersion.V2_1))) {
      jdk.initVerify(pair.getPublic());
      jdk.update(MESSAGE);
      assertThat(jdk.verify(signature)).isTrue();
      assertThat(verify(uids[1], pss, MESSAGE, signature)).isEqualTo(ValidityIndicator.VALID);
    }
    // Without a salt length the signer takes the longest, and the verifier finds it.
    CryptographicParameters noSalt =
        params(PaddingMethod.PSS, HashingAlgorithm.SHA_256, null, null, null);
    assertThat(verify(uids[1], noSalt, MESSAGE, sign(uids[0], noSalt, MESSAGE)))
        .isEqualTo(ValidityIndicator.VALID);
  }

  @Test
  void ecdsaSignaturesVerifyWithTheJdkOnEachNistCurve() throws Exception {
    record Curve(String name, int bits, String jdkAlgorithm) {}
    for (Curve curve :
        List.of(
            new Curve("secp256r1", 256, "SHA256withECDSA"),
            new Curve("secp384r1", 384, "SHA384withECDSA"),
            new Curve("secp521r1", 521, "SHA512withECDSA"))) {
      KeyPair pair = ecPair(curve.name());
      String[] uids = registerPair(pair, CryptographicAlgorithm.EC, curve.bits());

      byte[] signature = sign(uids[0], null, MESSAGE);

      Signature jdk = Signature.getInstance(curve.jdkAlgorithm());
      jdk.initVerify(pair.getPublic());
      jdk.update(MESSAGE);
      assertThat(jdk.verify(signature)).as(curve.name()).isTrue();
      jdk.initSign(pair.getPrivate());
      jdk.update(MESSAGE);
      assertThat(verify(uids[1], null, MESSAGE, jdk.sign())).isEqualTo(ValidityIndicator.VALID);
      assertThat(
              verify(
                  uids[1],
                  null,
                  "pay 999 to bob".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                  signature))
          .isEqualTo(ValidityIndicator.INVALID);
    }
  }

  @Test
  void ecdsaOverADigestVerifiesAsASignatureOverTheData() throws Exception {
    KeyPair pair = ecPair("secp256r1");
    String[] uids = registerPair(pair, CryptographicAlgorithm.EC, 256);
    CryptographicParameters sha256 = params(null, HashingAlgorithm.SHA_256, null, null, null);

    byte[] signature = signAs(uids[0], sha256, sha256(MESSAGE), true, ProtocolVersion.V1_4);

    Signature jdk = Signature.getInstance("SHA256withECDSA");
    jdk.initVerify(pair.getPublic());
    jdk.update(MESSAGE);
    assertThat(jdk.verify(signature)).isTrue();
    assertThatThrownBy(() -> signAs(uids[0], sha256, new byte[20], true, ProtocolVersion.V2_1))
        .satisfies(reason(ResultReason.INVALID_FIELD));
  }

  // --- policy -----------------------------------------------------------------------------

  @Test
  void aKeyWithoutSignInItsMaskCannotSign() throws Exception {
    KeyPair pair = ecPair("secp256r1");
    String decryptOnly =
        register(
            true,
            KeyFormatType.PKCS_8,
            pair.getPrivate().getEncoded(),
            CryptographicAlgorithm.EC,
            256,
            CryptographicUsageMask.DECRYPT);

    assertThatThrownBy(() -> sign(decryptOnly, null, MESSAGE))
        .satisfies(reason(ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK));
    assertThatThrownBy(() -> signAs(decryptOnly, null, MESSAGE, false, ProtocolVersion.V1_4))
        .satisfies(reason(ResultReason.PERMISSION_DENIED));
  }

  @Test
  void aDeactivatedKeyPairStillVerifiesButNoLongerSigns() throws Exception {
    KeyPair pair = ecPair("secp256r1");
    String[] uids = registerPair(pair, CryptographicAlgorithm.EC, 256);
    byte[] signature = sign(uids[0], null, MESSAGE);
    RevokeHandler revoke = new RevokeHandler(fixture.objects());
    for (String uid : uids) {
      Wire.handle(
          revoke,
          new Revoke.Request(
                  uid,
                  new Revoke.RevocationReason(
                      RevocationReasonCode.CESSATION_OF_OPERATION.value(), null),
                  null)
              .encode(ProtocolVersion.V2_1),
          HandlerFixture.alice());
    }

    assertThat(verify(uids[1], null, MESSAGE, signature)).isEqualTo(ValidityIndicator.VALID);
    assertThatThrownBy(() -> sign(uids[0], null, MESSAGE))
        .satisfies(reason(ResultReason.WRONG_KEY_LIFECYCLE_STATE));
  }

  @Test
  void eachHalfOfAPairDoesOnlyItsOwnPart() throws Exception {
    KeyPair pair = rsaPair();
    String[] uids = registerPair(pair, CryptographicAlgorithm.RSA, 2048);

    assertThatThrownBy(() -> sign(uids[1], null, MESSAGE))
        .satisfies(reason(ResultReason.INVALID_OBJECT_TYPE));
    assertThatThrownBy(() -> verify(uids[0], null, MESSAGE, new byte[256]))
        .satisfies(reason(ResultReason.INVALID_OBJECT_TYPE));
  }

  @Test
  void unsupportedParametersAreRefusedByName() throws Exception {
    KeyPair rsa = rsaPair();
    String[] uids = registerPair(rsa, CryptographicAlgorithm.RSA, 2048);
    String ed =
        registerPair(
            KeyPairGenerator.getInstance("Ed25519").generateKeyPair(),
            CryptographicAlgorithm.ED25519,
            255)[0];

    assertThatThrownBy(
            () -> sign(uids[0], params(PaddingMethod.X9_31, null, null, null, null), MESSAGE))
        .satisfies(reason(ResultReason.FEATURE_NOT_SUPPORTED))
        .hasMessageContaining("PaddingMethod");
    assertThatThrownBy(
            () -> sign(uids[0], params(null, HashingAlgorithm.MD5, null, null, null), MESSAGE))
        .satisfies(reason(ResultReason.FEATURE_NOT_SUPPORTED))
        .hasMessageContaining("HashingAlgorithm");
    assertThatThrownBy(() -> signAs(ed, null, new byte[64], true, ProtocolVersion.V2_1))
        .satisfies(reason(ResultReason.FEATURE_NOT_SUPPORTED))
        .hasMessageContaining("DigestedData");
  }

  @Test
  void signaturesOverTheDataVerifyAgainstTheClientsDigest() throws Exception {
    KeyPair rsa = rsaPair();
    String[] rsaUids = registerPair(rsa, CryptographicAlgorithm.RSA, 2048);
    KeyPair ec = ecPair("secp384r1");
    String[] ecUids = registerPair(ec, CryptographicAlgorithm.EC, 384);
    CryptographicParameters pss =
        params(PaddingMethod.PSS, HashingAlgorithm.SHA_256, null, null, null);
    CryptographicParameters ecdsa = params(null, HashingAlgorithm.SHA_256, null, null, null);
    byte[] digest = sha256(MESSAGE);

    assertThat(verifyAs(rsaUids[1], pss, digest, true, sign(rsaUids[0], pss, MESSAGE)))
        .isEqualTo(ValidityIndicator.VALID);
    assertThat(verifyAs(ecUids[1], ecdsa, digest, true, sign(ecUids[0], ecdsa, MESSAGE)))
        .isEqualTo(ValidityIndicator.VALID);
    digest[0] ^= 1;
    assertThat(verifyAs(ecUids[1], ecdsa, digest, true, sign(ecUids[0], ecdsa, MESSAGE)))
        .isEqualTo(ValidityIndicator.INVALID);
  }

  @Test
  void aCurveTheJdkDroppedSignsThroughBouncyCastle() throws Exception {
    KeyPairGenerator generator =
        KeyPairGenerator.getInstance(
            "EC", new org.bouncycastle.jce.provider.BouncyCastleProvider());
    generator.initialize(new ECGenParameterSpec("secp256k1"));
    KeyPair pair = generator.generateKeyPair();
    String[] uids = registerPair(pair, CryptographicAlgorithm.EC, 256);

    byte[] signature = sign(uids[0], null, MESSAGE);

    Signature bc =
        Signature.getInstance(
            "SHA256withECDSA", new org.bouncycastle.jce.provider.BouncyCastleProvider());
    bc.initVerify(pair.getPublic());
    bc.update(MESSAGE);
    assertThat(bc.verify(signature)).isTrue();
    assertThat(verify(uids[1], null, MESSAGE, signature)).isEqualTo(ValidityIndicator.VALID);
  }
}
