package io.arca.server.hsm;

import static io.arca.server.hsm.HsmCryptoRequests.algorithm;
import static io.arca.server.hsm.HsmCryptoRequests.createEc;
import static io.arca.server.hsm.HsmCryptoRequests.createHmac;
import static io.arca.server.hsm.HsmCryptoRequests.gcmWithTag;
import static io.arca.server.hsm.HsmCryptoRequests.grant;
import static io.arca.server.hsm.HsmCryptoRequests.hashBits;
import static io.arca.server.hsm.HsmCryptoRequests.hmacBits;
import static io.arca.server.hsm.HsmCryptoRequests.jcaHmac;
import static io.arca.server.hsm.HsmCryptoRequests.jdkVerifies;
import static io.arca.server.hsm.HsmCryptoRequests.mac;
import static io.arca.server.hsm.HsmCryptoRequests.macRequest;
import static io.arca.server.hsm.HsmCryptoRequests.macVerify;
import static io.arca.server.hsm.HsmCryptoRequests.macVerifyRequest;
import static io.arca.server.hsm.HsmCryptoRequests.macWith;
import static io.arca.server.hsm.HsmCryptoRequests.name;
import static io.arca.server.hsm.HsmCryptoRequests.publicKey;
import static io.arca.server.hsm.HsmCryptoRequests.sign;
import static io.arca.server.hsm.HsmCryptoRequests.signDigest;
import static io.arca.server.hsm.HsmCryptoRequests.signRequest;
import static io.arca.server.hsm.HsmCryptoRequests.signing;
import static io.arca.server.hsm.HsmCryptoRequests.verify;
import static io.arca.server.hsm.HsmCryptoRequests.verifyRequest;
import static io.arca.server.hsm.HsmCryptoRequests.withSalt;
import static io.arca.server.hsm.HsmRequests.assertRefused;
import static io.arca.server.hsm.HsmRequests.createRsa;
import static io.arca.server.hsm.HsmRequests.destroy;
import static io.arca.server.hsm.HsmRequests.get;
import static io.arca.server.hsm.HsmRequests.keyBytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.DigitalSignatureAlgorithm;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.Operation;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.Mac;
import io.arca.kmip.ttlv.ByteString;
import io.arca.testing.TokenImplementation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.List;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The HSM's signing and MAC half through the key port, end to end over mutual TLS on both token
 * implementations: EC key pairs on the NIST curves and HMAC keys made in the HSM by its admin, Sign
 * and Signature Verify (RSA PKCS#1 v1.5 and PSS, ECDSA) and MAC and MAC Verify run by the token and
 * checked against the JDK, AES-GCM with Additional Data and a short tag, and the refusals with the
 * specification's Result Reasons (a sensitive key's export, a key of the wrong type, no grant, a
 * mechanism the token lacks). opencryptoki's software token has no EC mechanisms and no AES-GCM,
 * and says so.
 */
@ParameterizedClass
@EnumSource(TokenImplementation.class)
class HsmSignAndMacIT {
  private static final ProtocolVersion V2_1 = ProtocolVersion.V2_1;
  private static final ProtocolVersion V1_4 = ProtocolVersion.V1_4;
  private static final byte[] MESSAGE =
      "signed and MACed inside the HSM".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path dir;

  // Started for each token implementation, before its tests, by start().
  @SuppressWarnings("NullAway.Init")
  static HsmTestServer hsm;

  private final TokenImplementation implementation;

  HsmSignAndMacIT(TokenImplementation implementation) {
    this.implementation = implementation;
  }

  @BeforeEach
  void serverRunsOnThisImplementation() {
    assertThat(hsm.tokens().implementation()).isEqualTo(implementation);
  }

  @BeforeParameterizedClassInvocation
  static void start(TokenImplementation implementation) throws Exception {
    hsm = HsmTestServer.start(dir, implementation);
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    if (hsm != null) {
      hsm.close();
    }
  }

