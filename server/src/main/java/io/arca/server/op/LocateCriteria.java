package io.arca.server.op;

import io.arca.kmip.ObjectType;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvInterval;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.store.ObjectQuery;
import io.arca.server.store.ObjectRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The attributes of a Locate request as a test on objects (KMIP 1.4 §4.9, 2.1 §6.1.28): every
 * attribute named must match; two instances of a date attribute are a range (limits included);
 * Cryptographic Usage Mask matches an object holding at least the bits asked for, Usage Limits one
 * with at least the count and total asked for; a structure matches when the fields given are
 * present and equal (a Link by identifier alone); any other value matches an equal instance. The
 * part the database can answer (owner, type, state, equal search texts) goes into the {@link
 * ObjectQuery}; everything is checked again here on the records read back, so the query is only
 * ever a pre-filter.
 */
final class LocateCriteria {
  private final Map<AttributeReference, List<Attribute>> asked;

  LocateCriteria(Attributes attributes) {
    Map<AttributeReference, List<Attribute>> grouped = new LinkedHashMap<>();
    for (Attribute attribute : attributes.items()) {
      grouped.computeIfAbsent(attribute.reference(), r -> new ArrayList<>()).add(attribute);
    }
    this.asked = grouped;
  }

  /** The state asked for, or null. */
  @Nullable State state() {
    List<Attribute> states = asked.get(AttributeReference.tag(Tag.STATE.code()));
    if (states == null || states.size() != 1) {
      return null;
    }
    return states.get(0).value() instanceof TtlvEnumeration e ? State.byValue(e.value()) : null;
  }

  /** Whether the request asks for Destroyed or Destroyed Compromised objects by their state. */
  boolean asksForDestroyed() {
    State state = state();
    return state != null && !Lifecycle.isLive(state);
  }

  /** {@code query} narrowed by what the database can answer exactly or as a superset. */
  ObjectQuery narrow(ObjectQuery query) {
    ObjectQuery narrowed = query;
    for (Map.Entry<AttributeReference, List<Attribute>> entry : asked.entrySet()) {
      List<Attribute> values = entry.getValue();
      AttributeReference reference = entry.getKey();
      if (reference.equals(AttributeReference.tag(Tag.OBJECT_TYPE.code()))) {
        ObjectType type = values.size() == 1 ? objectType(values.get(0)) : null;
        if (type != null) {
          narrowed = narrowed.withType(type);
        }
      } else if (reference.equals(AttributeReference.tag(Tag.STATE.code()))) {
        State state = state();
        // Dates turn Pre-Active into Active and Active into Deactivated without a write, so only
        // the states no date leads to are stored exactly as they are seen.
        if (state != null && state != State.ACTIVE && state != State.DEACTIVATED) {
          narrowed = narrowed.withState(state);
        }
      } else if (!ObjectAttributes.isRecordField(reference) && !isRange(values)) {
        for (Attribute value : values) {
          if (isSearchable(value)) {
            narrowed = narrowed.withAttribute(value);
          }
        }
      }
    }
    return narrowed;
  }

  private static @Nullable ObjectType objectType(Attribute attribute) {
    return attribute.value() instanceof TtlvEnumeration e ? ObjectType.byValue(e.value()) : null;
  }

  /**
   * Whether the stored search text of an equal value is the same as this one's: plain values, and
   * structures whose first field is a Text String (a Name by its value), which is the text stored.
   */
  private static boolean isSearchable(Attribute attribute) {
    if (attribute.reference().equals(AttributeReference.tag(Tag.CRYPTOGRAPHIC_USAGE_MASK.code()))) {
      return false;
    }
    Ttlv value = attribute.value();
    if (value instanceof TtlvStructure structure) {
      return !structure.items().isEmpty() && structure.items().get(0) instanceof TtlvTextString;
    }
    return value instanceof TtlvTextString
        || value instanceof TtlvInteger
        || value instanceof TtlvLongInteger
        || value instanceof TtlvEnumeration
        || value instanceof TtlvBoolean
        || value instanceof TtlvDateTime
        || value instanceof TtlvInterval;
  }

  private static boolean isRange(List<Attribute> values) {
    return values.size() == 2
        && values.get(0).value() instanceof TtlvDateTime
        && values.get(1).value() instanceof TtlvDateTime;
  }

  /** Whether the object, with the attributes a client sees (state as its dates give), matches. */
  boolean matches(ObjectRecord record) {
    Attributes all = ObjectAttributes.of(record);
    for (Map.Entry<AttributeReference, List<Attribute>> entry : asked.entrySet()) {
      List<Attribute> has = all.all(entry.getKey());
      List<Attribute> wanted = entry.getValue();
      if (isRange(wanted)) {
        if (!inRange(has, wanted)) {
          return false;
        }
        continue;
      }
      for (Attribute one : wanted) {
        if (has.stream().noneMatch(h -> valueMatches(one.value(), h.value()))) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean inRange(List<Attribute> has, List<Attribute> bounds) {
    long a = ((TtlvDateTime) bounds.get(0).value()).epochSeconds();
    long b = ((TtlvDateTime) bounds.get(1).value()).epochSeconds();
    long low = Math.min(a, b);
    long high = Math.max(a, b);
    for (Attribute attribute : has) {
      if (attribute.value() instanceof TtlvDateTime date
          && date.epochSeconds() >= low
          && date.epochSeconds() <= high) {
        return true;
      }
    }
    return false;
  }

  /** Whether an object's value satisfies the value asked for. */
  static boolean valueMatches(Ttlv wanted, Ttlv has) {
    if (wanted.tag() == Tag.CRYPTOGRAPHIC_USAGE_MASK.code()
        && wanted instanceof TtlvInteger mask
        && has instanceof TtlvInteger held) {
      return (held.value() & mask.value()) == mask.value();
    }
    if ((wanted.tag() == Tag.USAGE_LIMITS_COUNT.code()
            || wanted.tag() == Tag.USAGE_LIMITS_TOTAL.code())
        && wanted instanceof TtlvLongInteger least
        && has instanceof TtlvLongInteger held) {
      // Usage Limits match objects with at least the count and total asked for.
      return held.value() >= least.value();
    }
    if (wanted instanceof TtlvStructure partial && has instanceof TtlvStructure whole) {
      if (partial.tag() != whole.tag()) {
        return false;
      }
      for (Ttlv field : partial.items()) {
        if (whole.all(field.tag()).stream().noneMatch(f -> valueMatches(field, f))) {
          return false;
        }
      }
      return true;
    }
    return wanted.equals(has);
  }
}
