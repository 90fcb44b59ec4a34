package io.arca.kmip.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CertificateType;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.SecretDataType;
import io.arca.kmip.SplitKeyMethod;
import io.arca.kmip.Tag;
import io.arca.kmip.WrappingMethod;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvBigInteger;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of managed object encodes and decodes back to itself in 1.x and 2.x, is refused
 * precisely when malformed, and prints no key bytes.
 */
class ManagedObjectTest {
  private static final ProtocolVersion V14 = ProtocolVersion.V1_4;
  private static final ProtocolVersion V21 = ProtocolVersion.V2_1;

  /** Bytes whose decimal and hex forms are easy to search for in a printout. */
  static final byte[] SECRET = {
    0x13, 0x37, 0x13, 0x37, 0x42, 0x42, 0x42, 0x42, 0x13, 0x37, 0x13, 0x37, 0x42, 0x42, 0x42, 0x42
  };

  static ByteString secret() {
    return ByteString.copyOf(SECRET);
  }

  static KeyBlock aesBlock() {
    return KeyBlock.of(
        KeyFormatType.RAW.value(),
        KeyValue.Plain.of(new KeyMaterial.Bytes(secret())),
        CryptographicAlgorithm.AES.value(),
        128);
  }

  static KeyBlock rsaPrivateBlock() {
    TtlvStructure material =
        TtlvStructure.of(
            Tag.KEY_MATERIAL.code(),
            new TtlvBigInteger(Tag.MODULUS.code(), new BigInteger(1, SECRET)),
            new TtlvBigInteger(Tag.PRIVATE_EXPONENT.code(), new BigInteger(1, SECRET)));
    return KeyBlock.of(
        KeyFormatType.TRANSPARENT_RSA_PRIVATE_KEY.value(),
        KeyValue.Plain.of(new KeyMaterial.Structured(material)),
        CryptographicAlgorithm.RSA.value(),
        128);
  }

