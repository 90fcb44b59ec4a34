package io.arca.server.hsm;

import static io.arca.server.hsm.HsmCryptoRequests.createHmac;
import static io.arca.server.hsm.HsmCryptoRequests.mac;
import static io.arca.server.hsm.HsmRequests.assertRefused;
import static io.arca.server.hsm.HsmRequests.createAes;
import static io.arca.server.hsm.HsmRequests.decrypt;
import static io.arca.server.hsm.HsmRequests.destroy;
import static io.arca.server.hsm.HsmRequests.encrypt;
import static io.arca.server.hsm.HsmRequests.gcm;
import static io.arca.server.hsm.HsmRequests.get;
import static io.arca.server.hsm.HsmRequests.keyBytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.hsm.HsmSlot;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.ValidityIndicator;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.Mac;
import io.arca.kmip.payload.MacVerify;
import io.arca.kmip.ttlv.ByteString;
import io.arca.testing.TokenImplementation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
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
 * Encrypt, Decrypt, MAC and MAC Verify over several requests with keys of the token, end to end
 * over mutual TLS on both token implementations: the streamed result is the one-shot result (and
 * the JDK's, with the key's value), and every way a stream ends (its last part, a failing part, its
 * connection closing) gives its token session back. A token that lacks the mechanism (opencryptoki:
 * no AES-GCM, no HMAC keys) refuses the stream with Feature Not Supported and holds no session.
 */
@ParameterizedClass
@EnumSource(TokenImplementation.class)
class HsmStreamingIT {
  private static final ProtocolVersion V2_1 = ProtocolVersion.V2_1;
  private static final ProtocolVersion V1_4 = ProtocolVersion.V1_4;
  private static final byte[] AAD = "streamed".getBytes(StandardCharsets.UTF_8);
  private static final byte[][] PARTS = {
    "the first part, ".getBytes(StandardCharsets.UTF_8),
    "a middle part of another length, ".getBytes(StandardCharsets.UTF_8),
    "and the last".getBytes(StandardCharsets.UTF_8)
  };

  @TempDir static Path dir;

  // Started for each token implementation, before its tests, by start().
  @SuppressWarnings("NullAway.Init")
  static HsmTestServer hsm;

  private final TokenImplementation implementation;

  HsmStreamingIT(TokenImplementation implementation) {
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

  private static String hsmId(String name) {
    return "hsm::" + hsm.tokens().slot1() + "::" + name + hsm.run();
  }

  private static HsmSlot slot(String uid) {
    return hsm.slot(uid);
  }

  private static byte[] all() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : PARTS) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static ByteString bytes(byte[] value) {
    return ByteString.copyOf(value);
  }

  private static byte[] bytes(@Nullable ByteString value) {
    return value == null ? new byte[0] : value.toByteArray();
  }

  /** Encrypt's parts: the first with the parameters and Additional Data, the last with Final. */
  private static Encrypt.Request encryptPart(
      String uid, int index, @Nullable ByteString correlation) {
    boolean first = index == 0;
    boolean last = index == PARTS.length - 1;
    return new Encrypt.Request(
        uid,
        first ? gcm() : null,
        bytes(PARTS[index]),
        null,
        correlation,
        first ? true : null,
        last ? true : null,
        first ? bytes(AAD) : null);
  }

  /** An AES-GCM key of the token, or on a token without AES-GCM the refusal asserted; or null. */
  private @Nullable String gcmKey(KmipTestClient client, String name) throws Exception {
    String uid = hsmId(name);
    client.ok(Operation.CREATE, createAes(uid, 256, false, null));
    if (implementation.aesGcm()) {
      return uid;
    }
    assertRefused(
        client,
        Operation.ENCRYPT,
        encryptPart(uid, 0, null).encode(V2_1),
        ResultReason.FEATURE_NOT_SUPPORTED,
        uid);
    assertThat(slot(uid).openStreams()).isZero();
    destroy(client, uid);
    return null;
  }

  /** An HMAC-SHA256 key of the token, or on a token that cannot bind one the refusal; or null. */
  private @Nullable String hmacKey(KmipTestClient client, String name) throws Exception {
    String uid = hsmId(name);
    ResponseBatchItem answer =
        client.call(
            Operation.CREATE, createHmac(uid, CryptographicAlgorithm.HMAC_SHA256, 256, false));
    if (implementation.hmacKeys()) {
      assertThat(answer.resultStatus())
          .as("%s", answer.resultMessage())
          .isEqualTo(ResultStatus.SUCCESS);
      return uid;
    }
    assertThat(answer.resultReason()).isEqualTo(ResultReason.FEATURE_NOT_SUPPORTED.value());
    return null;
  }

