package io.arca.server;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.LinkType;
import io.arca.kmip.NameType;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.UsageLimitsUnit;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Attributes for end-to-end tests to send, and to read out of answers. */
final class TestAttributes {
  private TestAttributes() {}

  /** The Cryptographic Algorithm and Length of a new key, in a list that takes more. */
  static List<Attribute> keyOf(CryptographicAlgorithm algorithm, int bits) {
    List<Attribute> items = new ArrayList<>();
    items.add(
        Attribute.of(new TtlvEnumeration(Tag.CRYPTOGRAPHIC_ALGORITHM.code(), algorithm.value())));
    items.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits)));
    return items;
  }

  static @Nullable Ttlv value(Attributes attributes, Tag tag) {
    Attribute attribute = attributes.first(tag.code());
    return attribute == null ? null : attribute.value();
  }

  static Instant date(Attributes attributes, Tag tag) {
    return ((TtlvDateTime) Objects.requireNonNull(value(attributes, tag), tag.toString()))
        .instant();
  }

  static TtlvStructure structure(Attributes attributes, Tag tag) {
    return (TtlvStructure) Objects.requireNonNull(value(attributes, tag), tag.toString());
  }

  static State state(Attributes attributes) {
    return Objects.requireNonNull(
        State.byValue(
            ((TtlvEnumeration) Objects.requireNonNull(value(attributes, Tag.STATE))).value()));
  }

  static List<String> names(Attributes attributes) {
    List<String> names = new ArrayList<>();
    for (Attribute name : attributes.all(Tag.NAME.code())) {
      if (((TtlvStructure) name.value()).first(Tag.NAME_VALUE.code()) instanceof TtlvTextString t) {
        names.add(t.value());
      }
    }
    return names;
  }

  static List<String> links(Attributes attributes, LinkType type) {
    List<String> linked = new ArrayList<>();
    for (Attribute link : attributes.all(Tag.LINK.code())) {
      TtlvStructure value = (TtlvStructure) link.value();
      if (value.first(Tag.LINK_TYPE.code()) instanceof TtlvEnumeration e
          && e.value() == type.value()
          && value.first(Tag.LINKED_OBJECT_IDENTIFIER.code()) instanceof TtlvTextString t) {
        linked.add(t.value());
      }
    }
    return linked;
  }

  static Attribute name(String name) {
    return Attribute.of(
        TtlvStructure.of(
            Tag.NAME.code(),
            new TtlvTextString(Tag.NAME_VALUE.code(), name),
            new TtlvEnumeration(Tag.NAME_TYPE.code(), NameType.UNINTERPRETED_TEXT_STRING.value())));
  }

  static Attribute text(Tag tag, String value) {
    return Attribute.of(new TtlvTextString(tag.code(), value));
  }

  static Attribute dateAttribute(Tag tag, Instant value) {
    return Attribute.of(TtlvDateTime.of(tag.code(), value));
  }

  static Attribute usage(CryptographicUsageMask... masks) {
    int mask = 0;
    for (CryptographicUsageMask m : masks) {
      mask |= m.value();
    }
    return Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), mask));
  }

  static Attribute usageLimits(long total, long count) {
    return Attribute.of(
        TtlvStructure.of(
            Tag.USAGE_LIMITS.code(),
            new TtlvLongInteger(Tag.USAGE_LIMITS_TOTAL.code(), total),
            new TtlvLongInteger(Tag.USAGE_LIMITS_COUNT.code(), count),
            new TtlvEnumeration(Tag.USAGE_LIMITS_UNIT.code(), UsageLimitsUnit.OBJECT.value())));
  }
}
