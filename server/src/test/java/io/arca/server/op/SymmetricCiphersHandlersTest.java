package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KmipException;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.JcaKeyCache;
import io.arca.server.crypto.RsaCipher;
import io.arca.server.crypto.SymmetricCipher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encrypt and Decrypt beyond single-shot AES, through the handlers with keys in a real store:
 * ChaCha20 and ChaCha20-Poly1305 with the vectors of RFC 8439, 3DES with the example of NIST SP
 * 800-67, and AES-GCM streamed over several requests with the vector the OASIS case uses.
 */
class SymmetricCiphersHandlersTest {
  private static final String SUNSCREEN =
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future,"
          + " sunscreen would be it.";
  private static final int BOTH =
      CryptographicUsageMask.ENCRYPT.value() | CryptographicUsageMask.DECRYPT.value();

  @TempDir Path dir;
  private HandlerFixture fixture;
  private CryptoStreams streams;
  private EncryptHandler encrypt;
  private DecryptHandler decrypt;

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    streams =
        new CryptoStreams(
            new CryptoStreams.Limits(
                100,
                2,
                100,
                CryptoStreams.DEFAULTS.bufferedBytes(),
                CryptoStreams.DEFAULTS.totalBufferedBytes(),
                Duration.ofMinutes(5),
                Duration.ofHours(1)),
            new SecureRandom());
    SymmetricCipher ciphers = new SymmetricCipher(new SecureRandom());
    AsymmetricKeys keys =
        new AsymmetricKeys(fixture.store(), new JcaKeyCache(100, Duration.ofMinutes(1)));
    RsaCipher rsa = new RsaCipher(new SecureRandom());
    encrypt = new EncryptHandler(fixture.objects(), ciphers, streams, keys, rsa);
    decrypt = new DecryptHandler(fixture.objects(), ciphers, streams, keys, rsa);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private static ByteString hex(String hex) {
    return ByteString.copyOf(HexFormat.of().parseHex(hex));
  }

  private static String hex(@Nullable ByteString bytes) {
    return HexFormat.of().formatHex(Objects.requireNonNull(bytes).toByteArray());
  }

  private static Consumer<Throwable> reason(ResultReason expected) {
    return e -> assertThat(((KmipException) e).reason()).isEqualTo(expected);
  }

