package io.arca.server.hsm;

import static io.arca.server.hsm.HsmRequests.assertRefused;
import static io.arca.server.hsm.HsmRequests.createAes;
import static io.arca.server.hsm.HsmRequests.createRsa;
import static io.arca.server.hsm.HsmRequests.destroy;
import static io.arca.server.hsm.HsmRequests.gcm;
import static io.arca.server.hsm.HsmRequests.get;
import static io.arca.server.hsm.HsmRequests.retire;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.hsm.HsmSlot;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.RevocationReasonCode;
import io.arca.kmip.ValidityIndicator;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.AccessGrant;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.Destroy;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GrantAccess;
import io.arca.kmip.payload.Revoke;
import io.arca.kmip.payload.Sign;
import io.arca.kmip.payload.SignatureVerify;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key port over mutual TLS, on a server with a real SoftHSM2 token: every rule that does not
 * depend on where a key lives gives the same answer for a stored key and for an HSM key (the
 * one-shot rule, the tag of a client before KMIP 1.4), and the grant meanings of docs/ACCESS.md
 * hold for HSM keys (Encrypt lets the grantee wrap with one, Get alone reads what Get returns, and
 * a key that still wraps stored objects is not destroyed).
 */
class HsmKeyPortIT {
  private static final ProtocolVersion V2_1 = ProtocolVersion.V2_1;
  private static final ProtocolVersion V1_4 = ProtocolVersion.V1_4;
  private static final ProtocolVersion V1_2 = ProtocolVersion.V1_2;
  private static final byte[] SECRET = "one path for both".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path dir;
  static HsmTestServer hsm;

  @BeforeAll
  static void start() throws Exception {
    hsm = HsmTestServer.start(dir);
  }

  @AfterAll
  static void stop() {
    if (hsm != null) {
      hsm.close();
    }
  }

  /** An HSM AES key and a stored AES key of the admin's, both usable at once. */
  private static List<String> bothBackings(KmipTestClient client, String label) throws Exception {
    String hsmKey = "hsm::" + hsm.tokens().slot1() + "::" + label;
    client.ok(Operation.CREATE, createAes(hsmKey, 256, true, null));
    String stored =
        Create.Response.decode(client.ok(Operation.CREATE, createAes(null, 256, true, null)), V2_1)
            .uniqueIdentifier();
    return List.of(hsmKey, stored);
  }

  private static Encrypt.Response encrypt(
      KmipTestClient client,
      ProtocolVersion version,
      String uid,
      @Nullable Boolean init,
      @Nullable Boolean last)
      throws Exception {
    return Encrypt.Response.decode(
        client.ok(
            Operation.ENCRYPT,
            new Encrypt.Request(uid, gcm(), ByteString.copyOf(SECRET), null, null, init, last, null)
                .encode(version)),
        version);
  }

  private static ResponseBatchItem decrypt(
      KmipTestClient client,
      ProtocolVersion version,
      String uid,
      byte[] data,
      ByteString iv,
      @Nullable ByteString tag)
      throws Exception {
    return client.call(
        Operation.DECRYPT,
        new Decrypt.Request(uid, gcm(), ByteString.copyOf(data), iv, null, null, null, null, tag)
            .encode(version));
  }

  private static byte[] plaintext(ResponseBatchItem answer) {
    assertThat(answer.resultStatus())
        .as("%s", answer.resultMessage())
        .isEqualTo(ResultStatus.SUCCESS);
    return Objects.requireNonNull(
            Decrypt.Response.decode(Objects.requireNonNull(answer.responsePayload()), V2_1).data())
        .toByteArray();
  }

  private static byte[] joined(Encrypt.Response response) {
    byte[] data = Objects.requireNonNull(response.data()).toByteArray();
    byte[] tag = Objects.requireNonNull(response.tag()).toByteArray();
    byte[] out = Arrays.copyOf(data, data.length + tag.length);
    System.arraycopy(tag, 0, out, data.length, tag.length);
    return out;
  }

  // ---- the version rules, on both backings ------------------------------------------------------