  /** An {@code hsm::} identifier on the first slot, unique to this run. */
  static String hsmId(String name) {
    return "hsm::" + hsm.tokens().slot1() + "::" + name + hsm.run();
  }

  /**
   * Creates an HMAC key in the HSM, or on a token that cannot bind one to its hash asserts the
   * refusal; whether the key exists.
   */
  private boolean createdHmac(
      KmipTestClient client,
      String uid,
      CryptographicAlgorithm algorithm,
      int bits,
      boolean sensitive)
      throws Exception {
    ResponseBatchItem answer =
        client.call(Operation.CREATE, createHmac(uid, algorithm, bits, sensitive));
    if (implementation.hmacKeys()) {
      assertThat(answer.resultStatus())
          .as("%s", answer.resultMessage())
          .isEqualTo(ResultStatus.SUCCESS);
      return true;
    }
    assertThat(answer.resultReason())
        .as("%s", answer.resultMessage())
        .isEqualTo(ResultReason.FEATURE_NOT_SUPPORTED.value());
    assertThat(answer.resultMessage()).contains("CKA_ALLOWED_MECHANISMS");
    return false;
  }

  // ---- EC keys and ECDSA ----------------------------------------------------------------------

  @Test
  void ecKeyPairsOnEveryNistCurveSignInTheHsmAndVerifyInTheJdk() throws Exception {
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      for (RecommendedCurve curve :
          List.of(RecommendedCurve.P_256, RecommendedCurve.P_384, RecommendedCurve.P_521)) {
        String key = hsmId("ec-" + curve.name());
        if (!implementation.ecdsa()) {
          // The token lacks EC key generation: refused for that, and nothing is made.
          ResponseBatchItem refused =
              client.call(Operation.CREATE_KEY_PAIR, createEc(key, curve, true));
          assertThat(refused.resultReason())
              .as("%s: %s", curve, refused.resultMessage())
              .isEqualTo(ResultReason.FEATURE_NOT_SUPPORTED.value());
          assertThat(refused.resultMessage()).contains("does not offer");
          continue;
        }
        CreateKeyPair.Response pair =
            CreateKeyPair.Response.decode(
                client.ok(Operation.CREATE_KEY_PAIR, createEc(key, curve, true)), V2_1);
        assertThat(pair.privateKeyUniqueIdentifier()).isEqualTo(key);
        assertThat(pair.publicKeyUniqueIdentifier()).isEqualTo(key + "_pk");

        // ECDSA with the curve's hash by default, and with SHA-256 asked for.
        byte[] signature = sign(client, key, null, MESSAGE);
        PublicKey publicKey = publicKey(client, key + "_pk", "EC");
        String jca = "SHA" + hashBits(curve) + "withECDSA";
        assertThat(jdkVerifies(jca, publicKey, MESSAGE, signature)).as("%s", curve).isTrue();
        byte[] sha256 = sign(client, key, signing(null, HashingAlgorithm.SHA_256, null), MESSAGE);
        assertThat(jdkVerifies("SHA256withECDSA", publicKey, MESSAGE, sha256)).isTrue();

        // The HSM verifies what it signed and what the JDK signed, and refuses a forgery.
        assertThat(verify(client, key + "_pk", null, MESSAGE, signature)).isTrue();
        assertThat(
                verify(
                    client,
                    key + "_pk",
                    null,
                    "another".getBytes(StandardCharsets.UTF_8),
                    signature))
            .isFalse();
        // A signature over a digest the client computed verifies as one over the data.
        byte[] digest = MessageDigest.getInstance("SHA-" + hashBits(curve)).digest(MESSAGE);
        byte[] overDigest = signDigest(client, key, digest);
        assertThat(jdkVerifies(jca, publicKey, MESSAGE, overDigest)).isTrue();

        // The private key is sensitive: its value stays in the HSM.
        assertRefused(client, Operation.GET, get(key, null), ResultReason.SENSITIVE, key);
        destroy(client, key);
        destroy(client, key + "_pk");
      }
    }
  }

  // ---- RSA signatures -------------------------------------------------------------------------

  @Test
  void rsaKeysSignWithPkcs1AndPssInTheHsm() throws Exception {
    String key = hsmId("rsa-sign");
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      createRsa(client, key, 2048, true);
      PublicKey publicKey = publicKey(client, key + "_pk", "RSA");

      // PKCS#1 v1.5 with SHA-256 is the default, as for stored keys.
      byte[] pkcs1 = sign(client, key, null, MESSAGE);
      assertThat(jdkVerifies("SHA256withRSA", publicKey, MESSAGE, pkcs1)).isTrue();
      byte[] pkcs1Sha512 =
          sign(
              client,
              key,
              signing(PaddingMethod.PKCS1_V1_5, HashingAlgorithm.SHA_512, null),
              MESSAGE);
      assertThat(jdkVerifies("SHA512withRSA", publicKey, MESSAGE, pkcs1Sha512)).isTrue();

      // PSS, by Padding Method or by Digital Signature Algorithm; the salt is as long as the hash.
      byte[] pss =
          sign(client, key, signing(PaddingMethod.PSS, HashingAlgorithm.SHA_384, null), MESSAGE);
      Signature jdkPss = Signature.getInstance("RSASSA-PSS");
      jdkPss.setParameter(new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, 1));
      jdkPss.initVerify(publicKey);
      jdkPss.update(MESSAGE);
      assertThat(jdkPss.verify(pss)).isTrue();
      CryptographicParameters pssByDsa =
          signing(null, HashingAlgorithm.SHA_384, DigitalSignatureAlgorithm.RSASSA_PSS);
      assertThat(verify(client, key + "_pk", pssByDsa, MESSAGE, pss)).isTrue();
      assertThat(
              verify(
                  client,
                  key + "_pk",
                  signing(PaddingMethod.PSS, HashingAlgorithm.SHA_384, null),
                  MESSAGE,
                  pss))
          .isTrue();

      // The HSM verifies PKCS#1 v1.5 and refuses a changed message or signature.
      assertThat(verify(client, key + "_pk", null, MESSAGE, pkcs1)).isTrue();
      byte[] changed = pkcs1.clone();
      changed[10] ^= 1;
      assertThat(verify(client, key + "_pk", null, MESSAGE, changed)).isFalse();
      assertThat(verify(client, key + "_pk", null, "other".getBytes(StandardCharsets.UTF_8), pkcs1))
          .isFalse();

      // A salt other than the hash's length is a parameter the token's PSS does not take.
      CryptographicParameters saltOfTen =
          withSalt(signing(PaddingMethod.PSS, HashingAlgorithm.SHA_256, null), 10);
      assertRefused(
          client,
          Operation.SIGN,
          signRequest(key, saltOfTen, MESSAGE),
          ResultReason.FEATURE_NOT_SUPPORTED,
          "salt 10");
      destroy(client, key);
      destroy(client, key + "_pk");
    }
  }

  // ---- HMAC keys ------------------------------------------------------------------------------

  @Test
  void hmacKeysOfEachSha2MacAndVerifyInTheHsm() throws Exception {
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      for (CryptographicAlgorithm algorithm :
          List.of(
              CryptographicAlgorithm.HMAC_SHA256,
              CryptographicAlgorithm.HMAC_SHA384,
              CryptographicAlgorithm.HMAC_SHA512)) {
        String key = hsmId("mac-" + algorithm.name());
        int bits = hmacBits(algorithm);
        // Not sensitive, so that the JDK can check the token's MAC with the key's value.
        if (!createdHmac(client, key, algorithm, bits, false)) {
          continue;
        }
        byte[] value = keyBytes(client.ok(Operation.GET, get(key, null)));
        assertThat(value).hasSize(bits / 8);
        javax.crypto.Mac jdk = javax.crypto.Mac.getInstance(jcaHmac(algorithm));
        jdk.init(new SecretKeySpec(value, jdk.getAlgorithm()));
        byte[] expected = jdk.doFinal(MESSAGE);

        byte[] mac = mac(client, key, null, MESSAGE);
        assertThat(mac).as("%s", algorithm).isEqualTo(expected);
        assertThat(macVerify(client, key, MESSAGE, mac)).isTrue();
        byte[] wrong = mac.clone();
        wrong[0] ^= 1;
        assertThat(macVerify(client, key, MESSAGE, wrong)).isFalse();
        assertThat(macVerify(client, key, "other".getBytes(StandardCharsets.UTF_8), mac)).isFalse();
        destroy(client, key);
      }
    }
  }

  // ---- refusals -------------------------------------------------------------------------------

  @Test
  void aSensitiveHmacKeyMacsButNeverLeavesTheHsm() throws Exception {
    String key = hsmId("mac-sensitive");
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      if (!createdHmac(client, key, CryptographicAlgorithm.HMAC_SHA256, 256, true)) {
        return;
      }
      byte[] mac = mac(client, key, null, MESSAGE);
      assertThat(mac).hasSize(32);
      assertThat(macVerify(client, key, MESSAGE, mac)).isTrue();
      assertRefused(client, Operation.GET, get(key, null), ResultReason.SENSITIVE, key);
      // Over parts too: the key stays in the token, which holds a session for the stream.
      Mac.Response first =
          Mac.Response.decode(
              client.ok(
                  Operation.MAC,
                  new Mac.Request(key, null, ByteString.copyOf(MESSAGE), null, true, null)
                      .encode(V2_1)),
              V2_1);
      Mac.Response last =
          Mac.Response.decode(
              client.ok(
                  Operation.MAC,
                  new Mac.Request(key, null, null, first.correlationValue(), null, true)
                      .encode(V2_1)),
              V2_1);
      assertThat(Objects.requireNonNull(last.macData()).toByteArray()).isEqualTo(mac);
      destroy(client, key);
    }
  }

  @Test
  void keysOfTheWrongTypeAreRefusedWithTheSpecsReasons() throws Exception {
    String rsa = hsmId("wrong-rsa");
    String aes = hsmId("wrong-aes");
    String hmac = hsmId("wrong-hmac");
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1);
        KmipTestClient v14 = new KmipTestClient(hsm.admin(), hsm.port(), V1_4)) {
      createRsa(client, rsa, 2048, true);
      client.ok(Operation.CREATE, HsmRequests.createAes(aes, 256, true, null));
      // Sign needs a private key, Signature Verify a public one.
      assertRefused(
          client,
          Operation.SIGN,
          signRequest(rsa + "_pk", null, MESSAGE),
          ResultReason.INVALID_OBJECT_TYPE,
          "sign with a public key");
      assertRefused(
          client,
          Operation.SIGN,
          signRequest(aes, null, MESSAGE),
          ResultReason.INVALID_OBJECT_TYPE,
          "sign with a symmetric key");
      assertRefused(
          client,
          Operation.SIGNATURE_VERIFY,
          verifyRequest(rsa, null, MESSAGE, new byte[256]),
          ResultReason.INVALID_OBJECT_TYPE,
          "verify with a private key");
      // MAC with an RSA or AES key, encryption with an HMAC key: the keys' usage does not allow it.
      assertRefused(
          client,
          Operation.MAC,
          macRequest(rsa, null, MESSAGE),
          ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK,
          "MAC with an RSA key");
      assertRefused(
          v14,
          Operation.MAC,
          new Mac.Request(rsa, null, ByteString.copyOf(MESSAGE), null, null, null).encode(V1_4),
          ResultReason.PERMISSION_DENIED,
          "MAC with an RSA key, KMIP 1.4");
      assertRefused(
          client,
          Operation.MAC,
          macRequest(aes, null, MESSAGE),
          ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK,
          "MAC with an AES key");
      if (createdHmac(client, hmac, CryptographicAlgorithm.HMAC_SHA256, 256, true)) {
        assertRefused(
            client,
            Operation.ENCRYPT,
            new Encrypt.Request(
                    hmac, null, ByteString.copyOf(MESSAGE), null, null, null, null, null)
                .encode(V2_1),
            ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK,
            "encrypt with an HMAC key");
        // An HMAC-SHA256 key is bound to its hash.
        assertRefused(
            client,
            Operation.MAC,
            macRequest(hmac, macWith(CryptographicAlgorithm.HMAC_SHA512), MESSAGE),
            ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK,
            "HMAC-SHA512 with an HMAC-SHA256 key");
        destroy(client, hmac);
      }
      // An ECDSA signature asked of an RSA key.
      assertRefused(
          client,
          Operation.SIGN,
          signRequest(
              rsa, signing(null, null, DigitalSignatureAlgorithm.ECDSA_WITH_SHA256), MESSAGE),
          ResultReason.INVALID_FIELD,
          "ECDSA with an RSA key");
      // HMAC keys are made for a SHA-2 hash, at least as long as it.
      assertRefused(
          client,
          Operation.CREATE,
          createHmac(hsmId("mac-short"), CryptographicAlgorithm.HMAC_SHA512, 256, true),
          ResultReason.INVALID_FIELD,
          "a 256-bit HMAC-SHA512 key");
      assertRefused(
          client,
          Operation.CREATE,
          createHmac(hsmId("mac-sha1"), CryptographicAlgorithm.HMAC_SHA1, 256, true),
          ResultReason.INVALID_FIELD,
          "an HMAC-SHA1 key");
      destroy(client, rsa);
      destroy(client, rsa + "_pk");
      destroy(client, aes);
    }
  }

  @Test
  void user1SignsAndMacsOnlyWithWhatTheAdminGranted() throws Exception {
    String rsa = hsmId("granted-rsa");
    String hmac = hsmId("granted-hmac");
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1);
        KmipTestClient other = new KmipTestClient(hsm.user("user1"), hsm.port(), V2_1)) {
      createRsa(client, rsa, 2048, true);
      byte[] adminsSignature = sign(client, rsa, null, MESSAGE);

      // Without a grant the keys do not exist for user1, and user1 cannot make keys in the HSM.
      assertRefused(
          other,
          Operation.SIGN,
          signRequest(rsa, null, MESSAGE),
          ResultReason.OBJECT_NOT_FOUND,
          rsa);
      assertRefused(
          other,
          Operation.SIGNATURE_VERIFY,
          verifyRequest(rsa + "_pk", null, MESSAGE, adminsSignature),
          ResultReason.OBJECT_NOT_FOUND,
          rsa + "_pk");
      assertRefused(
          other,
          Operation.CREATE,
          createHmac(hsmId("user1s"), CryptographicAlgorithm.HMAC_SHA256, 256, true),
          ResultReason.PERMISSION_DENIED,
          "create");
      assertRefused(
          other,
          Operation.CREATE_KEY_PAIR,
          createEc(hsmId("user1s-ec"), RecommendedCurve.P_256, true),
          ResultReason.PERMISSION_DENIED,
          "create key pair");

      // The admin grants Sign on the private key alone.
      grant(client, rsa, Operation.SIGN);
      byte[] user1sSignature = sign(other, rsa, null, MESSAGE);
      assertThat(verify(client, rsa + "_pk", null, MESSAGE, user1sSignature)).isTrue();
      // user1 now knows the key: the rest is Permission Denied; the public key is still unseen.
      assertRefused(other, Operation.GET, get(rsa, null), ResultReason.PERMISSION_DENIED, rsa);
      assertRefused(
          other,
          Operation.SIGNATURE_VERIFY,
          verifyRequest(rsa + "_pk", null, MESSAGE, adminsSignature),
          ResultReason.OBJECT_NOT_FOUND,
          rsa + "_pk");
      grant(client, rsa + "_pk", Operation.SIGNATURE_VERIFY);
      assertThat(verify(other, rsa + "_pk", null, MESSAGE, adminsSignature)).isTrue();

      if (createdHmac(client, hmac, CryptographicAlgorithm.HMAC_SHA256, 256, true)) {
        byte[] adminsMac = mac(client, hmac, null, MESSAGE);
        assertRefused(
            other,
            Operation.MAC,
            macRequest(hmac, null, MESSAGE),
            ResultReason.OBJECT_NOT_FOUND,
            hmac);
        grant(client, hmac, Operation.MAC);
        assertThat(mac(other, hmac, null, MESSAGE)).isEqualTo(adminsMac);
        assertRefused(
            other,
            Operation.MAC_VERIFY,
            macVerifyRequest(hmac, MESSAGE, adminsMac),
            ResultReason.PERMISSION_DENIED,
            hmac);
        grant(client, hmac, Operation.MAC_VERIFY);
        assertThat(macVerify(other, hmac, MESSAGE, adminsMac)).isTrue();
        destroy(client, hmac);
      }
      destroy(client, rsa);
      destroy(client, rsa + "_pk");
    }
  }

  // ---- AES-GCM with Additional Data -----------------------------------------------------------

  @Test
  void aesGcmBindsAdditionalDataWithATagOfTheLengthAskedFor() throws Exception {
    String aes = hsmId("gcm-aad");
    byte[] aad = "header, not secret".getBytes(StandardCharsets.UTF_8);
    CryptographicParameters shortTag = gcmWithTag(12);
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      client.ok(Operation.CREATE, HsmRequests.createAes(aes, 256, true, null));
      ResponseBatchItem answer =
          client.call(Operation.ENCRYPT, HsmRequests.encryptRequest(aes, MESSAGE, shortTag, aad));
      if (!implementation.aesGcm()) {
        HsmEndToEndIT.assertNoAesGcm(answer);
        destroy(client, aes);
        return;
      }
      assertThat(answer.resultStatus())
          .as("%s", answer.resultMessage())
          .isEqualTo(ResultStatus.SUCCESS);
      Encrypt.Response encrypted =
          Encrypt.Response.decode(Objects.requireNonNull(answer.responsePayload()), V2_1);
      ByteString tag = Objects.requireNonNull(encrypted.tag());
      assertThat(tag.length()).isEqualTo(12);
      byte[] data = Objects.requireNonNull(encrypted.data()).toByteArray();
      byte[] iv = Objects.requireNonNull(encrypted.ivCounterNonce()).toByteArray();
      assertThat(HsmRequests.decrypt(client, aes, data, shortTag, iv, tag.toByteArray(), aad))
          .isEqualTo(MESSAGE);
      // Other Additional Data, or none, fails the tag.
      for (byte @Nullable [] other :
          new byte[][] {"another header".getBytes(StandardCharsets.UTF_8), null}) {
        ResponseBatchItem refused =
            client.call(
                Operation.DECRYPT,
                new Decrypt.Request(
                        aes,
                        shortTag,
                        ByteString.copyOf(data),
                        ByteString.copyOf(iv),
                        null,
                        null,
                        null,
                        other == null ? null : ByteString.copyOf(other),
                        tag)
                    .encode(V2_1));
        assertThat(refused.resultReason())
            .as("%s", refused.resultMessage())
            .isEqualTo(ResultReason.CRYPTOGRAPHIC_FAILURE.value());
      }
      // A tag shorter than 12 bytes is refused before the token is asked.
      assertRefused(
          client,
          Operation.ENCRYPT,
          HsmRequests.encryptRequest(aes, MESSAGE, gcmWithTag(8), aad),
          ResultReason.FEATURE_NOT_SUPPORTED,
          "an 8-byte tag");
      destroy(client, aes);
    }
  }
}
