package io.arca.kmip.attribute;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Converts between the wire forms of attributes and the one model, for a given protocol version.
 * 1.x (KMIP 1.4 §2.1.1, §2.1.8): Template-Attribute holding template Names and Attribute structures
 * whose value is tagged Attribute Value. 2.x (KMIP 2.1 §4.60, §5): Attributes holding each value
 * under its own tag, or a Vendor Attribute structure. Structural faults are Invalid Message; a name
 * that designates no attribute is Invalid Field.
 */
public final class AttributeCodec {
  private static final Pattern VENDOR_IDENTIFICATION = Pattern.compile("[A-Za-z0-9_.]+");

  private AttributeCodec() {}

  /**
   * Decodes any of the four attribute containers in the form of {@code version}: a 1.x
   * Template-Attribute (or its Common, Private Key, Public Key variant) before 2.0, an Attributes
   * (or variant) from 2.0 on. The other family's container is an Invalid Message.
   */
  public static Attributes decode(TtlvStructure container, ProtocolVersion version) {
    AttributeGroup group = AttributeGroup.byTag(container.tag());
    boolean v2 = isV2(version);
    if (group == null || container.tag() != (v2 ? group.attributesTag() : group.templateTag())) {
      throw invalid(
          String.format(
              "0x%06X: not an attribute container of protocol %s", container.tag(), version),
          "");
    }
    return v2 ? decodeAttributes(container) : decodeTemplateAttribute(container);
  }

  /** Encodes attributes as the {@code group}'s container in the form of {@code version}. */
  public static TtlvStructure encode(
      Attributes attributes, AttributeGroup group, ProtocolVersion version) {
    List<Ttlv> items = new ArrayList<>();
    if (isV2(version)) {
      if (!attributes.templateNames().isEmpty()) {
        throw new IllegalArgumentException("template names: not expressible in " + version);
      }
      for (Attribute attribute : attributes.items()) {
        items.add(toV2(attribute));
      }
      return new TtlvStructure(group.attributesTag(), items);
    }
    items.addAll(attributes.templateNames());
    for (Attribute attribute : attributes.items()) {
      items.add(encodeAttribute(attribute));
    }
    return new TtlvStructure(group.templateTag(), items);
  }

  /** A 1.x Attribute structure: Attribute Name, optional Attribute Index, Attribute Value. */
  public static Attribute decodeAttribute(TtlvStructure structure) {
    String path = "Attribute";
    if (structure.tag() != Tag.ATTRIBUTE.code()) {
      throw invalid(String.format("0x%06X: unexpected (expected: Attribute)", structure.tag()), "");
    }
    TtlvTextString name = null;
    TtlvInteger index = null;
    Ttlv value = null;
    for (Ttlv item : structure.items()) {
      if (item.tag() == Tag.ATTRIBUTE_NAME.code()
          && name == null
          && item instanceof TtlvTextString text) {
        name = text;
      } else if (item.tag() == Tag.ATTRIBUTE_INDEX.code()
          && index == null
          && item instanceof TtlvInteger integer) {
        index = integer;
      } else if (item.tag() == Tag.ATTRIBUTE_VALUE.code() && value == null) {
        value = item;
      } else {
        throw invalid(
            String.format("0x%06X: unexpected, repeated or mistyped field", item.tag()), path);
      }
    }
    if (name == null) {
      throw invalid("AttributeName: missing (expected: present)", path);
    }
    if (value == null) {
      throw invalid("AttributeValue: missing (expected: present)", path);
    }
    if (index != null && index.value() < 0) {
      throw invalid("AttributeIndex: negative (expected: 0 or more)", path);
    }
    AttributeReference reference = AttributeReference.fromName(name.value());
    int tag =
        reference instanceof AttributeReference.Tagged tagged
            ? tagged.tag()
            : Tag.ATTRIBUTE_VALUE.code();
    return new Attribute(reference, index == null ? 0 : index.value(), Retag.withTag(value, tag));
  }

  /**
   * The 1.x Attribute structure of an attribute; Attribute Index is written only when not 0. An
   * attribute 1.x cannot name (see {@link AttributeReference#name()}) is refused: check with {@link
   * #isExpressible} first.
   */
  public static TtlvStructure encodeAttribute(Attribute attribute) {
    return encodeAttribute(attribute, false);
  }