  @Test
  void aRequestWithInitAndFinalBothTrueIsOneShotOnBothBackings() throws Exception {
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      for (String uid : bothBackings(client, "oneshot")) {
        Encrypt.Response encrypted = encrypt(client, V2_1, uid, true, true);
        assertThat(encrypted.correlationValue()).as(uid).isNull();
        ResponseBatchItem answer =
            decrypt(
                client,
                V2_1,
                uid,
                Objects.requireNonNull(encrypted.data()).toByteArray(),
                Objects.requireNonNull(encrypted.ivCounterNonce()),
                encrypted.tag());
        assertThat(plaintext(answer)).as(uid).isEqualTo(SECRET);
      }
    }
  }

  @Test
  void streamsOpenOnBothBackingsOnlyAfterAccessIsDecided() throws Exception {
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1);
        KmipTestClient other = new KmipTestClient(hsm.user("user1"), hsm.port(), V2_1)) {
      for (String uid : bothBackings(client, "streams")) {
        TtlvStructure init =
            new Encrypt.Request(
                    uid, gcm(), ByteString.copyOf(SECRET), null, null, true, false, null)
                .encode(V2_1);
        // A stranger learns nothing: the key is missing to it, and no stream is opened.
        assertRefused(other, Operation.ENCRYPT, init, ResultReason.OBJECT_NOT_FOUND, uid);
        Encrypt.Response first = Encrypt.Response.decode(client.ok(Operation.ENCRYPT, init), V2_1);
        assertThat(first.correlationValue()).as(uid).isNotNull();
        Encrypt.Response last =
            Encrypt.Response.decode(
                client.ok(
                    Operation.ENCRYPT,
                    new Encrypt.Request(
                            uid, null, null, null, first.correlationValue(), null, true, null)
                        .encode(V2_1)),
                V2_1);
        assertThat(last.tag()).as(uid).isNotNull();
      }
    }
  }

  @Test
  void fromKmip14TheTagIsTheTagFieldAloneOnBothBackings() throws Exception {
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1);
        KmipTestClient v14 = new KmipTestClient(hsm.admin(), hsm.port(), V1_4)) {
      for (String uid : bothBackings(client, "tagfield")) {
        Encrypt.Response encrypted = encrypt(client, V2_1, uid, null, null);
        ByteString iv = Objects.requireNonNull(encrypted.ivCounterNonce());
        for (KmipTestClient asking : List.of(client, v14)) {
          // The tag after the ciphertext, without the tag field: the HSM path used to take it.
          ResponseBatchItem answer =
              decrypt(asking, asking == client ? V2_1 : V1_4, uid, joined(encrypted), iv, null);
          assertThat(answer.resultStatus()).as(uid).isEqualTo(ResultStatus.OPERATION_FAILED);
          assertThat(answer.resultReason())
              .as("%s: %s", uid, answer.resultMessage())
              .isEqualTo(ResultReason.INVALID_FIELD.value());
          assertThat(answer.resultMessage()).contains("AuthenticatedEncryptionTag");
        }
      }
    }
  }

  @Test
  void beforeKmip14TheTagTravelsAfterTheCiphertextOnBothBackings() throws Exception {
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1);
        KmipTestClient v12 = new KmipTestClient(hsm.admin(), hsm.port(), V1_2)) {
      for (String uid : bothBackings(client, "tagindata")) {
        Encrypt.Response encrypted = encrypt(v12, V1_2, uid, null, null);
        assertThat(encrypted.tag()).as(uid).isNull();
        byte[] data = Objects.requireNonNull(encrypted.data()).toByteArray();
        assertThat(data).as(uid).hasSize(SECRET.length + 16);
        ByteString iv = Objects.requireNonNull(encrypted.ivCounterNonce());
        assertThat(plaintext(decrypt(v12, V1_2, uid, data, iv, null))).as(uid).isEqualTo(SECRET);
        // The same ciphertext, split by a 2.1 client into data and tag.
        ByteString tag = ByteString.copyOf(Arrays.copyOfRange(data, SECRET.length, data.length));
        byte[] body = Arrays.copyOf(data, SECRET.length);
        assertThat(plaintext(decrypt(client, V2_1, uid, body, iv, tag))).as(uid).isEqualTo(SECRET);
      }
    }
  }

  // ---- grant meanings ---------------------------------------------------------------------------

  @Test
  void anEncryptGrantOnAnHsmKeyLetsTheGranteeWrapWithIt() throws Exception {
    String kek = "hsm::" + hsm.tokens().slot1() + "::sharedkek";
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1);
        KmipTestClient other = new KmipTestClient(hsm.user("user1"), hsm.port(), V2_1)) {
      client.ok(Operation.CREATE, createAes(kek, 256, true, null));
      // Without a grant the key does not exist for user1, as a wrapping key too.
      assertRefused(
          other,
          Operation.CREATE,
          createAes(null, 256, true, kek),
          ResultReason.WRAPPING_OBJECT_NOT_FOUND,
          kek);
      client.ok(
          Operation.GRANT_ACCESS,
          new GrantAccess.Request(new AccessGrant("user1", kek, Set.of(Operation.GET)))
              .encode(V2_1));
      // Get is not Encrypt: still no wrapping.
      assertRefused(
          other,
          Operation.CREATE,
          createAes(null, 256, true, kek),
          ResultReason.WRAPPING_OBJECT_NOT_FOUND,
          kek);
      client.ok(
          Operation.GRANT_ACCESS,
          new GrantAccess.Request(new AccessGrant("user1", kek, Set.of(Operation.ENCRYPT)))
              .encode(V2_1));
      String mine =
          Create.Response.decode(other.ok(Operation.CREATE, createAes(null, 256, true, kek)), V2_1)
              .uniqueIdentifier();
      Encrypt.Response encrypted = encrypt(other, V2_1, mine, null, null);
      assertThat(
              plaintext(
                  decrypt(
                      other,
                      V2_1,
                      mine,
                      Objects.requireNonNull(encrypted.data()).toByteArray(),
                      Objects.requireNonNull(encrypted.ivCounterNonce()),
                      encrypted.tag())))
          .isEqualTo(SECRET);
      // A stored key stays its owner's choice: an Encrypt grant on it does not make it a wrapper.
      String adminsKey =
          Create.Response.decode(
                  client.ok(Operation.CREATE, createAes(null, 256, true, null)), V2_1)
              .uniqueIdentifier();
      client.ok(
          Operation.GRANT_ACCESS,
          new GrantAccess.Request(new AccessGrant("user1", adminsKey, Set.of(Operation.ENCRYPT)))
              .encode(V2_1));
      assertRefused(
          other,
          Operation.CREATE,
          createAes(null, 256, true, adminsKey),
          ResultReason.WRAPPING_OBJECT_NOT_FOUND,
          adminsKey);
    }
  }

  @Test
  void anHsmKeySignsAndVerifiesInPartsAsInOne() throws Exception {
    String rsa = "hsm::" + hsm.tokens().slot1() + "::signparts";
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      createRsa(client, rsa, 2048, true);
      ByteString head = ByteString.copyOf(Arrays.copyOf(SECRET, 5));
      ByteString tail = ByteString.copyOf(Arrays.copyOfRange(SECRET, 5, SECRET.length));
      ByteString whole = ByteString.copyOf(SECRET);
      Sign.Response once =
          Sign.Response.decode(
              client.ok(
                  Operation.SIGN,
                  new Sign.Request(rsa, null, whole, null, null, null, null).encode(V2_1)),
              V2_1);
      ByteString signing =
          Sign.Response.decode(
                  client.ok(
                      Operation.SIGN,
                      new Sign.Request(rsa, null, head, null, null, true, null).encode(V2_1)),
                  V2_1)
              .correlationValue();
      Sign.Response parts =
          Sign.Response.decode(
              client.ok(
                  Operation.SIGN,
                  new Sign.Request(null, null, tail, null, signing, null, true).encode(V2_1)),
              V2_1);
      // PKCS#1 v1.5 is deterministic: the token signed the same message.
      assertThat(parts.signatureData()).isEqualTo(once.signatureData());
      String publicKey = rsa + HsmSlot.PUBLIC_KEY_SUFFIX;
      ByteString verifying =
          SignatureVerify.Response.decode(
                  client.ok(
                      Operation.SIGNATURE_VERIFY,
                      new SignatureVerify.Request(
                              publicKey, null, head, null, once.signatureData(), null, true, null)
                          .encode(V2_1)),
                  V2_1)
              .correlationValue();
      SignatureVerify.Response verdict =
          SignatureVerify.Response.decode(
              client.ok(
                  Operation.SIGNATURE_VERIFY,
                  new SignatureVerify.Request(null, null, tail, null, null, verifying, null, true)
                      .encode(V2_1)),
              V2_1);
      assertThat(verdict.validityIndicator()).isEqualTo(ValidityIndicator.VALID.value());
      destroy(client, rsa);
      destroy(client, publicKey);
    }
  }

  @Test
  void aGetGrantAloneReadsAnHsmPublicKey() throws Exception {
    String rsa = "hsm::" + hsm.tokens().slot1() + "::getonly";
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1);
        KmipTestClient other = new KmipTestClient(hsm.user("user1"), hsm.port(), V2_1)) {
      createRsa(client, rsa, 2048, true);
      String publicKey = rsa + HsmSlot.PUBLIC_KEY_SUFFIX;
      client.ok(
          Operation.GRANT_ACCESS,
          new GrantAccess.Request(new AccessGrant("user1", publicKey, Set.of(Operation.GET)))
              .encode(V2_1));
      Get.Response got = Get.Response.decode(other.ok(Operation.GET, get(publicKey, null)), V2_1);
      assertThat(got.uniqueIdentifier()).isEqualTo(publicKey);
      assertThat(HsmRequests.keyBytes(other.ok(Operation.GET, get(publicKey, null)))).isNotEmpty();
      // and nothing else
      assertRefused(
          other, Operation.GET, get(rsa, null), ResultReason.OBJECT_NOT_FOUND, "the private key");
      destroy(client, rsa);
      destroy(client, publicKey);
    }
  }

  @Test
  void aKeyThatStillWrapsStoredObjectsIsNotDestroyedOnEitherBacking() throws Exception {
    String kek = "hsm::" + hsm.tokens().slot2() + "::busykek";
    String rsa = "hsm::" + hsm.tokens().slot2() + "::busyrsa";
    String rsaPublic = rsa + HsmSlot.PUBLIC_KEY_SUFFIX;
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1);
        KmipTestClient v14 = new KmipTestClient(hsm.admin(), hsm.port(), V1_4)) {
      client.ok(Operation.CREATE, createAes(kek, 256, true, null));
      createRsa(client, rsa, 2048, true);
      String storedKek =
          Create.Response.decode(
                  client.ok(Operation.CREATE, createAes(null, 256, true, null)), V2_1)
              .uniqueIdentifier();
      List<String> wrapped =
          List.of(
              created(client, kek),
              created(client, kek),
              created(client, rsaPublic),
              created(client, storedKek));
      HsmSlot slot = hsm.slot(kek);

      ResponseBatchItem refused =
          client.call(Operation.DESTROY, new Destroy.Request(kek).encode(V2_1));
      assertThat(refused.resultReason()).isEqualTo(ResultReason.CONSTRAINT_VIOLATION.value());
      assertThat(refused.resultMessage()).contains("still wraps 2 stored objects");
      assertRefused(
          v14,
          Operation.DESTROY,
          new Destroy.Request(kek).encode(V1_4),
          ResultReason.ILLEGAL_OPERATION,
          kek);
      // Either half of the RSA pair: the public key wraps, the private key unwraps.
      for (String half : List.of(rsa, rsaPublic)) {
        ResponseBatchItem answer =
            client.call(Operation.DESTROY, new Destroy.Request(half).encode(V2_1));
        assertThat(answer.resultReason())
            .as(half)
            .isEqualTo(ResultReason.CONSTRAINT_VIOLATION.value());
        assertThat(answer.resultMessage()).as(half).contains("still wraps 1 stored object");
      }
      // Everything still reads.
      for (String uid : wrapped) {
        assertThat(client.call(Operation.GET, get(uid, null)).resultStatus())
            .as(uid)
            .isEqualTo(ResultStatus.SUCCESS);
      }
      // A stored key, deactivated so that Destroy is otherwise allowed.
      client.ok(
          Operation.REVOKE,
          new Revoke.Request(
                  storedKek,
                  new Revoke.RevocationReason(
                      RevocationReasonCode.CESSATION_OF_OPERATION.value(), null),
                  null)
              .encode(V2_1));
      assertThat(
              client
                  .call(Operation.DESTROY, new Destroy.Request(storedKek).encode(V2_1))
                  .resultReason())
          .isEqualTo(ResultReason.CONSTRAINT_VIOLATION.value());
      assertThat(slot.find("busykek")).isPresent();
      assertThat(slot.find("busyrsa")).isPresent();

      // Once the wrapped objects are gone, each key goes.
      for (String uid : wrapped) {
        retire(client, uid);
      }
      destroy(client, kek);
      destroy(client, rsa);
      destroy(client, rsaPublic);
      destroy(client, storedKek);
      assertThat(slot.find("busykek")).isEmpty();
    }
  }

  private static String created(KmipTestClient client, String wrappingKey) throws Exception {
    return Create.Response.decode(
            client.ok(Operation.CREATE, createAes(null, 256, true, wrappingKey)), V2_1)
        .uniqueIdentifier();
  }
}
