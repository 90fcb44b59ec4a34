package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.DerivationMethod;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.LinkType;
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
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.batch.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Derive Key through the handler with keys in a real store, every method against published vectors
 * (RFC 6070 and RFC 7914 for PBKDF2, RFC 4231 for HMAC, RFC 5869 for HKDF, FIPS 180 for HASH, the
 * AWS documentation's signing key) or, for the SP 800-108 KDFs, against values computed apart from
 * this code by {@code src/test/python/derive_key_vectors.py} (Python's hmac and pyca/cryptography);
 * and the links. {@link DeriveKeyRefusalsTest} holds the refusals.
 */
class DeriveKeyHandlerTest extends DeriveKeyTestBase {
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
        new DeriveKey.Parameters(
            null, null, List.of(bytes("what do ya want for nothing?")), null, null);
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
            List.of(ByteString.copyOf(HexFormat.of().parseHex("01020304050607080910111213141516"))),
            null,
            null);
    assertThat(
            derivedHex(
                base, DerivationMethod.ENCRYPT, data, newKey(CryptographicAlgorithm.AES, 128)))
        .isEqualTo("d9bcce11b0b437b90239552df3a360c9");
  }

  @Test
  void pbkdf2WithHmacSha256OfRfc7914IntoSecretData() {
    String password =
        RegisteredKeys.activeKey(
            fixture, ascii("passwd"), CryptographicAlgorithm.HMAC_SHA256.value(), DERIVE, null);
    DeriveKey.Parameters parameters =
        new DeriveKey.Parameters(hash(HashingAlgorithm.SHA_256), null, List.of(), bytes("salt"), 1);
    assertThat(
            derivedHex(
                HandlerFixture.alice(),
                ObjectType.SECRET_DATA,
                List.of(password),
                DerivationMethod.PBKDF2,
                parameters,
                secretOf(512)))
        .isEqualTo(
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
  }

  @Test
  void hashDerivationHashesTheKeyOfFips180() {
    String base =
        RegisteredKeys.activeKey(
            fixture, ascii("abc"), CryptographicAlgorithm.HMAC_SHA256.value(), DERIVE, null);
    assertThat(
            derivedHex(
                base,
                DerivationMethod.HASH,
                data(hash(HashingAlgorithm.SHA_256)),
                newKey(CryptographicAlgorithm.AES, 256)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void hmacKeyedByAnAesKeyOrSecretDataTakesTheHashFromTheParameters() {
    String jefe = ascii("Jefe");
    String aes =
        RegisteredKeys.activeKey(
            fixture, jefe + jefe + jefe + jefe, CryptographicAlgorithm.AES.value(), DERIVE, null);
    String secret = secretData(jefe);
    String rfc4231Case2 = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    DeriveKey.Parameters parameters =
        data(hash(HashingAlgorithm.SHA_256), ascii("what do ya want for nothing?"));
    assertThat(
            derivedHex(
                HandlerFixture.alice(),
                ObjectType.SYMMETRIC_KEY,
                List.of(secret),
                DerivationMethod.HMAC,
                parameters,
                newKey(CryptographicAlgorithm.AES, 256)))
        .isEqualTo(rfc4231Case2);
    assertThat(
            derivedHex(
                aes, DerivationMethod.HMAC, parameters, newKey(CryptographicAlgorithm.AES, 128)))
        .isEqualTo(
            HexFormat.of()
                .formatHex(
                    jdkHmac(
                        "HmacSHA256",
                        HexFormat.of().parseHex(jefe + jefe + jefe + jefe),
                        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .substring(0, 32));
  }

  @Test
  void counterModeWithHmacSha256() {
    assertThat(
            derivedHex(
                hmacSha256Key(),
                DerivationMethod.NIST800_108_C,
                data(hash(HashingAlgorithm.SHA_256), FIXED),
                newKey(CryptographicAlgorithm.HMAC_SHA256, 320)))
        .isEqualTo(
            "513e1384435e5eda032b7f2f0c8bc5ee33afb005991b7cb4da26764b9dfbb45dfeb24381f71ef827");
  }

  @Test
  void counterModeWithCmacAes() {
    String aes =
        RegisteredKeys.activeKey(
            fixture, KEY_256.substring(0, 32), CryptographicAlgorithm.AES.value(), DERIVE, null);
    assertThat(
            derivedHex(
                aes,
                DerivationMethod.NIST800_108_C,
                data(cmac(), FIXED),
                newKey(CryptographicAlgorithm.AES, 256)))
        .isEqualTo("b7062735900616f018cb72598b0c9e6497686e664306bcc561fac8add242af08");
  }

  @Test
  void feedbackModeStartsFromTheInitializationVector() {
    DeriveKey.Parameters parameters =
        new DeriveKey.Parameters(
            hash(HashingAlgorithm.SHA_256),
            ByteString.copyOf(HexFormat.of().parseHex(FEEDBACK_IV)),
            List.of(ByteString.copyOf(HexFormat.of().parseHex(FIXED))),
            null,
            null);
    assertThat(
            derivedHex(
                HandlerFixture.alice(),
                ObjectType.SECRET_DATA,
                List.of(hmacSha256Key()),
                DerivationMethod.NIST800_108_F,
                parameters,
                secretOf(320)))
        .isEqualTo(
            "8a703dccf5a4fe617ad3c5bd7b5ee8076c8c3bb48a3549bf0f1813061a922cf60ef51589e685701b");
  }

  @Test
  void doublePipelineIterationMode() {
    assertThat(
            derivedHex(
                HandlerFixture.alice(),
                ObjectType.SECRET_DATA,
                List.of(hmacSha256Key()),
                DerivationMethod.NIST800_108_DPI,
                data(hash(HashingAlgorithm.SHA_256), FIXED),
                secretOf(320)))
        .isEqualTo(
            "77fcaa739ba7d5bdfcfca50a86253bf588a137672689a9dafd778745489029d93f0f7756f238b542");
  }

  @Test
  void hkdfOfRfc5869CaseOne() {
    String ikm = secretData("0b".repeat(22));
    DeriveKey.Parameters parameters =
        new DeriveKey.Parameters(
            hash(HashingAlgorithm.SHA_256),
            null,
            List.of(ByteString.copyOf(HexFormat.of().parseHex("f0f1f2f3f4f5f6f7f8f9"))),
            ByteString.copyOf(HexFormat.of().parseHex("000102030405060708090a0b0c")),
            null);
    assertThat(
            derivedHex(
                HandlerFixture.alice(),
                ObjectType.SECRET_DATA,
                List.of(ikm),
                DerivationMethod.HKDF,
                parameters,
                secretOf(336)))
        .isEqualTo(
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  }

  @Test
  void awsSignatureVersion4SigningKeyOfTheAwsDocumentation() {
    String secret = secretData(ascii("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    assertThat(
            derivedHex(
                HandlerFixture.alice(),
                ObjectType.SECRET_DATA,
                List.of(secret),
                DerivationMethod.AWS_SIGNATURE_VERSION_4,
                data(null, ascii("20120215"), ascii("us-east-1"), ascii("iam")),
                secretOf(256)))
        .isEqualTo("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
  }

  @Test
  void derivationDataMayComeFromASecretDataObject() {
    String key = hmacSha256Key();
    String fixed = secretData(FIXED);
    assertThat(
            derivedHex(
                HandlerFixture.alice(),
                ObjectType.SECRET_DATA,
                List.of(key, fixed),
                DerivationMethod.NIST800_108_C,
                data(hash(HashingAlgorithm.SHA_256)),
                secretOf(320)))
        .isEqualTo(
            "513e1384435e5eda032b7f2f0c8bc5ee33afb005991b7cb4da26764b9dfbb45dfeb24381f71ef827");
  }

  @Test
  void theDerivedObjectAndItsBasesLinkEachOther() {
    String key = hmacSha256Key();
    String fixed = secretData(FIXED);
    RequestContext context = HandlerFixture.alice();
    String derived =
        deriveUid(
            context,
            ObjectType.SECRET_DATA.value(),
            List.of(key, fixed),
            DerivationMethod.NIST800_108_C.value(),
            data(hash(HashingAlgorithm.SHA_256)),
            secretOf(128));
    assertThat(links(derived, LinkType.DERIVATION_BASE_OBJECT_LINK)).containsExactly(key, fixed);
    assertThat(links(key, LinkType.DERIVED_KEY_LINK)).containsExactly(derived);
    assertThat(links(fixed, LinkType.DERIVED_KEY_LINK)).containsExactly(derived);
    assertThat(context.batch().idPlaceholder()).isEqualTo(derived);
  }

  private List<String> links(String uid, LinkType type) {
    List<String> linked = new ArrayList<>();
    for (Attribute link :
        fixture.store().find(uid).orElseThrow().attributes().all(Tag.LINK.code())) {
      TtlvStructure value = (TtlvStructure) link.value();
      if (value.first(Tag.LINK_TYPE.code()) instanceof TtlvEnumeration linkType
          && linkType.value() == type.value()
          && value.first(Tag.LINKED_OBJECT_IDENTIFIER.code()) instanceof TtlvTextString target) {
        linked.add(target.value());
      }
    }
    return linked;
  }

  @Test
  void aKmip14ClientGetsSecretDataOfTheCryptographicLengthItAsks() {
    assertThat(
            derivedHex(
                HandlerFixture.context("alice", ProtocolVersion.V1_4),
                ObjectType.SECRET_DATA,
                List.of(hmacSha256Key()),
                DerivationMethod.NIST800_108_C,
                data(hash(HashingAlgorithm.SHA_256), FIXED),
                secretOf(128)))
        .isEqualTo("513e1384435e5eda032b7f2f0c8bc5ee");
  }
}
