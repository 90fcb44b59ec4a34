package io.arca.kmip.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.RevocationReasonCode;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeCodec;
import io.arca.kmip.attribute.AttributeGroup;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Malformed payloads are refused with one precise error: a wrong item type, a missing required
 * field, a repeated single field or an unexpected field is Invalid Field, naming the field and the
 * operation; a malformed attribute container is the attribute codec's Invalid Message. No error
 * quotes a value.
 */
class PayloadStrictnessTest {
  private static final ProtocolVersion V14 = ProtocolVersion.V1_4;
  private static final ProtocolVersion V21 = ProtocolVersion.V2_1;

  private static TtlvStructure request(Ttlv... items) {
    return TtlvStructure.of(Tag.REQUEST_PAYLOAD.code(), items);
  }

  private static TtlvTextString id(String value) {
    return new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), value);
  }

  private static TtlvStructure reason() {
    return TtlvStructure.of(
        Tag.REVOCATION_REASON.code(),
        new TtlvEnumeration(
            Tag.REVOCATION_REASON_CODE.code(), RevocationReasonCode.UNSPECIFIED.value()));
  }

  private static void assertFails(Runnable action, ResultReason reason, String fragment) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(TtlvException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(fragment);
  }

  @Test
  void wrongItemTypeIsInvalidFieldAndQuotesNoValue() {
    TtlvStructure payload =
        request(
            new TtlvByteString(
                Tag.UNIQUE_IDENTIFIER.code(),
                ByteString.copyOf("secret-id".getBytes(StandardCharsets.UTF_8))));

    assertFails(
        () -> Activate.Request.decode(payload, V21),
        ResultReason.INVALID_FIELD,
        "UniqueIdentifier type: ByteString (expected: TextString) in Activate");
    assertThatThrownBy(() -> Activate.Request.decode(payload, V21))
        .hasMessageNotContaining("secret-id");
  }

  @Test
  void missingRequiredFieldIsInvalidField() {
    assertFails(
        () -> Revoke.Request.decode(request(id("k1")), V21),
        ResultReason.INVALID_FIELD,
        "RevocationReason: missing (expected: present) in Revoke");
    assertFails(
        () -> Create.Request.decode(request(new TtlvEnumeration(Tag.OBJECT_TYPE.code(), 2)), V14),
        ResultReason.INVALID_FIELD,
        "TemplateAttribute: missing (expected: present) in Create");
    assertFails(
        () -> Get.Response.decode(TtlvStructure.of(Tag.RESPONSE_PAYLOAD.code(), id("k1")), V21),
        ResultReason.INVALID_FIELD,
        "ObjectType: missing");
  }

  @Test
  void repeatedSingleFieldIsInvalidField() {
    assertFails(
        () -> Get.Request.decode(request(id("k1"), id("k2")), V21),
        ResultReason.INVALID_FIELD,
        "UniqueIdentifier: repeated (expected: at most one) in Get");
    assertFails(
        () -> Revoke.Request.decode(request(id("k1"), reason(), reason()), V14),
        ResultReason.INVALID_FIELD,
        "RevocationReason: repeated");
  }

  @Test
  void unexpectedFieldIsInvalidField() {
    assertFails(
        () ->
            Destroy.Request.decode(
                request(id("k1"), new TtlvEnumeration(Tag.OBJECT_TYPE.code(), 2)), V21),
        ResultReason.INVALID_FIELD,
        "ObjectType: unexpected field in Destroy");
  }

  @Test
  void theOtherFamilysAttributeContainerIsAnUnexpectedField() {
    Attributes attributes =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())));
    TtlvEnumeration type =
        new TtlvEnumeration(Tag.OBJECT_TYPE.code(), ObjectType.SYMMETRIC_KEY.value());
    TtlvStructure v2 = AttributeCodec.encode(attributes, AttributeGroup.ATTRIBUTES, V21);
    TtlvStructure v1 = AttributeCodec.encode(attributes, AttributeGroup.ATTRIBUTES, V14);

    assertFails(
        () -> Create.Request.decode(request(type, v1, v2), V14),
        ResultReason.INVALID_FIELD,
        "Attributes: unexpected field in Create");
    assertFails(
        () -> Create.Request.decode(request(type, v1), V21),
        ResultReason.INVALID_FIELD,
        "Attributes: missing");
  }

  @Test
  void aMalformedAttributeIsTheAttributeCodecsInvalidMessage() {
    TtlvStructure template =
        TtlvStructure.of(
            Tag.TEMPLATE_ATTRIBUTE.code(),
            TtlvStructure.of(
                Tag.ATTRIBUTE.code(),
                new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), "Cryptographic Length")));

    assertFails(
        () ->
            Create.Request.decode(
                request(new TtlvEnumeration(Tag.OBJECT_TYPE.code(), 2), template), V14),
        ResultReason.INVALID_MESSAGE,
        "AttributeValue: missing");
  }

  @Test
  void registerRefusesAnObjectOfAnotherTypeOrNone() {
    TtlvStructure attributes = TtlvStructure.of(Tag.ATTRIBUTES.code());
    TtlvEnumeration secretData =
        new TtlvEnumeration(Tag.OBJECT_TYPE.code(), ObjectType.SECRET_DATA.value());
    TtlvStructure opaque =
        TtlvStructure.of(
            Tag.OPAQUE_OBJECT.code(),
            new TtlvEnumeration(Tag.OPAQUE_DATA_TYPE.code(), 0x80000001),
            TtlvByteString.of(Tag.OPAQUE_DATA_VALUE.code(), new byte[] {1}));

    assertFails(
        () -> Register.Request.decode(request(secretData, attributes, opaque), V21),
        ResultReason.INVALID_FIELD,
        "OpaqueObject: does not match ObjectType SecretData");
    assertFails(
        () -> Register.Request.decode(request(secretData, attributes), V21),
        ResultReason.INVALID_FIELD,
        "managed object: missing (expected: one) in Register");
    assertFails(
        () -> Register.Request.decode(request(secretData, attributes, opaque, opaque), V21),
        ResultReason.INVALID_FIELD,
        "OpaqueObject: repeated");
  }

  @Test
  void deleteAttributeNeedsSomethingToDelete() {
    assertFails(
        () -> DeleteAttribute.Request.decode(request(id("k1")), V21),
        ResultReason.INVALID_FIELD,
        "CurrentAttribute or AttributeReference: missing");
    assertFails(
        () -> DeleteAttribute.Request.decode(request(id("k1")), V14),
        ResultReason.INVALID_FIELD,
        "AttributeName: missing");
    assertFails(
        () ->
            DeleteAttribute.Request.decode(
                request(
                    id("k1"),
                    new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), "x-tag"),
                    new TtlvInteger(Tag.ATTRIBUTE_INDEX.code(), -1)),
                V14),
        ResultReason.INVALID_FIELD,
        "AttributeIndex: negative");
  }

  @Test
  void anUnknownAttributeNameIsInvalidField() {
    assertFails(
        () ->
            GetAttributes.Request.decode(
                request(id("k1"), new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), "Colour")), V14),
        ResultReason.INVALID_FIELD,
        "AttributeName: not a KMIP attribute");
  }

  @Test
  void addAttributeNeedsItsAttributeInEitherForm() {
    assertFails(
        () -> AddAttribute.Request.decode(request(id("k1")), V21),
        ResultReason.INVALID_FIELD,
        "NewAttribute: missing");
    assertFails(
        () -> AddAttribute.Request.decode(request(id("k1")), V14),
        ResultReason.INVALID_FIELD,
        "Attribute: missing");
  }
}
