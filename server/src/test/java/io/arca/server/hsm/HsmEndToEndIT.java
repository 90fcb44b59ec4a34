package io.arca.server.hsm;

import static io.arca.server.hsm.HsmRequests.aesAttributes;
import static io.arca.server.hsm.HsmRequests.assertRefused;
import static io.arca.server.hsm.HsmRequests.attribute;
import static io.arca.server.hsm.HsmRequests.createAes;
import static io.arca.server.hsm.HsmRequests.createRsa;
import static io.arca.server.hsm.HsmRequests.decrypt;
import static io.arca.server.hsm.HsmRequests.decryptRequest;
import static io.arca.server.hsm.HsmRequests.destroy;
import static io.arca.server.hsm.HsmRequests.encrypt;
import static io.arca.server.hsm.HsmRequests.encryptRequest;
import static io.arca.server.hsm.HsmRequests.gcm;
import static io.arca.server.hsm.HsmRequests.get;
import static io.arca.server.hsm.HsmRequests.keyBytes;
import static io.arca.server.hsm.HsmRequests.locateByName;
import static io.arca.server.hsm.HsmRequests.locateByType;
import static io.arca.server.hsm.HsmRequests.oaep;
import static io.arca.server.hsm.HsmRequests.pkcs1;
import static io.arca.server.hsm.HsmRequests.retire;
import static io.arca.server.hsm.HsmRequests.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.hsm.HsmCall;
import io.arca.hsm.HsmKeyRef;
import io.arca.hsm.HsmSlot;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.NameType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.payload.AccessGrant;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.Destroy;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.GrantAccess;
import io.arca.kmip.payload.RevokeAccess;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.hsm.HsmRequests.Encrypted;
import io.arca.testing.TokenImplementation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The HSM guide's walkthrough end to end, over mutual TLS, against a server with two real slots of
 * each token implementation: the admin makes HSM keys, uses them inside the HSM, protects a
 * database key with one and destroys them; another user cannot tell they exist. What a token lacks
 * (AES-GCM in opencryptoki) is answered Feature Not Supported there. Key labels carry a suffix of
 * the run, since opencryptoki's test tokens are shared.
 */
@ParameterizedClass
@EnumSource(TokenImplementation.class)
class HsmEndToEndIT {
  private static final ProtocolVersion V2_1 = ProtocolVersion.V2_1;

  @TempDir static Path dir;

  // Started for each token implementation, before its tests, by start().
  @SuppressWarnings("NullAway.Init")
  static HsmTestServer hsm;

  private final TokenImplementation implementation;

  HsmEndToEndIT(TokenImplementation implementation) {
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

  /** A label unique to this run. */
  static String label(String name) {
    return hsm.label(name);
  }

  /** Whether the token does AES-GCM; where it does not, the test asserts the refusal. */
  static boolean aesGcm() {
    return hsm.tokens().implementation().aesGcm();
  }

  /** The answer of a token without AES-GCM to an AES-GCM request with one of its keys. */
  static void assertNoAesGcm(ResponseBatchItem answer) {
    assertThat(answer.resultReason()).isEqualTo(ResultReason.FEATURE_NOT_SUPPORTED.value());
    assertThat(answer.resultMessage()).contains("does not implement AES-GCM");
  }

  // ---- the walkthrough ------------------------------------------------------------------------

  @Test
  void walkthroughOnTheFirstSlot() throws Exception {
    walkthrough(hsm.tokens().slot1(), 2048);
  }

  @Test
  void walkthroughOnTheSecondSlotWithItsOwnPin() throws Exception {
    walkthrough(hsm.tokens().slot2(), 2048);
  }

  @Test
  void rsa4096SensitiveKeyEncryptsAndDecryptsInTheHsm() throws Exception {
    String mykey = "hsm::" + hsm.tokens().slot1() + "::" + label("big");
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      createRsa(client, mykey, 4096, true);
      byte[] secret = "four thousand ninety-six".getBytes(StandardCharsets.UTF_8);
      byte[] encrypted = encrypt(client, mykey + "_pk", secret, oaep(null), null).data;
      assertThat(encrypted).hasSize(512);
      assertThat(decrypt(client, mykey, encrypted, oaep(null), null, null)).isEqualTo(secret);
      destroy(client, mykey);
      destroy(client, mykey + "_pk");
    }
  }