  private static CryptographicParameters parameters(
      @Nullable BlockCipherMode mode, @Nullable Integer tagLength, @Nullable Integer counter) {
    return new CryptographicParameters(
        mode == null ? null : mode.value(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        tagLength,
        null,
        null,
        null,
        counter,
        null,
        null,
        null,
        null,
        null);
  }

  private Encrypt.Response encrypt(Encrypt.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    return Encrypt.Response.decode(Wire.handle(encrypt, request.encode(version), context), version);
  }

  private Decrypt.Response decrypt(Decrypt.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    return Decrypt.Response.decode(Wire.handle(decrypt, request.encode(version), context), version);
  }

  @Test
  void chaCha20OfRfc8439Section2_4_2() {
    String uid =
        RegisteredKeys.activeKey(
            fixture,
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            CryptographicAlgorithm.CHACHA20.value(),
            BOTH,
            null);
    ByteString plaintext = ByteString.copyOf(SUNSCREEN.getBytes(StandardCharsets.US_ASCII));
    ByteString nonce = hex("000000000000004a00000000");
    RequestContext context = HandlerFixture.alice();
    Encrypt.Response sealed =
        encrypt(
            new Encrypt.Request(
                uid, parameters(null, null, 1), plaintext, nonce, null, null, null, null),
            context);
    assertThat(hex(sealed.data()))
        .isEqualTo(
            "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
                + "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
                + "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
                + "5af90bbf74a35be6b40b8eedf2785e42874d");
    assertThat(sealed.ivCounterNonce()).isNull();
    Decrypt.Response opened =
        decrypt(
            new Decrypt.Request(
                uid, parameters(null, null, 1), sealed.data(), nonce, null, null, null, null, null),
            context);
    assertThat(opened.data()).isEqualTo(plaintext);
  }

  @Test
  void chaCha20Poly1305OfRfc8439Section2_8_2WithFullAndTruncatedTags() {
    String uid =
        RegisteredKeys.activeKey(
            fixture,
            "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f",
            CryptographicAlgorithm.CHACHA20POLY1305.value(),
            BOTH,
            null);
    ByteString plaintext = ByteString.copyOf(SUNSCREEN.getBytes(StandardCharsets.US_ASCII));
    ByteString nonce = hex("070000004041424344454647");
    ByteString aad = hex("50515253c0c1c2c3c4c5c6c7");
    RequestContext context = HandlerFixture.alice();
    Encrypt.Response sealed =
        encrypt(
            new Encrypt.Request(
                uid,
                parameters(BlockCipherMode.AEAD, 16, null),
                plaintext,
                nonce,
                null,
                null,
                null,
                aad),
            context);
    assertThat(hex(sealed.data())).startsWith("d31a8d34648e60db7b86afbc53ef7ec2");
    assertThat(hex(sealed.tag())).isEqualTo("1ae10b594f09e26a7e902ecbd0600691");

    Decrypt.Response opened =
        decrypt(
            new Decrypt.Request(
                uid,
                parameters(BlockCipherMode.AEAD, 12, null),
                sealed.data(),
                nonce,
                null,
                null,
                null,
                aad,
                hex("1ae10b594f09e26a7e902ecb")),
            context);
    assertThat(opened.data()).isEqualTo(plaintext);

    assertThatThrownBy(
            () ->
                decrypt(
                    new Decrypt.Request(
                        uid,
                        parameters(BlockCipherMode.AEAD, 16, null),
                        sealed.data(),
                        nonce,
                        null,
                        null,
                        null,
                        aad,
                        hex("ffe10b594f09e26a7e902ecbd0600691")),
                    context))
        .satisfies(reason(ResultReason.CRYPTOGRAPHIC_FAILURE));
    assertThatThrownBy(
            () ->
                encrypt(
                    new Encrypt.Request(
                        uid,
                        parameters(BlockCipherMode.AEAD, 32, null),
                        plaintext,
                        nonce,
                        null,
                        null,
                        null,
                        aad),
                    context))
        .satisfies(reason(ResultReason.GENERAL_FAILURE))
        .hasMessageContaining("TagLength");
  }

  @Test
  void tripleDesOfNistSp800_67Example() {
    // The example spells the plaintext "The qufck brown fox jump".
    String uid =
        RegisteredKeys.activeKey(
            fixture,
            "0123456789abcdef23456789abcdef01456789abcdef0123",
            CryptographicAlgorithm.DES3.value(),
            BOTH,
            null);
    RequestContext context = HandlerFixture.alice();
    Encrypt.Response sealed =
        encrypt(
            new Encrypt.Request(
                uid,
                parameters(BlockCipherMode.ECB, null, null),
                ByteString.copyOf("The qufck brown fox jump".getBytes(StandardCharsets.US_ASCII)),
                null,
                null,
                null,
                null,
                null),
            context);
    assertThat(hex(sealed.data())).isEqualTo("a826fd8ce53b855fcce21c8112256fe668d5c05dd9b6b900");
  }

  @Test
  void gcmInTwoRequestsGivesTheSingleShotCiphertextAndTag() {
    String uid =
        RegisteredKeys.activeKey(
            fixture,
            "feffe9928665731c6d6a8f9467308308",
            CryptographicAlgorithm.AES.value(),
            BOTH,
            null);
    CryptographicParameters gcm = parameters(BlockCipherMode.GCM, 16, null);
    ByteString iv = hex("cafebabefacedbad");
    ByteString aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    RequestContext context = HandlerFixture.context("alice", ProtocolVersion.V1_4);
    Encrypt.Response first =
        encrypt(
            new Encrypt.Request(
                uid,
                gcm,
                hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"),
                iv,
                null,
                true,
                null,
                aad),
            context);
    assertThat(hex(first.data()))
        .isEqualTo("61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f97b6c7423");
    ByteString correlation = Objects.requireNonNull(first.correlationValue());
    Encrypt.Response last =
        encrypt(
            new Encrypt.Request(
                uid,
                gcm,
                hex("1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"),
                null,
                correlation,
                null,
                true,
                null),
            context);
    assertThat(hex(last.data()))
        .isEqualTo("73806900e49f24b22b097544d4896b424989b5e1ebac0f07c23f4598");
    assertThat(hex(last.tag())).isEqualTo("3612d2e79e3b0785561be14aaca2fccb");
    assertThat(last.correlationValue()).isNull();
    assertThat(streams.size()).isZero();

    // And back, in two requests, the tag with the last.
    Decrypt.Response opening =
        decrypt(
            new Decrypt.Request(uid, gcm, first.data(), iv, null, true, null, aad, null), context);
    ByteString back = Objects.requireNonNull(opening.correlationValue());
    Decrypt.Response opened =
        decrypt(
            new Decrypt.Request(uid, gcm, last.data(), null, back, null, true, null, last.tag()),
            context);
    assertThat(hex(Objects.requireNonNull(opening.data())) + hex(opened.data()))
        .isEqualTo(
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
  }

  @Test
  void streamsAreBoundedPerUserAndUnknownValuesAreRefused() {
    String uid =
        RegisteredKeys.activeKey(
            fixture,
            "feffe9928665731c6d6a8f9467308308",
            CryptographicAlgorithm.AES.value(),
            BOTH,
            null);
    RequestContext context = HandlerFixture.alice();
    Encrypt.Request start = new Encrypt.Request(uid, null, hex("00"), null, null, true, null, null);
    encrypt(start, context);
    encrypt(start, context);
    assertThatThrownBy(() -> encrypt(start, context))
        .satisfies(reason(ResultReason.SERVER_LIMIT_EXCEEDED))
        .hasMessageContaining("2 per user");
    // Bob has streams of his own to open.
    assertThat(streams.size()).isEqualTo(2);
    assertThatThrownBy(
            () ->
                encrypt(
                    new Encrypt.Request(
                        uid, null, hex("00"), null, hex("0badc0de"), null, true, null),
                    context))
        .satisfies(reason(ResultReason.INVALID_CORRELATION_VALUE));
  }

  @Test
  void idleStreamsExpire() {
    String uid =
        RegisteredKeys.activeKey(
            fixture,
            "feffe9928665731c6d6a8f9467308308",
            CryptographicAlgorithm.AES.value(),
            BOTH,
            null);
    RequestContext context = HandlerFixture.alice();
    ByteString correlation =
        Objects.requireNonNull(
            encrypt(
                    new Encrypt.Request(uid, null, hex("00"), null, null, true, null, null),
                    context)
                .correlationValue());
    RequestContext later =
        new RequestContext(
            "alice",
            ProtocolVersion.V2_1,
            HandlerFixture.NOW.plus(CryptoStreams.DEFAULTS.idle()).plusSeconds(1),
            new io.arca.server.batch.BatchState());
    assertThatThrownBy(
            () ->
                encrypt(
                    new Encrypt.Request(null, null, hex("00"), null, correlation, null, true, null),
                    later))
        .satisfies(reason(ResultReason.INVALID_CORRELATION_VALUE));
    assertThat(streams.size()).isZero();
  }

  @Test
  void chaCha20StreamsAsItEncryptsInOne() {
    String uid =
        RegisteredKeys.activeKey(
            fixture, "00".repeat(32), CryptographicAlgorithm.CHACHA20.value(), BOTH, null);
    RequestContext context = HandlerFixture.alice();
    ByteString nonce = hex("000000000000004a00000000");
    Encrypt.Response first =
        encrypt(
            new Encrypt.Request(uid, null, hex("00112233"), nonce, null, true, null, null),
            context);
    Encrypt.Response last =
        encrypt(
            new Encrypt.Request(
                null,
                null,
                hex("44556677"),
                null,
                Objects.requireNonNull(first.correlationValue()),
                null,
                true,
                null),
            context);
    Encrypt.Response whole =
        encrypt(
            new Encrypt.Request(uid, null, hex("0011223344556677"), nonce, null, null, null, null),
            context);
    assertThat(hex(first.data()) + hex(last.data())).isEqualTo(hex(whole.data()));
    assertThat(streams.size()).isZero();
  }
}
