package io.arca.server.store;

import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBigInteger;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvDateTimeExtended;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvInterval;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.persistence.Blob;
import io.arca.persistence.ObjectAttribute;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Attributes to rows of the attributes table and back. Each row keeps the value's TTLV encoding
 * (exact round trip) and, where the value has one, a search text for Locate: the text itself, a
 * number in decimal, an enumeration's value in decimal, a date in epoch seconds, and for a
 * structure its first Text String (a Name's value, a Link's target). Column names are the tag's XML
 * name ({@code Name}), {@code 0x54xxxx} for a vendor tag, {@code x-Foo} / {@code y-Foo} for custom
 * attributes and {@code vendor:Name} for other vendor attributes; none can be mistaken for another,
 * since vendor identifications are limited to [A-Za-z0-9_.] (the codec refuses others), and they
 * are told apart in that order.
 *
 * <p>Attribute values are metadata, not key material, so they are stored in clear.
 */
final class AttributeRows {
  private AttributeRows() {}

  static List<ObjectAttribute> toRows(Attributes attributes) {
    List<ObjectAttribute> rows = new ArrayList<>();
    for (Attribute attribute : attributes.items()) {
      rows.add(
          new ObjectAttribute(
              columnName(attribute.reference()),
              attribute.index(),
              searchText(attribute.value()),
              Blob.copyOf(TtlvWriter.toBytes(attribute.value()))));
    }
    return rows;
  }

  static Attributes fromRows(List<ObjectAttribute> rows) {
    List<Attribute> items = new ArrayList<>();
    for (ObjectAttribute row : rows) {
      Blob bytes = row.bytes();
      if (bytes == null) {
        throw new IllegalStateException("attribute " + row.name() + " has no stored value");
      }
      Ttlv value = TtlvReader.read(bytes.toByteArray(), DecodeLimits.DEFAULTS);
      items.add(new Attribute(reference(row.name()), row.index(), value));
    }
    return new Attributes(items, List.of());
  }

  static String columnName(AttributeReference reference) {
    if (reference instanceof AttributeReference.Vendor vendor) {
      String id = vendor.vendorIdentification();
      String separator = id.equals("x") || id.equals("y") ? "-" : ":";
      return id + separator + vendor.attributeName();
    }
    int tag = ((AttributeReference.Tagged) reference).tag();
    Tag known = Tag.byCode(tag);
    return known != null ? known.xmlName() : String.format("0x%06X", tag);
  }

  private static AttributeReference reference(String column) {
    // Custom names first: after "x-" or "y-" a 1.x name may hold any character, ':' included.
    if (column.length() > 2 && (column.startsWith("x-") || column.startsWith("y-"))) {
      return AttributeReference.vendor(column.substring(0, 1), column.substring(2));
    }
    // Then vendor:Name, before the hex tags, since an identification may begin with "0x".
    int colon = column.indexOf(':');
    if (colon > 0) {
      return AttributeReference.vendor(column.substring(0, colon), column.substring(colon + 1));
    }
    if (column.startsWith("0x")) {
      return AttributeReference.tag(Integer.parseInt(column.substring(2), 16));
    }
    Tag known = Tag.byXmlName(column);
    if (known == null) {
      throw new IllegalStateException("stored attribute of unknown name " + column);
    }
    return AttributeReference.tag(known.code());
  }

  /** The text Locate matches this value by, or null for values with none (byte strings, ...). */
  static @Nullable String searchText(Ttlv value) {
    if (value instanceof TtlvTextString t) {
      return t.value();
    } else if (value instanceof TtlvInteger i) {
      return Integer.toString(i.value());
    } else if (value instanceof TtlvLongInteger l) {
      return Long.toString(l.value());
    } else if (value instanceof TtlvBigInteger b) {
      return b.value().toString();
    } else if (value instanceof TtlvEnumeration e) {
      return Integer.toString(e.value());
    } else if (value instanceof TtlvBoolean b) {
      return Boolean.toString(b.value());
    } else if (value instanceof TtlvDateTime d) {
      return Long.toString(d.epochSeconds());
    } else if (value instanceof TtlvDateTimeExtended d) {
      return Long.toString(d.epochMicros());
    } else if (value instanceof TtlvInterval i) {
      return Long.toString(i.seconds());
    } else if (value instanceof TtlvStructure s) {
      return firstText(s);
    }
    return null;
  }

  private static @Nullable String firstText(TtlvStructure structure) {
    for (Ttlv item : structure.items()) {
      if (item instanceof TtlvTextString text) {
        return text.value();
      }
    }
    return null;
  }
}
