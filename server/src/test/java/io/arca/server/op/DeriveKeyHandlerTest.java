package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.DerivationMethod;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.DeriveKey;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.SymmetricCipher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Derive Key through the handler with keys in a real store: PBKDF2 with the vectors of RFC 6070,
 * HMAC with RFC 4231's, ENCRYPT with AES-ECB, and the refusals.
 */
class DeriveKeyHandlerTest {
  private static final int DERIVE = CryptographicUsageMask.DERIVE_KEY.value();

  @TempDir Path dir;
  private HandlerFixture fixture;
  private DeriveKeyHandler derive;

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    derive = new DeriveKeyHandler(fixture.objects(), new SymmetricCipher(new SecureRandom()));
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private static String ascii(String text) {
    return HexFormat.of().formatHex(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static ByteString bytes(String text) {
    return ByteString.copyOf(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static Attributes newKey(CryptographicAlgorithm algorithm, int bits) {
    return Attributes.of(
        Attribute.of(new TtlvEnumeration(Tag.CRYPTOGRAPHIC_ALGORITHM.code(), algorithm.value())),
        Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits)));
  }

  private static CryptographicParameters hash(HashingAlgorithm algorithm) {
    return new CryptographicParameters(
        null,
        null,
        algorithm.value(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private String derivedHex(
      String base, DerivationMethod method, DeriveKey.Parameters parameters, Attributes key) {
    RequestContext context = HandlerFixture.alice();
    ProtocolVersion version = context.protocolVersion();
    String uid =
        DeriveKey.Response.decode(
                Wire.handle(
                    derive,
                    new DeriveKey.Request(
                            ObjectType.SYMMETRIC_KEY.value(),
                            List.of(base),
                            method.value(),
                            parameters,
                            key)
                        .encode(version),
                    context),
                version)
            .uniqueIdentifier();
    byte[] derived =
        SymmetricCrypto.keyBytes(fixture.store(), fixture.objects().resolve(uid, context), version);
    return HexFormat.of().formatHex(derived);
  }

  private static DeriveKey.Parameters pbkdf2(@Nullable String salt, @Nullable Integer count) {
    return new DeriveKey.Parameters(
        hash(HashingAlgorithm.SHA_1), null, null, salt == null ? null : bytes(salt), count);
  }

  private static Consumer<Throwable> reason(ResultReason expected) {
    return e -> assertThat(((KmipException) e).reason()).isEqualTo(expected);
  }

  @Test
  void pbkdf2OfRfc6070() {
    String password =
        RegisteredKeys.activeKey(
            fixture, ascii("password"), CryptographicAlgorithm.HMAC_SHA1.value(), DERIVE, null);
    Attributes hmacSha1Key = newKey(CryptographicAlgorithm.HMAC_SHA1, 160);
    assertThat(derivedHex(password, DerivationMethod.PBKDF2, pbkdf2("salt", 1), hmacSha1Key))
        .isEqualTo("0c60c80f961f0e71f3a9b524af6012062fe037a6");
    assertThat(derivedHex(password, DerivationMethod.PBKDF2, pbkdf2("salt", 4096), hmacSha1Key))
        .isEqualTo("4b007901b765489abead49d926f721d065a429c1");
    String longer =
        RegisteredKeys.activeKey(
            fixture,
            ascii("passwordPASSWORDpassword"),
            CryptographicAlgorithm.HMAC_SHA1.value(),
            DERIVE,
            null);
    assertThat(
            derivedHex(
                longer,
                DerivationMethod.PBKDF2,
                pbkdf2("saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096),
                newKey(CryptographicAlgorithm.HMAC_SHA1, 200)))
        .isEqualTo("3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038");
  }

  @Test
  void hmacDerivationUsesTheKeysHmac() {
    String base =
        RegisteredKeys.activeKey(
            fixture, ascii("Jefe"), CryptographicAlgorithm.HMAC_SHA256.value(), DERIVE, null);
    DeriveKey.Parameters data =
        new DeriveKey.Parameters(null, null, bytes("what do ya want for nothing?"), null, null);
    assertThat(
            derivedHex(base, DerivationMethod.HMAC, data, newKey(CryptographicAlgorithm.AES, 256)))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    assertThatThrownBy(
            () ->
                derivedHex(
                    base, DerivationMethod.HMAC, data, newKey(CryptographicAlgorithm.AES, 512)))
        .satisfies(reason(ResultReason.INVALID_FIELD))
        .hasMessageContaining("256 bits");
  }

  @Test
  void encryptDerivationEncryptsTheDerivationData() {
    String base =
        RegisteredKeys.activeKey(
            fixture,
            "0123456789abcdef0123456789abcdef",
            CryptographicAlgorithm.AES.value(),
            DERIVE,
            null);
    CryptographicParameters ecb =
        new CryptographicParameters(
            BlockCipherMode.ECB.value(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    DeriveKey.Parameters data =
        new DeriveKey.Parameters(
            ecb,
            null,
            ByteString.copyOf(HexFormat.of().parseHex("01020304050607080910111213141516")),
            null,
            null);
    assertThat(
            derivedHex(
                base, DerivationMethod.ENCRYPT, data, newKey(CryptographicAlgorithm.AES, 128)))
        .isEqualTo("d9bcce11b0b437b90239552df3a360c9");
  }

  @Test
  void aKeyWithoutDeriveKeyInItsMaskOrAnUnsupportedMethodIsRefused() {
    String encryptOnly =
        RegisteredKeys.activeKey(
            fixture,
            ascii("password"),
            CryptographicAlgorithm.HMAC_SHA1.value(),
            CryptographicUsageMask.ENCRYPT.value(),
            null);
    assertThatThrownBy(
            () ->
                derivedHex(
                    encryptOnly,
                    DerivationMethod.PBKDF2,
                    pbkdf2("salt", 1),
                    newKey(CryptographicAlgorithm.AES, 128)))
        .satisfies(reason(ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK));
    String base =
        RegisteredKeys.activeKey(
            fixture, ascii("password"), CryptographicAlgorithm.HMAC_SHA1.value(), DERIVE, null);
    assertThatThrownBy(
            () ->
                derivedHex(
                    base,
                    DerivationMethod.NIST800_108_C,
                    pbkdf2("salt", 1),
                    newKey(CryptographicAlgorithm.AES, 128)))
        .satisfies(reason(ResultReason.FEATURE_NOT_SUPPORTED))
        .hasMessageContaining("NIST800_108_C");
    assertThatThrownBy(
            () ->
                derivedHex(
                    base,
                    DerivationMethod.PBKDF2,
                    pbkdf2(null, 1),
                    newKey(CryptographicAlgorithm.AES, 128)))
        .satisfies(reason(ResultReason.INVALID_FIELD))
        .hasMessageContaining("Salt");
  }
}
