package io.arca.server.op;

import io.arca.kmip.LinkType;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.store.ObjectRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Typed read access to a stored object's attributes (KMIP 1.4 §3, 2.1 §4), so that a handler asks
 * for the Cryptographic Algorithm or the Sensitive flag by name instead of decoding attribute TTLV
 * by tag. Absent attributes read as the specification's defaults where it has one (Sensitive false,
 * Extractable true, Fresh false), else as null.
 */
record AttributeView(Attributes attributes) {

  /** The attributes of {@code record}. */
  static AttributeView of(ObjectRecord record) {
    return new AttributeView(record.attributes());
  }

  /** The Cryptographic Algorithm's value, or null. */
  @Nullable Integer cryptographicAlgorithm() {
    return NewObjects.intValue(attributes, Tag.CRYPTOGRAPHIC_ALGORITHM);
  }

  /** The Cryptographic Length in bits, or null. */
  @Nullable Integer cryptographicLength() {
    return NewObjects.intValue(attributes, Tag.CRYPTOGRAPHIC_LENGTH);
  }

  /** The Cryptographic Usage Mask, or null. */
  @Nullable Integer usageMask() {
    return NewObjects.intValue(attributes, Tag.CRYPTOGRAPHIC_USAGE_MASK);
  }

  /** Whether the key may leave only wrapped. */
  boolean sensitive() {
    return ServerAttributes.flag(attributes, Tag.SENSITIVE, false);
  }

  /** Whether the key may leave at all. */
  boolean extractable() {
    return ServerAttributes.flag(attributes, Tag.EXTRACTABLE, true);
  }

  /** Whether the object has never been served. */
  boolean fresh() {
    return ServerAttributes.flag(attributes, Tag.FRESH, false);
  }

  /** The identifier the first Link of {@code type} names. */
  Optional<String> link(LinkType type) {
    return links(type).stream().findFirst();
  }

  /** The identifiers the Links of {@code type} name, in their order. */
  List<String> links(LinkType type) {
    List<String> uids = new ArrayList<>();
    for (Attribute link : attributes.all(Tag.LINK.code())) {
      if (link.value() instanceof TtlvStructure value
          && value.first(Tag.LINK_TYPE.code()) instanceof TtlvEnumeration linkType
          && linkType.value() == type.value()
          && value.first(Tag.LINKED_OBJECT_IDENTIFIER.code()) instanceof TtlvTextString uid) {
        uids.add(uid.value());
      }
    }
    return uids;
  }
}
