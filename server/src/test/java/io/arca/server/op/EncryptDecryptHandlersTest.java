package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.RevocationReasonCode;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.Revoke;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.JcaKeyCache;
import io.arca.server.crypto.RsaCipher;
import io.arca.server.crypto.SymmetricCipher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encrypt and Decrypt with AES keys of a real store, in 1.x and 2.x forms. */
class EncryptDecryptHandlersTest {
  private static final ByteString SECRET =
      ByteString.copyOf("attack at dawn".getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;
  private HandlerFixture fixture;
  private EncryptHandler encrypt;
  private DecryptHandler decrypt;

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    SymmetricCipher ciphers = new SymmetricCipher(new SecureRandom());
    CryptoStreams streams = new CryptoStreams(CryptoStreams.DEFAULTS, new SecureRandom());
    AsymmetricKeys keys =
        new AsymmetricKeys(fixture.objects().store(), new JcaKeyCache(100, Duration.ofMinutes(1)));
    RsaCipher rsa = new RsaCipher(new SecureRandom());
    encrypt = new EncryptHandler(fixture.objects(), ciphers, streams, keys, rsa);
    decrypt = new DecryptHandler(fixture.objects(), ciphers, streams, keys, rsa);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private String activeKey(int usage, Attribute... more) {
    RequestContext context = HandlerFixture.alice();
    java.util.List<Attribute> items = new java.util.ArrayList<>(java.util.List.of(more));
    Attributes base =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), usage)));
    items.addAll(base.items());
    Attributes attributes = new Attributes(items, java.util.List.of());
    String uid =
        Create.Response.decode(
                Wire.handle(
                    new CreateHandler(fixture.store()),
                    Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes)
                        .encode(ProtocolVersion.V2_1),
                    context),
                ProtocolVersion.V2_1)
            .uniqueIdentifier();
    Wire.handle(
        new ActivateHandler(fixture.objects()),
        new Activate.Request(uid).encode(ProtocolVersion.V2_1),
        context);
    return uid;
  }

  private Encrypt.Response encrypt(String uid, ProtocolVersion version) {
    Encrypt.Request request = new Encrypt.Request(uid, null, SECRET, null, null, null, null, null);
    return Encrypt.Response.decode(
        Wire.handle(encrypt, request.encode(version), HandlerFixture.context("alice", version)),
        version);
  }

  private ByteString decrypt(String uid, Encrypt.Response sealed, ProtocolVersion version) {
    Decrypt.Request request =
        new Decrypt.Request(
            uid,
            null,
            sealed.data(),
            sealed.ivCounterNonce(),
            null,
            null,
            null,
            null,
            sealed.tag());
    return java.util.Objects.requireNonNull(
        Decrypt.Response.decode(
                Wire.handle(
                    decrypt, request.encode(version), HandlerFixture.context("alice", version)),
                version)
            .data());
  }

  private static int both() {
    return CryptographicUsageMask.ENCRYPT.value() | CryptographicUsageMask.DECRYPT.value();
  }

  private static Consumer<Throwable> reason(ResultReason expected) {
    return e -> assertThat(((KmipException) e).reason()).isEqualTo(expected);
  }

  @Test
  void dataEncryptedWithGcmByDefaultDecryptsBack() {
    String uid = activeKey(both());

    Encrypt.Response sealed = encrypt(uid, ProtocolVersion.V2_1);

    assertThat(sealed.ivCounterNonce()).isNotNull();
    assertThat(sealed.tag()).isNotNull();
    assertThat(sealed.data()).isNotEqualTo(SECRET);
    assertThat(decrypt(uid, sealed, ProtocolVersion.V2_1)).isEqualTo(SECRET);
  }

  @Test
  void beforeKmip14TheTagTravelsAtTheEndOfTheData() {
    String uid = activeKey(both());

    Encrypt.Response sealed = encrypt(uid, ProtocolVersion.V1_2);

    assertThat(sealed.tag()).isNull();
    assertThat(java.util.Objects.requireNonNull(sealed.data()).length())
        .isEqualTo(SECRET.length() + 16);
    assertThat(decrypt(uid, sealed, ProtocolVersion.V1_2)).isEqualTo(SECRET);
  }

  @Test
  void aDeactivatedKeyDecryptsButNoLongerEncrypts() {
    String uid = activeKey(both());
    Encrypt.Response sealed = encrypt(uid, ProtocolVersion.V2_1);

    Wire.handle(
        new RevokeHandler(fixture.objects()),
        new Revoke.Request(
                uid,
                new Revoke.RevocationReason(
                    RevocationReasonCode.CESSATION_OF_OPERATION.value(), null),
                null)
            .encode(ProtocolVersion.V2_1),
        HandlerFixture.alice());

    assertThat(decrypt(uid, sealed, ProtocolVersion.V2_1)).isEqualTo(SECRET);
    assertThatThrownBy(() -> encrypt(uid, ProtocolVersion.V2_1))
        .satisfies(reason(ResultReason.WRONG_KEY_LIFECYCLE_STATE));
  }

  @Test
  void usageLimitsInBytesAreCountedDownAndThenRefused() {
    String uid =
        activeKey(
            both(),
            Attribute.of(
                io.arca.kmip.ttlv.TtlvStructure.of(
                    Tag.USAGE_LIMITS.code(),
                    new io.arca.kmip.ttlv.TtlvLongInteger(Tag.USAGE_LIMITS_TOTAL.code(), 20),
                    new TtlvEnumeration(
                        Tag.USAGE_LIMITS_UNIT.code(), io.arca.kmip.UsageLimitsUnit.BYTE.value()))));

    encrypt(uid, ProtocolVersion.V2_1);

    assertThatThrownBy(() -> encrypt(uid, ProtocolVersion.V2_1))
        .satisfies(reason(ResultReason.PERMISSION_DENIED))
        .hasMessageContaining("allow 6 more, not 14");
  }

  @Test
  void aKeyWithoutEncryptInItsMaskCannotEncrypt() {
    String uid = activeKey(CryptographicUsageMask.DECRYPT.value());

    assertThatThrownBy(() -> encrypt(uid, ProtocolVersion.V2_1))
        .satisfies(reason(ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK));
    assertThatThrownBy(() -> encrypt(uid, ProtocolVersion.V1_4))
        .satisfies(reason(ResultReason.PERMISSION_DENIED));
  }
}
