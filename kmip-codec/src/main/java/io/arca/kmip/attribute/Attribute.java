package io.arca.kmip.attribute;

import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;

/**
 * One attribute instance in the protocol-neutral model: which attribute, the 1.x Attribute Index (0
 * where none was given, as KMIP 1.4 §2.1.1 assumes; 2.x has no index), and the value in its 2.x
 * form: tagged with the attribute's own tag, or with Attribute Value for a vendor attribute.
 */
public record Attribute(AttributeReference reference, int index, Ttlv value) {
  public Attribute {
    if (index < 0) {
      throw new IllegalArgumentException("index: " + index + " (expected: 0 or more)");
    }
    int expectedTag =
        reference instanceof AttributeReference.Tagged tagged
            ? tagged.tag()
            : Tag.ATTRIBUTE_VALUE.code();
    if (value.tag() != expectedTag) {
      throw new IllegalArgumentException(
          String.format("value tag: 0x%06X (expected: 0x%06X)", value.tag(), expectedTag));
    }
  }

  /** A standard attribute whose identity is the value's tag. */
  public static Attribute of(Ttlv value) {
    return new Attribute(new AttributeReference.Tagged(value.tag()), 0, value);
  }

  /** A vendor attribute; the value is re-tagged Attribute Value. */
  public static Attribute vendor(String vendorIdentification, String attributeName, Ttlv value) {
    return new Attribute(
        new AttributeReference.Vendor(vendorIdentification, attributeName),
        0,
        Retag.withTag(value, Tag.ATTRIBUTE_VALUE.code()));
  }

  /** The same attribute with another index. */
  public Attribute withIndex(int newIndex) {
    return new Attribute(reference, newIndex, value);
  }
}