  /**
   * The 1.x Attribute structure of an attribute with its Attribute Index always written, 0
   * included: what a server answers where it tells a client which instance is which (Get
   * Attributes), since clients read the index there rather than assume the default.
   */
  public static TtlvStructure encodeIndexedAttribute(Attribute attribute) {
    return encodeAttribute(attribute, true);
  }

  private static TtlvStructure encodeAttribute(Attribute attribute, boolean alwaysIndexed) {
    String name = attribute.reference().name();
    if (name == null) {
      throw new IllegalArgumentException("attribute has no 1.x name: " + attribute.reference());
    }
    List<Ttlv> items = new ArrayList<>(3);
    items.add(new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), name));
    if (alwaysIndexed || attribute.index() != 0) {
      items.add(new TtlvInteger(Tag.ATTRIBUTE_INDEX.code(), attribute.index()));
    }
    items.add(Retag.withTag(attribute.value(), Tag.ATTRIBUTE_VALUE.code()));
    return new TtlvStructure(Tag.ATTRIBUTE.code(), items);
  }

  /** True if the attribute can be written in the form of {@code version}. */
  public static boolean isExpressible(Attribute attribute, ProtocolVersion version) {
    return isV2(version) || attribute.reference().name() != null;
  }

  /** The single attribute inside a 2.x New Attribute or Current Attribute structure. */
  public static Attribute decodeWrapped(TtlvStructure structure) {
    if (structure.tag() != Tag.NEW_ATTRIBUTE.code()
        && structure.tag() != Tag.CURRENT_ATTRIBUTE.code()) {
      throw invalid(
          String.format(
              "0x%06X: unexpected (expected: NewAttribute or CurrentAttribute)", structure.tag()),
          "");
    }
    if (structure.items().size() != 1) {
      throw invalid(
          "attribute count: " + structure.items().size() + " (expected: 1)",
          wrapperName(structure));
    }
    return fromV2(structure.items().get(0), wrapperName(structure));
  }

  /** A 2.x New Attribute ({@code newAttribute} true) or Current Attribute structure. */
  public static TtlvStructure encodeWrapped(Attribute attribute, boolean newAttribute) {
    return TtlvStructure.of(
        newAttribute ? Tag.NEW_ATTRIBUTE.code() : Tag.CURRENT_ATTRIBUTE.code(), toV2(attribute));
  }

  /**
   * A 2.x Attribute Reference: an Enumeration whose value is the attribute's tag, or a Structure of
   * Vendor Identification and Attribute Name.
   */
  public static AttributeReference decodeReference(Ttlv reference) {
    String path = "AttributeReference";
    if (reference.tag() != Tag.ATTRIBUTE_REFERENCE.code()) {
      throw invalid(
          String.format("0x%06X: unexpected (expected: AttributeReference)", reference.tag()), "");
    }
    if (reference instanceof TtlvEnumeration tag) {
      if ((tag.value() & 0xFF000000) != 0
          || (tag.value() >>> 16 != 0x42 && tag.value() >>> 16 != 0x54)) {
        throw invalid("AttributeReference: not a tag (expected: 0x42xxxx or 0x54xxxx)", path);
      }
      return new AttributeReference.Tagged(tag.value());
    }
    if (reference instanceof TtlvStructure structure) {
      return vendorReference(structure, path);
    }
    throw invalid(
        "AttributeReference type: "
            + reference.type().xmlName()
            + " (expected: Enumeration or Structure)",
        path);
  }

  /** The 2.x Attribute Reference form of a reference. */
  public static Ttlv encodeReference(AttributeReference reference) {
    if (reference instanceof AttributeReference.Vendor vendor) {
      return TtlvStructure.of(
          Tag.ATTRIBUTE_REFERENCE.code(),
          new TtlvTextString(Tag.VENDOR_IDENTIFICATION.code(), vendor.vendorIdentification()),
          new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), vendor.attributeName()));
    }
    return new TtlvEnumeration(
        Tag.ATTRIBUTE_REFERENCE.code(), ((AttributeReference.Tagged) reference).tag());
  }

  private static Attributes decodeTemplateAttribute(TtlvStructure container) {
    List<TtlvStructure> names = new ArrayList<>();
    List<Attribute> attributes = new ArrayList<>();
    for (Ttlv item : container.items()) {
      if (item.tag() == Tag.NAME.code() && item instanceof TtlvStructure name) {
        names.add(name);
      } else if (item.tag() == Tag.ATTRIBUTE.code() && item instanceof TtlvStructure a) {
        attributes.add(decodeAttribute(a));
      } else {
        throw invalid(
            String.format("0x%06X: unexpected field (expected: Name or Attribute)", item.tag()),
            "TemplateAttribute");
      }
    }
    return new Attributes(attributes, names);
  }

  private static Attributes decodeAttributes(TtlvStructure container) {
    List<Attribute> attributes = new ArrayList<>(container.items().size());
    for (Ttlv item : container.items()) {
      attributes.add(fromV2(item, "Attributes"));
    }
    return new Attributes(attributes, List.of());
  }

  /** One 2.x attribute: a Vendor Attribute structure under tag Attribute, else a tagged value. */
  private static Attribute fromV2(Ttlv item, String path) {
    if (item.tag() != Tag.ATTRIBUTE.code()) {
      return Attribute.of(item);
    }
    if (!(item instanceof TtlvStructure structure)
        || structure.items().size() != 3
        || structure.items().get(2).tag() != Tag.ATTRIBUTE_VALUE.code()) {
      throw invalid(
          "Attribute: not a vendor attribute"
              + " (expected: VendorIdentification, AttributeName, AttributeValue)",
          path);
    }
    AttributeReference.Vendor reference =
        vendorReference(
            TtlvStructure.of(
                Tag.ATTRIBUTE.code(), structure.items().get(0), structure.items().get(1)),
            path + "/Attribute");
    return new Attribute(reference, 0, structure.items().get(2));
  }

  private static Ttlv toV2(Attribute attribute) {
    if (attribute.reference() instanceof AttributeReference.Vendor vendor) {
      return TtlvStructure.of(
          Tag.ATTRIBUTE.code(),
          new TtlvTextString(Tag.VENDOR_IDENTIFICATION.code(), vendor.vendorIdentification()),
          new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), vendor.attributeName()),
          attribute.value());
    }
    return attribute.value();
  }

  /** Vendor Identification then Attribute Name, both non-empty text, and nothing else. */
  private static AttributeReference.Vendor vendorReference(TtlvStructure structure, String path) {
    List<Ttlv> items = structure.items();
    if (items.size() != 2
        || !(items.get(0) instanceof TtlvTextString vendor)
        || vendor.tag() != Tag.VENDOR_IDENTIFICATION.code()
        || !(items.get(1) instanceof TtlvTextString name)
        || name.tag() != Tag.ATTRIBUTE_NAME.code()) {
      throw invalid("expected: VendorIdentification then AttributeName, as Text Strings", path);
    }
    if (vendor.value().isEmpty() || name.value().isEmpty()) {
      throw invalid("VendorIdentification or AttributeName: empty (expected: text)", path);
    }
    if (!VENDOR_IDENTIFICATION.matcher(vendor.value()).matches()) {
      // Well-formed but outside the value's range (KMIP 2.1 §5.5): the store tells vendor
      // attributes apart by it.
      throw new TtlvException(
          ResultReason.INVALID_FIELD,
          "VendorIdentification: expected only [A-Za-z0-9_.] (KMIP 2.1 §5.5)",
          -1,
          path);
    }
    return new AttributeReference.Vendor(vendor.value(), name.value());
  }

  private static String wrapperName(TtlvStructure structure) {
    return structure.tag() == Tag.NEW_ATTRIBUTE.code() ? "NewAttribute" : "CurrentAttribute";
  }

  private static boolean isV2(ProtocolVersion version) {
    return version.isAtLeast(ProtocolVersion.V2_0);
  }

  private static TtlvException invalid(String detail, String path) {
    return new TtlvException(ResultReason.INVALID_MESSAGE, detail, -1, path);
  }
}
