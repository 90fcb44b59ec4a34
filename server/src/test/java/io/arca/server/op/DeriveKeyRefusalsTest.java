package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.DerivationMethod;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.DeriveKey;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Derive Key requests the specification makes errors (KMIP 2.1 §6.1.14.1): each is answered with
 * its Result Reason, naming the field, and stores nothing.
 */
class DeriveKeyRefusalsTest extends DeriveKeyTestBase {
  private long stored() {
    return fixture.store().locate(ObjectQuery.all(1000)).size();
  }

  /** Derives, expecting a refusal for {@code expected} and nothing new in the store. */
  private void refused(
      ResultReason expected,
      String messagePart,
      RequestContext context,
      int type,
      List<String> bases,
      int method,
      DeriveKey.Parameters parameters,
      Attributes attributes) {
    long before = stored();
    assertThatThrownBy(() -> deriveUid(context, type, bases, method, parameters, attributes))
        .satisfies(reason(expected))
        .hasMessageContaining(messagePart);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void missingParametersAreInvalidFields() {
    String base = hmacSha256Key();
    int key = ObjectType.SYMMETRIC_KEY.value();
    Attributes aes = newKey(CryptographicAlgorithm.AES, 128);
    RequestContext alice = HandlerFixture.alice();
    int pbkdf2 = DerivationMethod.PBKDF2.value();
    refused(
        ResultReason.INVALID_FIELD,
        "Salt",
        alice,
        key,
        List.of(base),
        pbkdf2,
        pbkdf2(null, 1),
        aes);
    refused(
        ResultReason.INVALID_FIELD,
        "IterationCount",
        alice,
        key,
        List.of(base),
        pbkdf2,
        pbkdf2("salt", null),
        aes);
    refused(
        ResultReason.INVALID_FIELD,
        "DerivationData",
        alice,
        key,
        List.of(base),
        DerivationMethod.NIST800_108_F.value(),
        data(hash(HashingAlgorithm.SHA_256)),
        aes);
    refused(
        ResultReason.INVALID_FIELD,
        "HashingAlgorithm",
        alice,
        key,
        List.of(secretData(KEY_256)),
        DerivationMethod.HASH.value(),
        data(null),
        aes);
    refused(
        ResultReason.INVALID_FIELD,
        "Date, the Region and the Service",
        alice,
        key,
        List.of(base),
        DerivationMethod.AWS_SIGNATURE_VERSION_4.value(),
        data(null, ascii("20120215")),
        aes);
  }

  @Test
  void lengthsThatAreNotWholeBytesOrBeyondTheMethodAreInvalidFields() {
    String base = hmacSha256Key();
    RequestContext alice = HandlerFixture.alice();
    int key = ObjectType.SYMMETRIC_KEY.value();
    int hmac = DerivationMethod.HMAC.value();
    DeriveKey.Parameters parameters = data(null, FIXED);
    refused(
        ResultReason.INVALID_FIELD,
        "multiple of 8",
        alice,
        key,
        List.of(base),
        hmac,
        parameters,
        newKey(CryptographicAlgorithm.AES, 124));
    refused(
        ResultReason.INVALID_FIELD,
        "256 bits",
        alice,
        key,
        List.of(base),
        hmac,
        parameters,
        newKey(CryptographicAlgorithm.AES, 512));
    refused(
        ResultReason.INVALID_FIELD,
        "Cryptographic Length",
        alice,
        ObjectType.SECRET_DATA.value(),
        List.of(base),
        hmac,
        parameters,
        Attributes.EMPTY);
  }

  @Test
  void baseObjectsOfTheWrongTypeAreInvalidObjectTypes() {
    String key = hmacSha256Key();
    String otherKey = hmacSha256Key();
    String secret = secretData(KEY_256);
    RequestContext alice = HandlerFixture.alice();
    refused(
        ResultReason.INVALID_OBJECT_TYPE,
        "holding the Derivation Data",
        alice,
        ObjectType.SECRET_DATA.value(),
        List.of(key, otherKey),
        DerivationMethod.NIST800_108_C.value(),
        data(hash(HashingAlgorithm.SHA_256)),
        secretOf(128));
    refused(
        ResultReason.INVALID_OBJECT_TYPE,
        "needs a SymmetricKey",
        alice,
        ObjectType.SECRET_DATA.value(),
        List.of(secret),
        DerivationMethod.ENCRYPT.value(),
        data(null, FIXED),
        secretOf(128));
    refused(
        ResultReason.INVALID_FIELD,
        "ObjectType",
        alice,
        ObjectType.PRIVATE_KEY.value(),
        List.of(key),
        DerivationMethod.HMAC.value(),
        data(null, FIXED),
        secretOf(128));
  }

  @Test
  void unknownMethodsAndMethodsOfLaterVersionsAreInvalidFields() {
    String base = hmacSha256Key();
    Attributes aes = newKey(CryptographicAlgorithm.AES, 128);
    int key = ObjectType.SYMMETRIC_KEY.value();
    refused(
        ResultReason.INVALID_FIELD,
        "0xb",
        HandlerFixture.alice(),
        key,
        List.of(base),
        0x0B,
        data(null, FIXED),
        aes);
    refused(
        ResultReason.INVALID_FIELD,
        "0x80000001",
        HandlerFixture.alice(),
        key,
        List.of(base),
        0x80000001,
        data(null, FIXED),
        aes);
    refused(
        ResultReason.INVALID_FIELD,
        "KMIP 1.4",
        HandlerFixture.context("alice", ProtocolVersion.V1_4),
        key,
        List.of(base),
        DerivationMethod.HKDF.value(),
        data(null, FIXED),
        aes);
    refused(
        ResultReason.FEATURE_NOT_SUPPORTED,
        "AsymmetricKey",
        HandlerFixture.alice(),
        key,
        List.of(base),
        DerivationMethod.ASYMMETRIC_KEY.value(),
        data(null, FIXED),
        aes);
  }

  @Test
  void derivationDataInTheRequestAndInASecretDataIsInvalid() {
    refused(
        ResultReason.INVALID_FIELD,
        "one or the other",
        HandlerFixture.alice(),
        ObjectType.SECRET_DATA.value(),
        List.of(hmacSha256Key(), secretData(FIXED)),
        DerivationMethod.NIST800_108_C.value(),
        data(hash(HashingAlgorithm.SHA_256), FIXED),
        secretOf(128));
  }

  @Test
  void theIdPlaceholderDoesNotStandForTheDerivationKey() {
    String base = hmacSha256Key();
    RequestContext context = HandlerFixture.alice();
    context.batch().setIdPlaceholder(base);
    refused(
        ResultReason.INVALID_FIELD,
        "UniqueIdentifier",
        context,
        ObjectType.SYMMETRIC_KEY.value(),
        List.of(),
        DerivationMethod.HMAC.value(),
        data(null, FIXED),
        newKey(CryptographicAlgorithm.AES, 128));
  }

  @Test
  void aKeyWithoutDeriveKeyInItsMaskIsRefused() {
    String encryptOnly =
        RegisteredKeys.activeKey(
            fixture,
            ascii("password"),
            CryptographicAlgorithm.HMAC_SHA1.value(),
            CryptographicUsageMask.ENCRYPT.value(),
            null);
    refused(
        ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK,
        "DeriveKey",
        HandlerFixture.alice(),
        ObjectType.SYMMETRIC_KEY.value(),
        List.of(encryptOnly),
        DerivationMethod.PBKDF2.value(),
        pbkdf2("salt", 1),
        newKey(CryptographicAlgorithm.AES, 128));
  }
}
