package io.arca.kmip.attribute;

import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.TtlvException;
import org.jspecify.annotations.Nullable;

/**
 * Which attribute: a standard attribute by its tag, or a vendor attribute by Vendor Identification
 * and Attribute Name (KMIP 2.1 §5.5). A 1.x custom attribute "x-Foo" is the vendor attribute ("x",
 * "Foo"), and "y-Foo" is ("y", "Foo"), as KMIP 2.1 §4.60 reserves them.
 */
public sealed interface AttributeReference {

  /** A standard attribute (0x42xxxx) or one a vendor defines by its own tag (0x54xxxx). */
  record Tagged(int tag) implements AttributeReference {}

  /** A vendor attribute; the identification is limited to [A-Za-z0-9_.]. */
  record Vendor(String vendorIdentification, String attributeName) implements AttributeReference {
    public Vendor {
      if (vendorIdentification.isEmpty() || attributeName.isEmpty()) {
        throw new IllegalArgumentException("vendor attribute: empty identification or name");
      }
    }
  }

  /** A standard attribute by tag. */
  static AttributeReference tag(int tag) {
    return new Tagged(tag);
  }

  /** A vendor attribute. */
  static AttributeReference vendor(String vendorIdentification, String attributeName) {
    return new Vendor(vendorIdentification, attributeName);
  }

  /**
   * The attribute a 1.x Attribute Name designates: a custom name ("x-" or "y-" and at least one
   * more character) or a spec name such as "Cryptographic Algorithm". Any other name is an Invalid
   * Field.
   */
  static AttributeReference fromName(String name) {
    if (name.length() > 2 && (name.startsWith("x-") || name.startsWith("y-"))) {
      return new Vendor(name.substring(0, 1), name.substring(2));
    }
    Tag known = Tag.bySpecName(name);
    if (known == null) {
      throw new TtlvException(
          ResultReason.INVALID_FIELD,
          "AttributeName: not a KMIP attribute (expected: a spec name or an x-/y- custom name)");
    }
    return new Tagged(known.code());
  }

  /**
   * The 1.x Attribute Name, or null where 1.x has none: a vendor other than "x" or "y", a vendor
   * tag, or an attribute 1.x does not define.
   */
  default @Nullable String name() {
    if (this instanceof Vendor v) {
      String id = v.vendorIdentification();
      return id.equals("x") || id.equals("y") ? id + "-" + v.attributeName() : null;
    }
    Tag known = Tag.byCode(((Tagged) this).tag());
    return known == null ? null : known.specName();
  }
}