  @Test
  void aesGcmStreamsThroughOneTokenSessionAndMatchesTheOneShotResult() throws Exception {
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      String key = gcmKey(client, "gcm-stream");
      if (key == null) {
        return;
      }
      ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
      ByteString correlation = null;
      byte[] iv = null;
      byte[] tag = null;
      for (int i = 0; i < PARTS.length; i++) {
        Encrypt.Response answer =
            Encrypt.Response.decode(
                client.ok(Operation.ENCRYPT, encryptPart(key, i, correlation).encode(V2_1)), V2_1);
        ciphertext.writeBytes(bytes(answer.data()));
        if (i == 0) {
          iv = bytes(answer.ivCounterNonce());
          assertThat(iv).hasSize(12);
        }
        correlation = answer.correlationValue();
        if (i < PARTS.length - 1) {
          assertThat(correlation).isNotNull();
          // The operation is active on a session of its own between the requests.
          assertThat(slot(key).openStreams()).isEqualTo(1);
        } else {
          assertThat(correlation).isNull();
          tag = bytes(answer.tag());
        }
      }
      assertThat(slot(key).openStreams()).isZero();
      byte[] streamed = ciphertext.toByteArray();

      // The JDK, with the key's value and the IV the token drew, makes the same bytes.
      Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
      jdk.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(keyBytes(client.ok(Operation.GET, get(key, null))), "AES"),
          new GCMParameterSpec(128, Objects.requireNonNull(iv)));
      jdk.updateAAD(AAD);
      byte[] expected = jdk.doFinal(all());
      assertThat(streamed).isEqualTo(Arrays.copyOf(expected, streamed.length));
      assertThat(tag).isEqualTo(Arrays.copyOfRange(expected, streamed.length, expected.length));
      // One-shot Decrypt takes what the stream made.
      assertThat(decrypt(client, key, streamed, gcm(), iv, tag, AAD)).isEqualTo(all());