  static KeyBlock wrappedBlock() {
    CryptographicParameters keyWrap =
        new CryptographicParameters(
            BlockCipherMode.NISTKEYWRAP.value(),
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
    return new KeyBlock(
        KeyFormatType.RAW.value(),
        null,
        new KeyValue.Wrapped(secret()),
        CryptographicAlgorithm.AES.value(),
        256,
        new KeyWrappingData(
            WrappingMethod.ENCRYPT.value(),
            new EncryptionKeyInformation("kek-1", keyWrap),
            new MACSignatureKeyInformation("mac-1", null),
            secret(),
            secret(),
            null));
  }

  static Stream<Arguments> objects() {
    Attributes inKey =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())));
    KeyBlock withAttributes =
        KeyBlock.of(
            KeyFormatType.RAW.value(),
            new KeyValue.Plain(new KeyMaterial.Bytes(secret()), inKey),
            CryptographicAlgorithm.AES.value(),
            128);
    List<ManagedObject> objects =
        List.of(
            new SymmetricKey(aesBlock()),
            new SymmetricKey(wrappedBlock()),
            new SymmetricKey(withAttributes),
            new PrivateKey(rsaPrivateBlock()),
            new PublicKey(aesBlock()),
            new SecretData(SecretDataType.PASSWORD.value(), aesBlock()),
            new OpaqueObject(0x80000001, secret()),
            new Certificate(CertificateType.X_509.value(), secret()),
            new SplitKey(
                3,
                1,
                2,
                SplitKeyMethod.POLYNOMIAL_SHARING_PRIME_FIELD.value(),
                BigInteger.TEN,
                aesBlock()),
            new SplitKey(3, 2, 3, SplitKeyMethod.XOR.value(), null, aesBlock()),
            new PGPKey(4, aesBlock()));
    return Stream.of(V14, V21)
        .flatMap(version -> objects.stream().map(object -> Arguments.of(object, version)));
  }

  @ParameterizedTest
  @MethodSource("objects")
  void everyKindRoundTripsInBothFamilies(ManagedObject object, ProtocolVersion version) {
    TtlvStructure encoded = object.encode(version);

    assertThat(ManagedObject.decode(encoded, version)).isEqualTo(object);
    assertThat(ManagedObject.decode(object.objectType(), encoded, version)).isEqualTo(object);
  }

  @ParameterizedTest
  @MethodSource("objects")
  void noObjectPrintsItsKeyBytes(ManagedObject object, ProtocolVersion version) {
    String printed = object.toString();

    assertThat(printed)
        .doesNotContain("19, 55")
        .doesNotContain("1337")
        .doesNotContain(new BigInteger(1, SECRET).toString())
        .doesNotContain(new BigInteger(1, SECRET).toString(16));
  }

  @Test
  void keyValueAttributesUseTheFormOfTheVersion() {
    Attributes inKey =
        Attributes.of(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128)));
    KeyValue.Plain value = new KeyValue.Plain(new KeyMaterial.Bytes(secret()), inKey);

    assertThat(value.encode(V14).first(Tag.ATTRIBUTE.code())).isNotNull();
    assertThat(value.encode(V14).first(Tag.ATTRIBUTES.code())).isNull();
    assertThat(value.encode(V21).first(Tag.ATTRIBUTES.code())).isNotNull();
    assertThat(value.encode(V21).first(Tag.ATTRIBUTE.code())).isNull();
  }

  @Test
  void templateExistsIn1xOnly() {
    Template template =
        new Template(
            Attributes.of(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128))));
    TtlvStructure encoded = template.encode(V14);

    assertThat(ManagedObject.decode(encoded, V14)).isEqualTo(template);
    assertFails(() -> ManagedObject.decode(encoded, V21), "Template: not a managed object");
    assertThatThrownBy(() -> template.encode(V21)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCertificateOf1xMayCarryTheDeprecatedIdentifierStructures() {
    TtlvStructure encoded =
        TtlvStructure.of(
            Tag.CERTIFICATE.code(),
            new TtlvEnumeration(Tag.CERTIFICATE_TYPE.code(), CertificateType.X_509.value()),
            new TtlvByteString(Tag.CERTIFICATE_VALUE.code(), secret()),
            TtlvStructure.of(
                Tag.CERTIFICATE_IDENTIFIER.code(), new TtlvTextString(Tag.ISSUER.code(), "CN=ca")));

    assertThat(ManagedObject.decode(encoded, V14))
        .isEqualTo(new Certificate(CertificateType.X_509.value(), secret()));
    assertFails(() -> ManagedObject.decode(encoded, V21), "CertificateIdentifier: unexpected");
  }

  @Test
  void anObjectTypeThatDoesNotMatchTheObjectIsInvalidField() {
    TtlvStructure key = new SymmetricKey(aesBlock()).encode(V21);

    assertFails(
        () -> ManagedObject.decode(ObjectType.SECRET_DATA.value(), key, V21),
        "SymmetricKey: does not match ObjectType SecretData");
  }

  @Test
  void aKeyBlockWithoutKeyFormatTypeIsInvalidField() {
    TtlvStructure key =
        TtlvStructure.of(Tag.SYMMETRIC_KEY.code(), TtlvStructure.of(Tag.KEY_BLOCK.code()));

    assertFails(() -> ManagedObject.decode(key, V21), "KeyFormatType: missing (expected: present)");
  }

  @Test
  void keyMaterialOfAnotherTypeIsInvalidFieldAndNotQuoted() {
    TtlvStructure value =
        TtlvStructure.of(
            Tag.KEY_VALUE.code(), new TtlvTextString(Tag.KEY_MATERIAL.code(), "hunter2"));

    assertThatThrownBy(() -> KeyValue.decode(value, V21))
        .isInstanceOfSatisfying(
            TtlvException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD))
        .hasMessageContaining("KeyMaterial type: TextString (expected: ByteString or Structure)")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void cryptographicParametersKeepEveryField() {
    CryptographicParameters all =
        new CryptographicParameters(
            1, 2, 3, 4, 5, 6, true, 7, 8, 9, 10, 11, 12, 13, 14, 15, secret(), 16);

    assertThat(CryptographicParameters.decode(all.encode())).isEqualTo(all);
    assertThat(all.encode().items()).hasSize(18);
    assertThat(CryptographicParameters.decode(CryptographicParameters.NONE.encode()))
        .isEqualTo(CryptographicParameters.NONE);
  }

  @Test
  void keyWrappingSpecificationKeepsAttributeNames() {
    KeyWrappingSpecification specification =
        new KeyWrappingSpecification(
            WrappingMethod.ENCRYPT.value(),
            new EncryptionKeyInformation("kek-1", null),
            null,
            List.of("Cryptographic Usage Mask", "Name"),
            1);

    assertThat(KeyWrappingSpecification.decode(specification.encode())).isEqualTo(specification);
  }

  static void assertFails(Runnable action, String fragment) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            TtlvException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD))
        .hasMessageContaining(fragment);
  }
}
