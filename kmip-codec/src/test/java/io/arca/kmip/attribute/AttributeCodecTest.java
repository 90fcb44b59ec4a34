package io.arca.kmip.attribute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeCodecTest {
  private static final int CRYPTOGRAPHIC_ALGORITHM = 0x420028;
  private static final int CRYPTOGRAPHIC_LENGTH = 0x42002A;
  private static final int CRYPTOGRAPHIC_USAGE_MASK = 0x42002C;
  private static final int NAME_VALUE = 0x420055;
  private static final int NAME_TYPE = 0x420054;
  private static final int AES = 0x03;
  private static final int ENCRYPT_DECRYPT = 0x04 | 0x08;
  private static final int UNINTERPRETED_TEXT_STRING = 0x01;

  private static TtlvStructure attribute1x(String name, Ttlv value) {
    return TtlvStructure.of(
        Tag.ATTRIBUTE.code(),
        new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), name),
        Retag.withTag(value, Tag.ATTRIBUTE_VALUE.code()));
  }

  private static TtlvStructure vendorAttribute(String vendor, String name, Ttlv value) {
    return TtlvStructure.of(
        Tag.ATTRIBUTE.code(),
        new TtlvTextString(Tag.VENDOR_IDENTIFICATION.code(), vendor),
        new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), name),
        Retag.withTag(value, Tag.ATTRIBUTE_VALUE.code()));
  }

  private static TtlvStructure name(String value) {
    return TtlvStructure.of(
        Tag.NAME.code(),
        new TtlvTextString(NAME_VALUE, value),
        new TtlvEnumeration(NAME_TYPE, UNINTERPRETED_TEXT_STRING));
  }

  /** The Template-Attribute of the SKLC-M-1-14 Create request. */
  private static TtlvStructure sklcM114TemplateAttribute() {
    return TtlvStructure.of(
        Tag.TEMPLATE_ATTRIBUTE.code(),
        attribute1x("Cryptographic Algorithm", new TtlvEnumeration(0, AES)),
        attribute1x("Cryptographic Length", new TtlvInteger(0, 256)),
        attribute1x("Cryptographic Usage Mask", new TtlvInteger(0, ENCRYPT_DECRYPT)),
        attribute1x("Name", name("SKLC-M-1")));
  }

  /** The Attributes of the SKLC-M-1-21 Create request. */
  private static TtlvStructure sklcM121Attributes() {
    return TtlvStructure.of(
        Tag.ATTRIBUTES.code(),
        new TtlvEnumeration(CRYPTOGRAPHIC_ALGORITHM, AES),
        new TtlvInteger(CRYPTOGRAPHIC_LENGTH, 256),
        new TtlvInteger(CRYPTOGRAPHIC_USAGE_MASK, ENCRYPT_DECRYPT),
        name("SKLC-M-1"));
  }

  private static void assertFails(Runnable action, ResultReason reason, String fragment) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(TtlvException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContaining(fragment);
  }

  @Test
  void sklcM114TemplateAttributeAndSklcM121AttributesGiveTheSameModel() {
    Attributes from14 = AttributeCodec.decode(sklcM114TemplateAttribute(), ProtocolVersion.V1_4);
    Attributes from21 = AttributeCodec.decode(sklcM121Attributes(), ProtocolVersion.V2_1);

    assertThat(from14).isEqualTo(from21);
    assertThat(from14.first(CRYPTOGRAPHIC_ALGORITHM))
        .isEqualTo(Attribute.of(new TtlvEnumeration(CRYPTOGRAPHIC_ALGORITHM, AES)));
    assertThat(from14.first(Tag.NAME.code())).isEqualTo(Attribute.of(name("SKLC-M-1")));
  }

  @Test
  void theModelEncodesBackToEitherForm() {
    Attributes model = AttributeCodec.decode(sklcM121Attributes(), ProtocolVersion.V2_1);

    assertThat(AttributeCodec.encode(model, AttributeGroup.ATTRIBUTES, ProtocolVersion.V1_4))
        .isEqualTo(sklcM114TemplateAttribute());
    assertThat(AttributeCodec.encode(model, AttributeGroup.ATTRIBUTES, ProtocolVersion.V2_0))
        .isEqualTo(sklcM121Attributes());
  }

  @Test
  void customXAttributeIsTheVendorAttributeX() {
    // SKFF-M-9-10 names it "x-ID"; AX-M-1-21 sends Vendor Attribute ("x", "ID").
    TtlvStructure template =
        TtlvStructure.of(
            Tag.TEMPLATE_ATTRIBUTE.code(),
            attribute1x("x-ID", new TtlvTextString(0, "AX-M-1-21-key1")));
    TtlvStructure attributes =
        TtlvStructure.of(
            Tag.ATTRIBUTES.code(),
            vendorAttribute("x", "ID", new TtlvTextString(0, "AX-M-1-21-key1")));

    Attributes from1x = AttributeCodec.decode(template, ProtocolVersion.V1_2);
    Attributes from2x = AttributeCodec.decode(attributes, ProtocolVersion.V2_1);

    assertThat(from1x).isEqualTo(from2x);
    assertThat(from1x.custom("x-ID"))
        .isEqualTo(
            new Attribute(
                AttributeReference.vendor("x", "ID"),
                0,
                new TtlvTextString(Tag.ATTRIBUTE_VALUE.code(), "AX-M-1-21-key1")));
    assertThat(AttributeCodec.encode(from2x, AttributeGroup.ATTRIBUTES, ProtocolVersion.V1_2))
        .isEqualTo(template);
    assertThat(AttributeCodec.encode(from1x, AttributeGroup.ATTRIBUTES, ProtocolVersion.V2_1))
        .isEqualTo(attributes);
  }

  @Test
  void serverCustomYAttributeIsTheVendorAttributeY() {
    Attribute attribute =
        AttributeCodec.decodeAttribute(attribute1x("y-owner", new TtlvTextString(0, "ops")));

    assertThat(attribute.reference()).isEqualTo(AttributeReference.vendor("y", "owner"));
    assertThat(attribute.reference().name()).isEqualTo("y-owner");
  }

  @Test
  void otherVendorsCannotBeWrittenIn1x() {
    Attribute acme = Attribute.vendor("acme", "colour", new TtlvTextString(0, "red"));

    assertThat(AttributeCodec.isExpressible(acme, ProtocolVersion.V1_4)).isFalse();
    assertThat(AttributeCodec.isExpressible(acme, ProtocolVersion.V2_0)).isTrue();
    assertThatThrownBy(() -> AttributeCodec.encodeAttribute(acme))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void templateNamesAreKeptAndRefusedIn2x() {
    TtlvStructure template =
        TtlvStructure.of(
            Tag.TEMPLATE_ATTRIBUTE.code(),
            name("old-template"),
            attribute1x("Cryptographic Length", new TtlvInteger(0, 128)));

    Attributes model = AttributeCodec.decode(template, ProtocolVersion.V1_0);

    assertThat(model.templateNames()).containsExactly(name("old-template"));
    assertThat(model.items()).hasSize(1);
    assertThat(AttributeCodec.encode(model, AttributeGroup.ATTRIBUTES, ProtocolVersion.V1_0))
        .isEqualTo(template);
    assertThatThrownBy(
            () -> AttributeCodec.encode(model, AttributeGroup.ATTRIBUTES, ProtocolVersion.V2_1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void attributeIndexIsKeptAndWrittenOnlyWhenNotZero() {
    TtlvStructure indexed =
        TtlvStructure.of(
            Tag.ATTRIBUTE.code(),
            new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), "Name"),
            new TtlvInteger(Tag.ATTRIBUTE_INDEX.code(), 2),
            Retag.withTag(name("n"), Tag.ATTRIBUTE_VALUE.code()));
    TtlvStructure zero =
        TtlvStructure.of(
            Tag.ATTRIBUTE.code(),
            new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), "Name"),
            new TtlvInteger(Tag.ATTRIBUTE_INDEX.code(), 0),
            Retag.withTag(name("n"), Tag.ATTRIBUTE_VALUE.code()));

    Attribute second = AttributeCodec.decodeAttribute(indexed);

    assertThat(second.index()).isEqualTo(2);
    assertThat(AttributeCodec.encodeAttribute(second)).isEqualTo(indexed);
    // An explicit index 0 means what an absent one means (KMIP 1.4 §2.1.1).
    assertThat(AttributeCodec.decodeAttribute(zero))
        .isEqualTo(AttributeCodec.decodeAttribute(attribute1x("Name", name("n"))));
    // Where a server tells which instance is which, index 0 is written too.
    assertThat(AttributeCodec.encodeAttribute(AttributeCodec.decodeAttribute(zero)))
        .isEqualTo(attribute1x("Name", name("n")));
    assertThat(AttributeCodec.encodeIndexedAttribute(AttributeCodec.decodeAttribute(zero)))
        .isEqualTo(zero);
  }

  @Test
  void aOnePointXGetAttributesAnswerIndexesEveryInstanceAndTwoPointXNone() {
    Attributes attributes =
        new Attributes(
            List.of(AttributeCodec.decodeAttribute(attribute1x("Name", name("n")))), List.of());
    GetAttributes.Response response = new GetAttributes.Response("uid", attributes, true);

    TtlvStructure v14 = response.encode(ProtocolVersion.V1_4);
    TtlvStructure v21 = response.encode(ProtocolVersion.V2_1);

    assertThat(v14.first(Tag.ATTRIBUTE.code()))
        .isInstanceOfSatisfying(
            TtlvStructure.class,
            attribute ->
                assertThat(attribute.first(Tag.ATTRIBUTE_INDEX.code()))
                    .isEqualTo(new TtlvInteger(Tag.ATTRIBUTE_INDEX.code(), 0)));
    assertThat(v21.first(Tag.ATTRIBUTES.code()))
        .isInstanceOfSatisfying(
            TtlvStructure.class,
            container ->
                assertThat(container.items())
                    .extracting(Ttlv::tag)
                    .containsExactly(Tag.NAME.code()));
    assertThat(GetAttributes.Response.decode(v14, ProtocolVersion.V1_4)).isEqualTo(response);
    assertThat(new GetAttributes.Response("uid", attributes).encode(ProtocolVersion.V1_4))
        .isEqualTo(
            TtlvStructure.of(
                Tag.RESPONSE_PAYLOAD.code(),
                new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), "uid"),
                attribute1x("Name", name("n"))));
  }

  @Test
  void keyPairGroupsMapToTheirOwnContainers() {
    TtlvStructure common1x =
        TtlvStructure.of(
            Tag.COMMON_TEMPLATE_ATTRIBUTE.code(),
            attribute1x("Cryptographic Length", new TtlvInteger(0, 2048)));
    TtlvStructure common2x =
        TtlvStructure.of(Tag.COMMON_ATTRIBUTES.code(), new TtlvInteger(CRYPTOGRAPHIC_LENGTH, 2048));

    Attributes model = AttributeCodec.decode(common1x, ProtocolVersion.V1_3);

    assertThat(model).isEqualTo(AttributeCodec.decode(common2x, ProtocolVersion.V2_0));
    assertThat(AttributeCodec.encode(model, AttributeGroup.COMMON, ProtocolVersion.V2_0))
        .isEqualTo(common2x);
    for (AttributeGroup group : AttributeGroup.values()) {
      assertThat(AttributeGroup.byTag(group.templateTag())).isEqualTo(group);
      assertThat(AttributeGroup.byTag(group.attributesTag())).isEqualTo(group);
    }
  }

  @Test
  void aContainerOfTheOtherFamilyIsInvalidMessage() {
    assertFails(
        () -> AttributeCodec.decode(sklcM121Attributes(), ProtocolVersion.V1_4),
        ResultReason.INVALID_MESSAGE,
        "not an attribute container of protocol 1.4");
    assertFails(
        () -> AttributeCodec.decode(sklcM114TemplateAttribute(), ProtocolVersion.V2_0),
        ResultReason.INVALID_MESSAGE,
        "not an attribute container of protocol 2.0");
  }

  @Test
  void unknownAttributeNameIsInvalidField() {
    assertFails(
        () ->
            AttributeCodec.decodeAttribute(attribute1x("Favourite Colour", new TtlvInteger(0, 1))),
        ResultReason.INVALID_FIELD,
        "AttributeName: not a KMIP attribute");
  }

  @Test
  void attributeWithoutValueIsInvalidMessage() {
    assertFails(
        () ->
            AttributeCodec.decodeAttribute(
                TtlvStructure.of(
                    Tag.ATTRIBUTE.code(), new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), "Name"))),
        ResultReason.INVALID_MESSAGE,
        "AttributeValue: missing");
  }

  @Test
  void attributeWithTwoNamesIsInvalidMessage() {
    assertFails(
        () ->
            AttributeCodec.decodeAttribute(
                TtlvStructure.of(
                    Tag.ATTRIBUTE.code(),
                    new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), "Name"),
                    new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), "Name"),
                    new TtlvInteger(Tag.ATTRIBUTE_VALUE.code(), 1))),
        ResultReason.INVALID_MESSAGE,
        "0x42000A: unexpected, repeated or mistyped field");
  }

  @Test
  void vendorIdentificationOutsideItsCharactersIsInvalidField() {
    for (String vendor : new String[] {"a:b", "x-y", "acme corp"}) {
      TtlvStructure attributes =
          TtlvStructure.of(
              Tag.ATTRIBUTES.code(), vendorAttribute(vendor, "Name", new TtlvInteger(0, 1)));
      assertFails(
          () -> AttributeCodec.decode(attributes, ProtocolVersion.V2_1),
          ResultReason.INVALID_FIELD,
          "[A-Za-z0-9_.]");
    }
  }

  @Test
  void attributeStructureWithoutVendorIn2xIsInvalidMessage() {
    TtlvStructure attributes =
        TtlvStructure.of(
            Tag.ATTRIBUTES.code(), attribute1x("Cryptographic Length", new TtlvInteger(0, 1)));
    assertFails(
        () -> AttributeCodec.decode(attributes, ProtocolVersion.V2_1),
        ResultReason.INVALID_MESSAGE,
        "not a vendor attribute");
  }

  @Test
  void vendorTagAttributeIn2xIsKeptByTag() {
    TtlvStructure attributes =
        TtlvStructure.of(Tag.ATTRIBUTES.code(), new TtlvTextString(0x540010, "v"));

    Attributes model = AttributeCodec.decode(attributes, ProtocolVersion.V2_1);

    assertThat(model.first(0x540010)).isNotNull();
    assertThat(AttributeCodec.isExpressible(model.items().get(0), ProtocolVersion.V1_4)).isFalse();
  }

  @Test
  void attributeReferenceRoundTripsInBothForms() {
    Ttlv byTag = new TtlvEnumeration(Tag.ATTRIBUTE_REFERENCE.code(), CRYPTOGRAPHIC_ALGORITHM);
    Ttlv byName =
        TtlvStructure.of(
            Tag.ATTRIBUTE_REFERENCE.code(),
            new TtlvTextString(Tag.VENDOR_IDENTIFICATION.code(), "x"),
            new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), "ID"));

    assertThat(AttributeCodec.decodeReference(byTag))
        .isEqualTo(AttributeReference.tag(CRYPTOGRAPHIC_ALGORITHM))
        .isEqualTo(AttributeReference.fromName("Cryptographic Algorithm"));
    assertThat(AttributeCodec.decodeReference(byName))
        .isEqualTo(AttributeReference.vendor("x", "ID"))
        .isEqualTo(AttributeReference.fromName("x-ID"));
    assertThat(AttributeCodec.encodeReference(AttributeCodec.decodeReference(byTag)))
        .isEqualTo(byTag);
    assertThat(AttributeCodec.encodeReference(AttributeCodec.decodeReference(byName)))
        .isEqualTo(byName);
  }

  @Test
  void attributeReferenceOfTheWrongTypeIsInvalidMessage() {
    assertFails(
        () ->
            AttributeCodec.decodeReference(
                new TtlvTextString(Tag.ATTRIBUTE_REFERENCE.code(), "State")),
        ResultReason.INVALID_MESSAGE,
        "AttributeReference type: TextString");
    assertFails(
        () ->
            AttributeCodec.decodeReference(new TtlvEnumeration(Tag.ATTRIBUTE_REFERENCE.code(), 7)),
        ResultReason.INVALID_MESSAGE,
        "not a tag");
  }

  @Test
  void newAndCurrentAttributeHoldOneAttribute() {
    Attribute length = Attribute.of(new TtlvInteger(CRYPTOGRAPHIC_LENGTH, 128));
    Attribute custom = Attribute.vendor("x", "attribute1", new TtlvTextString(0, "Value1"));

    TtlvStructure current = AttributeCodec.encodeWrapped(length, false);
    TtlvStructure next = AttributeCodec.encodeWrapped(custom, true);

    assertThat(current.tag()).isEqualTo(Tag.CURRENT_ATTRIBUTE.code());
    assertThat(current.items()).containsExactly(new TtlvInteger(CRYPTOGRAPHIC_LENGTH, 128));
    assertThat(AttributeCodec.decodeWrapped(current)).isEqualTo(length);
    assertThat(AttributeCodec.decodeWrapped(next)).isEqualTo(custom);
    assertFails(
        () -> AttributeCodec.decodeWrapped(new TtlvStructure(Tag.NEW_ATTRIBUTE.code(), List.of())),
        ResultReason.INVALID_MESSAGE,
        "attribute count: 0 (expected: 1)");
  }

  @Test
  void lookupsFindEveryInstanceInOrder() {
    Attributes model =
        Attributes.of(
            Attribute.of(name("a")),
            Attribute.of(new TtlvInteger(CRYPTOGRAPHIC_LENGTH, 128)),
            Attribute.of(name("b")));

    assertThat(model.all(Tag.NAME.code()))
        .extracting(Attribute::value)
        .containsExactly(name("a"), name("b"));
    assertThat(model.first(CRYPTOGRAPHIC_ALGORITHM)).isNull();
    assertThat(model.custom("x-missing")).isNull();
  }

  @Test
  void valueTagMustMatchTheReference() {
    assertThatThrownBy(
            () ->
                new Attribute(
                    AttributeReference.tag(CRYPTOGRAPHIC_LENGTH),
                    0,
                    new TtlvInteger(CRYPTOGRAPHIC_ALGORITHM, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