  @Test
  void aKmip14ClientNamesTheHsmKeyAndGetsANonSensitiveValue() throws Exception {
    ProtocolVersion v14 = ProtocolVersion.V1_4;
    String uid = "hsm::" + hsm.tokens().slot2() + "::" + label("named14");
    Attributes named =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128)),
            Attribute.of(
                TtlvStructure.of(
                    Tag.NAME.code(),
                    new TtlvTextString(Tag.NAME_VALUE.code(), uid),
                    new TtlvEnumeration(
                        Tag.NAME_TYPE.code(), NameType.UNINTERPRETED_TEXT_STRING.value()))));
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), v14)) {
      String created =
          Create.Response.decode(
                  client.ok(
                      Operation.CREATE,
                      Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), named).encode(v14)),
                  v14)
              .uniqueIdentifier();
      assertThat(created).isEqualTo(uid);
      // 1.x has no Sensitive attribute: the key may leave the HSM, raw.
      ManagedObject object =
          Get.Response.decode(client.ok(Operation.GET, Get.Request.of(uid).encode(v14)), v14)
              .object();
      KeyValue.Plain plain =
          (KeyValue.Plain)
              Objects.requireNonNull(Objects.requireNonNull(object.keyBlock()).keyValue());
      assertThat(((KeyMaterial.Bytes) plain.keyMaterial()).value().length()).isEqualTo(16);
      // HSM keys are always Active: their state and attributes are the HSM's.
      ResponseBatchItem activate =
          client.call(
              Operation.ACTIVATE,
              TtlvStructure.of(
                  Tag.REQUEST_PAYLOAD.code(),
                  new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), uid)));
      assertThat(activate.resultReason()).isEqualTo(ResultReason.FEATURE_NOT_SUPPORTED.value());
      client.ok(Operation.DESTROY, new Destroy.Request(uid).encode(v14));
      ResponseBatchItem gone = client.call(Operation.GET, Get.Request.of(uid).encode(v14));
      assertThat(gone.resultReason()).isEqualTo(ResultReason.ITEM_NOT_FOUND.value());
    }
  }

  private void walkthrough(long slot, int rsaBits) throws Exception {
    String mykey = "hsm::" + slot + "::" + label("mykey");
    String publicKey = mykey + "_pk";
    String aes1 = "hsm::" + slot + "::" + label("aes1");
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      // Create Key Pair: sensitive RSA in the HSM; the public key is <label>_pk.
      CreateKeyPair.Response pair = createRsa(client, mykey, rsaBits, true);
      assertThat(pair.privateKeyUniqueIdentifier()).isEqualTo(mykey);
      assertThat(pair.publicKeyUniqueIdentifier()).isEqualTo(publicKey);

      // Get the public key as SubjectPublicKeyInfo (what a PKCS#8-style public PEM holds).
      byte[] spki = keyBytes(client.ok(Operation.GET, get(publicKey, KeyFormatType.X_509)));
      PublicKey jca = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
      assertThat(keyBytes(client.ok(Operation.GET, get(publicKey, KeyFormatType.PKCS_1))))
          .isNotEmpty();

      // Encrypt with the public key (OAEP) in the HSM, and with the exported key outside it;
      // the private key decrypts both inside the HSM.
      byte[] secret = "the secret file".getBytes(StandardCharsets.UTF_8);
      byte[] inHsm = encrypt(client, publicKey, secret, oaep(null), null).data;
      assertThat(decrypt(client, mykey, inHsm, oaep(null), null, null)).isEqualTo(secret);
      Cipher outside = Cipher.getInstance("RSA/ECB/OAEPPadding");
      outside.init(
          Cipher.ENCRYPT_MODE,
          jca,
          new OAEPParameterSpec(
              "SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT));
      assertThat(
              decrypt(
                  client, mykey, outside.doFinal(secret), oaep(HashingAlgorithm.SHA_1), null, null))
          .isEqualTo(secret);
      byte[] v15 = encrypt(client, publicKey, secret, pkcs1(), null).data;
      assertThat(decrypt(client, mykey, v15, pkcs1(), null, null)).isEqualTo(secret);

      // A sensitive private key never leaves the HSM.
      ResponseBatchItem refused = client.call(Operation.GET, get(mykey, null));
      assertThat(refused.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
      assertThat(refused.resultReason()).isEqualTo(ResultReason.SENSITIVE.value());
      assertThat(refused.resultMessage()).contains("sensitive");

      // Get Attributes says what the HSM says.
      Attributes attributes =
          GetAttributes.Response.decode(
                  client.ok(
                      Operation.GET_ATTRIBUTES,
                      new GetAttributes.Request(mykey, List.of()).encode(V2_1)),
                  V2_1)
              .attributes();
      assertThat(((TtlvBoolean) attribute(attributes, Tag.SENSITIVE).value()).value()).isTrue();
      assertThat(((TtlvInteger) attribute(attributes, Tag.CRYPTOGRAPHIC_LENGTH).value()).value())
          .isEqualTo(rsaBits);

      // An AES key in the HSM: AES-GCM inside the HSM.
      String created =
          Create.Response.decode(
                  client.ok(Operation.CREATE, createAes(aes1, 256, false, null)), V2_1)
              .uniqueIdentifier();
      assertThat(created).isEqualTo(aes1);
      byte[] aad = {1, 2, 3};
      if (aesGcm()) {
        Encrypted gcm = encrypt(client, aes1, secret, gcm(), aad);
        assertThat(gcm.iv).hasSize(12);
        assertThat(decrypt(client, aes1, gcm.data, gcm(), gcm.iv, gcm.tag, aad)).isEqualTo(secret);
      } else {
        assertNoAesGcm(client.call(Operation.ENCRYPT, encryptRequest(aes1, secret, gcm(), aad)));
      }

      // An existing label is refused.
      ResponseBatchItem again = client.call(Operation.CREATE, createAes(aes1, 128, true, null));
      assertThat(again.resultReason()).isEqualTo(ResultReason.OBJECT_ALREADY_EXISTS.value());

      // Tags (and other attributes) are not for HSM keys.
      ResponseBatchItem tagged =
          client.call(
              Operation.CREATE,
              Create.Request.of(
                      ObjectType.SYMMETRIC_KEY.value(),
                      with(
                          aesAttributes("hsm::" + slot + "::" + label("tagged"), 256, true),
                          Attribute.of(new TtlvTextString(Tag.OBJECT_GROUP.code(), "tag1"))))
                  .encode(V2_1));
      assertThat(tagged.resultReason()).isEqualTo(ResultReason.UNSUPPORTED_ATTRIBUTE.value());

      // Locate finds an HSM key by its name, and by its type among the others.
      assertThat(locateByName(client, aes1)).containsExactly(aes1);
      assertThat(locateByType(client, ObjectType.SYMMETRIC_KEY))
          .contains(aes1)
          .doesNotContain(mykey);
      assertThat(locateByType(client, ObjectType.PUBLIC_KEY))
          .contains(publicKey)
          .doesNotContain(aes1);

      // A KMS key wrapped by the HSM public key, used for Encrypt and Decrypt.
      String kmsKey =
          Create.Response.decode(
                  client.ok(Operation.CREATE, createAes(null, 256, true, publicKey)), V2_1)
              .uniqueIdentifier();
      assertThat(HsmKeyRef.isHsmId(kmsKey)).isFalse();
      Encrypted sym = encrypt(client, kmsKey, secret, gcm(), null);
      assertThat(decrypt(client, kmsKey, sym.data, gcm(), sym.iv, sym.tag, null)).isEqualTo(secret);

      // Another user sees none of it.
      try (KmipTestClient other = new KmipTestClient(hsm.user("user1"), hsm.port(), V2_1)) {
        for (String uid : List.of(mykey, publicKey, aes1)) {
          assertThat(other.call(Operation.GET, get(uid, null)).resultReason())
              .isEqualTo(ResultReason.OBJECT_NOT_FOUND.value());
          assertThat(
                  other
                      .call(
                          Operation.GET_ATTRIBUTES,
                          new GetAttributes.Request(uid, List.of()).encode(V2_1))
                      .resultReason())
              .isEqualTo(ResultReason.OBJECT_NOT_FOUND.value());
          assertThat(
                  other
                      .call(Operation.DESTROY, new Destroy.Request(uid).encode(V2_1))
                      .resultReason())
              .isEqualTo(ResultReason.OBJECT_NOT_FOUND.value());
        }
        assertThat(
                other
                    .call(Operation.ENCRYPT, encryptRequest(aes1, secret, gcm(), null))
                    .resultReason())
            .isEqualTo(ResultReason.OBJECT_NOT_FOUND.value());
        assertThat(
                other
                    .call(
                        Operation.CREATE,
                        createAes("hsm::" + slot + "::" + label("mine"), 256, true, null))
                    .resultReason())
            .isEqualTo(ResultReason.PERMISSION_DENIED.value());
        assertThat(
                other.call(Operation.CREATE, createAes(null, 256, true, publicKey)).resultReason())
            .isEqualTo(ResultReason.WRAPPING_OBJECT_NOT_FOUND.value());
        assertThat(locateByName(other, aes1)).isEmpty();
        assertThat(locateByType(other, ObjectType.SYMMETRIC_KEY)).doesNotContain(aes1);
      }

      // A key that still wraps a stored key is not destroyed: the stored key goes first.
      retire(client, kmsKey);
      // Destroy removes the keys from the HSM, without a Revoke.
      destroy(client, aes1);
      destroy(client, mykey);
      destroy(client, publicKey);
      assertThat(client.call(Operation.GET, get(aes1, null)).resultReason())
          .isEqualTo(ResultReason.OBJECT_NOT_FOUND.value());
      HsmSlot hsmSlot = hsm.slot(aes1);
      assertThat(hsmSlot.find(HsmKeyRef.parse(aes1).label())).isEmpty();
      assertThat(hsmSlot.find(HsmKeyRef.parse(publicKey).label())).isEmpty();
    }
  }

  // ---- grants on HSM keys (issue 9) ------------------------------------------------------------

  @Test
  void user1UsesAnHsmKeyOnlyForWhatTheAdminGranted() throws Exception {
    long slot = hsm.tokens().slot2();
    String aes = "hsm::" + slot + "::" + label("granted");
    String rsa = "hsm::" + slot + "::" + label("grantedrsa");
    String rsaPublic = rsa + "_pk";
    byte[] secret = "granted, not given".getBytes(StandardCharsets.UTF_8);
    byte[] aad = {7, 7};
    HsmSlot hsmSlot = hsm.slot(aes);
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1);
        KmipTestClient other = new KmipTestClient(hsm.user("user1"), hsm.port(), V2_1)) {
      client.ok(Operation.CREATE, createAes(aes, 256, false, null));
      createRsa(client, rsa, 2048, true);
      // Without AES-GCM in the token, a made-up ciphertext: every request with it is refused first.
      Encrypted byAdmin =
          aesGcm()
              ? encrypt(client, aes, secret, gcm(), aad)
              : new Encrypted(new byte[secret.length], new byte[12], new byte[16]);

      // Before any grant user1 cannot tell the keys exist.
      for (String uid : List.of(aes, rsa, rsaPublic)) {
        assertRefused(other, Operation.GET, get(uid, null), ResultReason.OBJECT_NOT_FOUND, uid);
        assertRefused(
            other,
            Operation.DESTROY,
            new Destroy.Request(uid).encode(V2_1),
            ResultReason.OBJECT_NOT_FOUND,
            uid);
      }
      assertRefused(
          other,
          Operation.ENCRYPT,
          encryptRequest(aes, secret, gcm(), aad),
          ResultReason.OBJECT_NOT_FOUND,
          aes);
      assertRefused(
          other,
          Operation.DECRYPT,
          decryptRequest(aes, byAdmin, aad),
          ResultReason.OBJECT_NOT_FOUND,
          aes);

      // The HSM administrator grants user1 Encrypt and Decrypt on the AES key alone.
      client.ok(
          Operation.GRANT_ACCESS,
          new GrantAccess.Request(
                  new AccessGrant("user1", aes, Set.of(Operation.ENCRYPT, Operation.DECRYPT)))
              .encode(V2_1));

      // user1's AES-GCM now runs in the HSM, both ways, and agrees with the admin's; a token
      // without AES-GCM now refuses for its own want, no longer as if the key did not exist.
      long encryptsBefore = hsmSlot.calls(HsmCall.ENCRYPT);
      long decryptsBefore = hsmSlot.calls(HsmCall.DECRYPT);
      Encrypted byUser1 = byAdmin;
      if (aesGcm()) {
        byUser1 = encrypt(other, aes, secret, gcm(), aad);
        assertThat(byUser1.iv).hasSize(12);
        assertThat(decrypt(other, aes, byUser1.data, gcm(), byUser1.iv, byUser1.tag, aad))
            .isEqualTo(secret);
        assertThat(decrypt(other, aes, byAdmin.data, gcm(), byAdmin.iv, byAdmin.tag, aad))
            .isEqualTo(secret);
        assertThat(decrypt(client, aes, byUser1.data, gcm(), byUser1.iv, byUser1.tag, aad))
            .isEqualTo(secret);
        assertThat(hsmSlot.calls(HsmCall.ENCRYPT) - encryptsBefore).isEqualTo(1);
        assertThat(hsmSlot.calls(HsmCall.DECRYPT) - decryptsBefore).isEqualTo(3);
      } else {
        assertNoAesGcm(other.call(Operation.ENCRYPT, encryptRequest(aes, secret, gcm(), aad)));
        assertNoAesGcm(other.call(Operation.DECRYPT, decryptRequest(aes, byAdmin, aad)));
      }

      // Nothing else: user1 now knows the key exists, so the rest is Permission Denied.
      assertRefused(other, Operation.GET, get(aes, null), ResultReason.PERMISSION_DENIED, aes);
      assertRefused(
          other,
          Operation.GET_ATTRIBUTES,
          new GetAttributes.Request(aes, List.of()).encode(V2_1),
          ResultReason.PERMISSION_DENIED,
          aes);
      assertRefused(
          other,
          Operation.DESTROY,
          new Destroy.Request(aes).encode(V2_1),
          ResultReason.PERMISSION_DENIED,
          aes);
      assertRefused(
          other,
          Operation.GRANT_ACCESS,
          new GrantAccess.Request(new AccessGrant("user1", aes, Set.of(Operation.GET)))
              .encode(V2_1),
          ResultReason.PERMISSION_DENIED,
          aes);
      assertThat(locateByName(other, aes)).isEmpty();
      // Creating in the HSM stays the admin's, grants or not.
      assertRefused(
          other,
          Operation.CREATE,
          createAes("hsm::" + slot + "::" + label("user1s"), 256, true, null),
          ResultReason.PERMISSION_DENIED,
          "create");
      assertThat(hsmSlot.find(label("user1s"))).isEmpty();
      // The grant is on the AES key alone: the RSA pair stays invisible.
      for (String uid : List.of(rsa, rsaPublic)) {
        assertRefused(
            other,
            Operation.ENCRYPT,
            encryptRequest(uid, secret, oaep(null), null),
            ResultReason.OBJECT_NOT_FOUND,
            uid);
        assertRefused(other, Operation.GET, get(uid, null), ResultReason.OBJECT_NOT_FOUND, uid);
      }
      // The refusals left the key alone.
      assertThat(hsmSlot.find(label("granted"))).isPresent();

      // The admin revokes; user1's very next request, on the same connection, is refused.
      client.ok(
          Operation.REVOKE_ACCESS,
          new RevokeAccess.Request(
                  new AccessGrant("user1", aes, Set.of(Operation.ENCRYPT, Operation.DECRYPT)))
              .encode(V2_1));
      assertRefused(
          other,
          Operation.ENCRYPT,
          encryptRequest(aes, secret, gcm(), aad),
          ResultReason.OBJECT_NOT_FOUND,
          aes);
      assertRefused(
          other,
          Operation.DECRYPT,
          decryptRequest(aes, byUser1, aad),
          ResultReason.OBJECT_NOT_FOUND,
          aes);
      assertRefused(other, Operation.GET, get(aes, null), ResultReason.OBJECT_NOT_FOUND, aes);

      destroy(client, aes);
      destroy(client, rsa);
      destroy(client, rsaPublic);
    }
  }

  // ---- the key cache in front of the HSM ------------------------------------------------------

  @Test
  void thousandEncryptsWithAnHsmWrappedKeyCostOneUnwrap() throws Exception {
    String aesKek = "hsm::" + hsm.tokens().slot1() + "::" + label("cachekek");
    String rsaKek = "hsm::" + hsm.tokens().slot1() + "::" + label("cachersa");
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      client.ok(Operation.CREATE, createAes(aesKek, 256, true, null));
      // A token without AES key wrap nor AES-GCM cannot wrap under an AES key, and says so; its
      // RSA key pair wraps instead (the public key wraps, the private key unwraps).
      String kek = aesKek;
      String wrappingKey = aesKek;
      if (!aesGcm() && !hsm.tokens().implementation().aesKeyWrapPad()) {
        ResponseBatchItem refused =
            client.call(Operation.CREATE, createAes(null, 256, true, aesKek));
        assertThat(refused.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
        assertThat(refused.resultMessage()).contains("does not implement AES-GCM");
        createRsa(client, rsaKek, 2048, true);
        kek = rsaKek;
        wrappingKey = rsaKek + "_pk";
      }
      String key =
          Create.Response.decode(
                  client.ok(Operation.CREATE, createAes(null, 256, true, wrappingKey)), V2_1)
              .uniqueIdentifier();
      HsmSlot slot = hsm.slot(kek);
      long unwrapsBefore = slot.calls(HsmCall.UNWRAP);
      long decryptsBefore = slot.calls(HsmCall.DECRYPT);
      byte[] data = new byte[64];
      for (int i = 0; i < 1000; i++) {
        data[0] = (byte) i;
        encrypt(client, key, data, gcm(), null);
      }
      assertThat(slot.calls(HsmCall.UNWRAP) - unwrapsBefore).isEqualTo(1);
      // AES-GCM unwrapping (a token without KWP) would count one decryption too, no more.
      assertThat(slot.calls(HsmCall.DECRYPT) - decryptsBefore).isLessThanOrEqualTo(1);
      retire(client, key);
      destroy(client, aesKek);
      if (kek.equals(rsaKek)) {
        destroy(client, rsaKek);
        destroy(client, rsaKek + "_pk");
      }
    }
  }
}
