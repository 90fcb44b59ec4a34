package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KmipException;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ValidityIndicator;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.Mac;
import io.arca.kmip.payload.MacVerify;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.batch.RequestContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MAC and MAC Verify through the handlers, with keys in a real store: the HMAC vectors of RFC 4231
 * (and RFC 2202 for SHA-1), the AES-CMAC examples of NIST SP 800-38B, streaming, and the usage mask
 * and state checks.
 */
class MacHandlersTest {
  private static final String JEFE = "4a656665";
  private static final ByteString WHAT_DO_YA_WANT =
      ByteString.copyOf("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
  private static final String CMAC_KEY = "2b7e151628aed2a6abf7158809cf4f3c";
  private static final int BOTH =
      CryptographicUsageMask.MAC_GENERATE.value() | CryptographicUsageMask.MAC_VERIFY.value();

  @TempDir Path dir;
  private HandlerFixture fixture;
  private CryptoStreams streams;
  private MacHandler mac;
  private MacVerifyHandler verify;

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    streams = new CryptoStreams(CryptoStreams.DEFAULTS, new SecureRandom());
    mac = new MacHandler(fixture.objects(), streams);
    verify = new MacVerifyHandler(fixture.objects(), streams);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private String hmacKey(CryptographicAlgorithm algorithm) {
    return RegisteredKeys.activeKey(fixture, JEFE, algorithm.value(), BOTH, null);
  }

  private Mac.Response mac(Mac.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    return Mac.Response.decode(Wire.handle(mac, request.encode(version), context), version);
  }

  private String macHex(String uid, @Nullable CryptographicParameters parameters, ByteString data) {
    Mac.Response response =
        mac(new Mac.Request(uid, parameters, data, null, null, null), HandlerFixture.alice());
    return HexFormat.of().formatHex(Objects.requireNonNull(response.macData()).toByteArray());
  }

  private @Nullable Integer verify(String uid, ByteString data, ByteString macData) {
    RequestContext context = HandlerFixture.alice();
    return MacVerify.Response.decode(
            Wire.handle(
                verify,
                new MacVerify.Request(uid, null, data, macData, null, null, null)
                    .encode(context.protocolVersion()),
                context),
            context.protocolVersion())
        .validityIndicator();
  }

  private static ByteString hex(String hex) {
    return ByteString.copyOf(HexFormat.of().parseHex(hex));
  }

  private static Consumer<Throwable> reason(ResultReason expected) {
    return e -> assertThat(((KmipException) e).reason()).isEqualTo(expected);
  }

  @Test
  void hmacsOfRfc4231TestCase2() {
    assertThat(macHex(hmacKey(CryptographicAlgorithm.HMAC_SHA1), null, WHAT_DO_YA_WANT))
        .isEqualTo("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    assertThat(macHex(hmacKey(CryptographicAlgorithm.HMAC_SHA224), null, WHAT_DO_YA_WANT))
        .isEqualTo("a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44");
    assertThat(macHex(hmacKey(CryptographicAlgorithm.HMAC_SHA256), null, WHAT_DO_YA_WANT))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    assertThat(macHex(hmacKey(CryptographicAlgorithm.HMAC_SHA384), null, WHAT_DO_YA_WANT))
        .isEqualTo(
            "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
                + "8e2240ca5e69e2c78b3239ecfab21649");
    assertThat(macHex(hmacKey(CryptographicAlgorithm.HMAC_SHA512), null, WHAT_DO_YA_WANT))
        .isEqualTo(
            "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
  }

  @Test
  void theRequestsAlgorithmWinsOverTheKeys() {
    // As in the OASIS MAC cases: an AES key used for HMAC-SHA256 by its parameters.
    String uid =
        RegisteredKeys.activeKey(fixture, JEFE, CryptographicAlgorithm.AES.value(), BOTH, null);
    assertThat(
            macHex(
                uid,
                RegisteredKeys.algorithmOnly(CryptographicAlgorithm.HMAC_SHA256.value()),
                WHAT_DO_YA_WANT))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void theKeysStoredParametersComeBeforeItsAlgorithm() {
    String uid =
        RegisteredKeys.activeKey(
            fixture,
            JEFE,
            CryptographicAlgorithm.AES.value(),
            BOTH,
            RegisteredKeys.algorithmOnly(CryptographicAlgorithm.HMAC_SHA256.value()));
    assertThat(macHex(uid, null, WHAT_DO_YA_WANT))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void aesCmacOfNistSp800_38bExamples() {
    String uid =
        RegisteredKeys.activeKey(fixture, CMAC_KEY, CryptographicAlgorithm.AES.value(), BOTH, null);
    assertThat(macHex(uid, null, ByteString.empty())).isEqualTo("bb1d6929e95937287fa37d129b756746");
    assertThat(macHex(uid, null, hex("6bc1bee22e409f96e93d7e117393172a")))
        .isEqualTo("070a16b46b4d4144f79bdd9dd04a287c");
    CryptographicParameters cmac =
        new CryptographicParameters(
            BlockCipherMode.CMAC.value(),
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
    assertThat(
            macHex(
                uid,
                cmac,
                hex(
                    "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                        + "30c81c46a35ce411")))
        .isEqualTo("dfa66747de9ae63030ca32611497c827");
  }

  @Test
  void verifyAnswersValidForTheRightMacAndInvalidOtherwise() {
    String uid = hmacKey(CryptographicAlgorithm.HMAC_SHA256);
    ByteString right = hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    ByteString wrong = hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3844");
    assertThat(verify(uid, WHAT_DO_YA_WANT, right)).isEqualTo(ValidityIndicator.VALID.value());
    assertThat(verify(uid, WHAT_DO_YA_WANT, wrong)).isEqualTo(ValidityIndicator.INVALID.value());
    assertThat(verify(uid, WHAT_DO_YA_WANT, hex("5bdc")))
        .isEqualTo(ValidityIndicator.INVALID.value());
  }

  @Test
  void aMacInPartsEqualsTheMacInOne() {
    String uid = hmacKey(CryptographicAlgorithm.HMAC_SHA512);
    RequestContext context = HandlerFixture.alice();
    byte[] all = WHAT_DO_YA_WANT.toByteArray();
    Mac.Response first =
        mac(
            new Mac.Request(
                uid, null, ByteString.copyOf(java.util.Arrays.copyOf(all, 5)), null, true, null),
            context);
    assertThat(first.macData()).isNull();
    ByteString correlation = Objects.requireNonNull(first.correlationValue());
    Mac.Response middle =
        mac(
            new Mac.Request(
                null,
                null,
                ByteString.copyOf(java.util.Arrays.copyOfRange(all, 5, 11)),
                correlation,
                null,
                null),
            context);
    assertThat(middle.correlationValue()).isEqualTo(correlation);
    Mac.Response last =
        mac(
            new Mac.Request(
                null,
                null,
                ByteString.copyOf(java.util.Arrays.copyOfRange(all, 11, all.length)),
                correlation,
                null,
                true),
            context);
    assertThat(HexFormat.of().formatHex(Objects.requireNonNull(last.macData()).toByteArray()))
        .isEqualTo(
            "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
    assertThat(streams.size()).isZero();
    // The stream is closed: its Correlation Value names nothing any more.
    assertThatThrownBy(
            () ->
                mac(new Mac.Request(null, null, WHAT_DO_YA_WANT, correlation, null, true), context))
        .satisfies(reason(ResultReason.INVALID_CORRELATION_VALUE));
  }

  @Test
  void anotherUserCannotContinueAStream() {
    String uid = hmacKey(CryptographicAlgorithm.HMAC_SHA256);
    ByteString correlation =
        Objects.requireNonNull(
            mac(
                    new Mac.Request(uid, null, WHAT_DO_YA_WANT, null, true, null),
                    HandlerFixture.alice())
                .correlationValue());
    assertThatThrownBy(
            () ->
                mac(
                    new Mac.Request(null, null, WHAT_DO_YA_WANT, correlation, null, true),
                    HandlerFixture.context("mallory", ProtocolVersion.V1_4)))
        .satisfies(reason(ResultReason.ITEM_NOT_FOUND));
    assertThat(streams.size()).isOne();
  }

  @Test
  void aKeyWithoutMacGenerateInItsMaskIsRefused() {
    String uid =
        RegisteredKeys.activeKey(
            fixture,
            JEFE,
            CryptographicAlgorithm.HMAC_SHA256.value(),
            CryptographicUsageMask.MAC_VERIFY.value(),
            null);
    assertThatThrownBy(() -> macHex(uid, null, WHAT_DO_YA_WANT))
        .satisfies(reason(ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK));
    assertThat(
            verify(
                uid,
                WHAT_DO_YA_WANT,
                hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")))
        .isEqualTo(ValidityIndicator.VALID.value());
  }

  @Test
  void aKeyThatIsNoMacKeyIsRefusedNamingItsAlgorithm() {
    String uid =
        RegisteredKeys.activeKey(
            fixture, "00".repeat(32), CryptographicAlgorithm.CHACHA20.value(), BOTH, null);
    assertThatThrownBy(() -> macHex(uid, null, WHAT_DO_YA_WANT))
        .satisfies(reason(ResultReason.FEATURE_NOT_SUPPORTED))
        .hasMessageContaining("ChaCha20");
  }

  @Test
  void missingDataIsAnInvalidField() {
    String uid = hmacKey(CryptographicAlgorithm.HMAC_SHA256);
    assertThatThrownBy(
            () -> mac(new Mac.Request(uid, null, null, null, null, null), HandlerFixture.alice()))
        .satisfies(reason(ResultReason.INVALID_FIELD));
  }
}
