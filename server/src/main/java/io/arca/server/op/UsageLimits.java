package io.arca.server.op;

import io.arca.kmip.Tag;
import io.arca.kmip.UsageLimitsUnit;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A key's Usage Limits (KMIP 1.4 §3.21, 2.1 §4.56), read by field and rewritten as a whole, so that
 * Key Use and Re-key count uses without decoding the structure by tag themselves. The fields keep
 * their order when a new Count replaces the old one.
 */
record UsageLimits(TtlvStructure value) {

  /** The Usage Limits Total, or null. */
  @Nullable Long total() {
    return longField(Tag.USAGE_LIMITS_TOTAL);
  }

  /** The Usage Limits Count (the uses left), or null. */
  @Nullable Long count() {
    return longField(Tag.USAGE_LIMITS_COUNT);
  }

  /** Whether the limits count objects (a use is one), else bytes. */
  boolean perObject() {
    return value.first(Tag.USAGE_LIMITS_UNIT.code()) instanceof TtlvEnumeration unit
        && unit.value() == UsageLimitsUnit.OBJECT.value();
  }

  /** The attribute with the Count set to {@code left}, after the other fields. */
  Attribute withCount(long left) {
    List<Ttlv> fields = new ArrayList<>();
    for (Ttlv field : value.items()) {
      if (field.tag() != Tag.USAGE_LIMITS_COUNT.code()) {
        fields.add(field);
      }
    }
    fields.add(new TtlvLongInteger(Tag.USAGE_LIMITS_COUNT.code(), left));
    return Attribute.of(new TtlvStructure(Tag.USAGE_LIMITS.code(), fields));
  }

  /**
   * The attribute with the Total kept and a Count set to it, right after it: a replacement key's
   * budget is whole. Unchanged without a Total.
   */
  Attribute renewed() {
    if (!(value.first(Tag.USAGE_LIMITS_TOTAL.code()) instanceof TtlvLongInteger whole)) {
      return Attribute.of(value);
    }
    List<Ttlv> items = new ArrayList<>();
    for (Ttlv item : value.items()) {
      if (item.tag() != Tag.USAGE_LIMITS_COUNT.code()) {
        items.add(item);
      }
      if (item.tag() == Tag.USAGE_LIMITS_TOTAL.code()) {
        items.add(new TtlvLongInteger(Tag.USAGE_LIMITS_COUNT.code(), whole.value()));
      }
    }
    return Attribute.of(new TtlvStructure(value.tag(), items));
  }

  private @Nullable Long longField(Tag tag) {
    return value.first(tag.code()) instanceof TtlvLongInteger field ? field.value() : null;
  }
}