      // And a streamed Decrypt takes what a one-shot Encrypt made.
      HsmRequests.Encrypted once = encrypt(client, key, all(), gcm(), AAD);
      assertThat(streamDecrypt(client, key, once, once.tag)).isEqualTo(all());
      assertThat(slot(key).openStreams()).isZero();
      destroy(client, key);
    }
  }

  /** Decrypts in three parts: IV and Additional Data with the first, the tag with the last. */
  private static byte[] streamDecrypt(
      KmipTestClient client, String key, HsmRequests.Encrypted encrypted, byte @Nullable [] tag)
      throws Exception {
    byte[] data = encrypted.data;
    int third = data.length / 3;
    byte[][] pieces = {
      Arrays.copyOfRange(data, 0, third),
      Arrays.copyOfRange(data, third, 2 * third),
      Arrays.copyOfRange(data, 2 * third, data.length)
    };
    ByteArrayOutputStream plaintext = new ByteArrayOutputStream();
    ByteString correlation = null;
    for (int i = 0; i < pieces.length; i++) {
      boolean first = i == 0;
      boolean last = i == pieces.length - 1;
      Decrypt.Request request =
          new Decrypt.Request(
              key,
              first ? gcm() : null,
              bytes(pieces[i]),
              first ? bytes(Objects.requireNonNull(encrypted.iv)) : null,
              correlation,
              first ? true : null,
              last ? true : null,
              first ? bytes(AAD) : null,
              last && tag != null ? bytes(tag) : null);
      Decrypt.Response answer =
          Decrypt.Response.decode(client.ok(Operation.DECRYPT, request.encode(V2_1)), V2_1);
      plaintext.writeBytes(bytes(answer.data()));
      correlation = answer.correlationValue();
    }
    return plaintext.toByteArray();
  }

  @Test
  void hmacStreamsThroughOneTokenSessionAndMatchesTheOneShotMac() throws Exception {
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      String key = hmacKey(client, "mac-stream");
      if (key == null) {
        return;
      }
      ByteString correlation = null;
      byte[] streamed = null;
      for (int i = 0; i < PARTS.length; i++) {
        boolean last = i == PARTS.length - 1;
        Mac.Response answer =
            Mac.Response.decode(
                client.ok(
                    Operation.MAC,
                    new Mac.Request(
                            key,
                            null,
                            bytes(PARTS[i]),
                            correlation,
                            i == 0 ? true : null,
                            last ? true : null)
                        .encode(V2_1)),
                V2_1);
        correlation = answer.correlationValue();
        if (!last) {
          assertThat(answer.macData()).isNull();
          assertThat(slot(key).openStreams()).isEqualTo(1);
        } else {
          streamed = bytes(answer.macData());
        }
      }
      assertThat(slot(key).openStreams()).isZero();
      byte[] once = mac(client, key, null, all());
      assertThat(streamed).isEqualTo(once);
      javax.crypto.Mac jdk = javax.crypto.Mac.getInstance("HmacSHA256");
      jdk.init(new SecretKeySpec(keyBytes(client.ok(Operation.GET, get(key, null))), "HmacSHA256"));
      assertThat(streamed).isEqualTo(jdk.doFinal(all()));

      // MAC Verify over parts, the MAC Data with the first part.
      assertThat(streamVerify(client, key, once)).isTrue();
      byte[] wrong = once.clone();
      wrong[5] ^= 1;
      assertThat(streamVerify(client, key, wrong)).isFalse();
      assertThat(slot(key).openStreams()).isZero();
      destroy(client, key);
    }
  }

  private static boolean streamVerify(KmipTestClient client, String key, byte[] macData)
      throws Exception {
    ByteString correlation = null;
    Integer validity = null;
    for (int i = 0; i < PARTS.length; i++) {
      boolean last = i == PARTS.length - 1;
      MacVerify.Response answer =
          MacVerify.Response.decode(
              client.ok(
                  Operation.MAC_VERIFY,
                  new MacVerify.Request(
                          key,
                          null,
                          bytes(PARTS[i]),
                          i == 0 ? bytes(macData) : null,
                          correlation,
                          i == 0 ? true : null,
                          last ? true : null)
                      .encode(V2_1)),
              V2_1);
      correlation = answer.correlationValue();
      validity = answer.validityIndicator();
    }
    return Objects.requireNonNull(validity) == ValidityIndicator.VALID.value();
  }

  @Test
  void aFailedTagAStrangePartAndAClosedConnectionEachGiveTheSessionBack() throws Exception {
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1);
        KmipTestClient v14 = new KmipTestClient(hsm.admin(), hsm.port(), V1_4)) {
      String gcmKey = gcmKey(client, "gcm-fail");
      if (gcmKey != null) {
        // A wrong tag fails the last part with Cryptographic Failure, and closes the stream.
        HsmRequests.Encrypted once = encrypt(client, gcmKey, all(), gcm(), AAD);
        byte[] wrongTag = Objects.requireNonNull(once.tag).clone();
        wrongTag[0] ^= 1;
        ResponseBatchItem failed = lastDecryptPart(client, gcmKey, once, wrongTag);
        assertThat(failed.resultReason())
            .as("%s", failed.resultMessage())
            .isEqualTo(ResultReason.CRYPTOGRAPHIC_FAILURE.value());
        assertThat(slot(gcmKey).openStreams()).isZero();
        // The right tag still works after that, on a fresh session.
        assertThat(streamDecrypt(client, gcmKey, once, once.tag)).isEqualTo(all());
      }
      String macKey = hmacKey(client, "mac-fail");
      String key = macKey != null ? macKey : gcmKey;
      if (key == null) {
        return; // the token streams nothing: the refusals were asserted
      }
      // A part that names no open stream: the version's reason, and no session is taken.
      ByteString unknown = bytes(new byte[16]);
      TtlvPart strange = part(key, macKey != null, unknown);
      assertRefused(
          client,
          strange.operation,
          strange.request(V2_1),
          ResultReason.INVALID_CORRELATION_VALUE,
          key);
      assertRefused(
          v14, strange.operation, strange.request(V1_4), ResultReason.ITEM_NOT_FOUND, key);
      assertThat(slot(key).openStreams()).isZero();

      // A stream whose connection closes before its last part is closed with it.
      try (KmipTestClient leaving = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
        TtlvPart first = part(key, macKey != null, null);
        assertThat(leaving.call(first.operation, first.request(V2_1)).resultStatus())
            .isEqualTo(ResultStatus.SUCCESS);
        assertThat(slot(key).openStreams()).isEqualTo(1);
      }
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (slot(key).openStreams() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(slot(key).openStreams()).isZero();
      destroy(client, key);
      if (gcmKey != null && !gcmKey.equals(key)) {
        destroy(client, gcmKey);
      }
    }
  }

  /** A first (no correlation) or later part of a MAC or an AES-GCM encryption stream. */
  private record TtlvPart(
      Operation operation, Mac.@Nullable Request mac, Encrypt.@Nullable Request encrypt) {
    io.arca.kmip.ttlv.TtlvStructure request(ProtocolVersion version) {
      return mac != null ? mac.encode(version) : Objects.requireNonNull(encrypt).encode(version);
    }
  }

  private static TtlvPart part(String key, boolean mac, @Nullable ByteString correlation) {
    Boolean init = correlation == null ? true : null;
    if (mac) {
      return new TtlvPart(
          Operation.MAC,
          new Mac.Request(key, null, bytes(PARTS[0]), correlation, init, null),
          null);
    }
    return new TtlvPart(
        Operation.ENCRYPT,
        null,
        new Encrypt.Request(
            key, gcm(), bytes(PARTS[0]), null, correlation, init, null, bytes(AAD)));
  }

  /** Opens a decryption stream with all the data and sends {@code tag} with an empty last part. */
  private static ResponseBatchItem lastDecryptPart(
      KmipTestClient client, String key, HsmRequests.Encrypted encrypted, byte[] tag)
      throws Exception {
    Decrypt.Response first =
        Decrypt.Response.decode(
            client.ok(
                Operation.DECRYPT,
                new Decrypt.Request(
                        key,
                        gcm(),
                        bytes(encrypted.data),
                        bytes(Objects.requireNonNull(encrypted.iv)),
                        null,
                        true,
                        null,
                        bytes(AAD),
                        null)
                    .encode(V2_1)),
            V2_1);
    assertThat(bytes(first.data())).isEmpty();
    assertThat(slot(key).openStreams()).isEqualTo(1);
    return client.call(
        Operation.DECRYPT,
        new Decrypt.Request(
                key, null, null, null, first.correlationValue(), null, true, null, bytes(tag))
            .encode(V2_1));
  }
}
