package io.arca.conformance;

import io.arca.kmip.EnumerationType;
import io.arca.kmip.Enumerations;
import io.arca.kmip.KmipEnumeration;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBigInteger;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvDateTimeExtended;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvInterval;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import org.jspecify.annotations.Nullable;

/**
 * The first place where a response differs from the expected one. Byte Strings and Big Integers are
 * described by their size only, so that no key material reaches a report or a log.
 *
 * @param path where, e.g. {@code ResponseMessage/BatchItem[0]/ResultStatus}
 * @param expected what the file expects there
 * @param actual what the server sent
 */
public record Difference(String path, String expected, String actual) {
  @Override
  public String toString() {
    return path + ": expected " + expected + ", got " + actual;
  }

  /** A tag's XML name, or its number in hex for a tag the vocabulary does not know. */
  static String tagName(int tag) {
    Tag known = Tag.byCode(tag);
    return known != null ? known.xmlName() : String.format("0x%06X", tag);
  }

  /** A short, key-free description of an item (or "nothing" for a missing one). */
  static String describe(@Nullable Ttlv item) {
    if (item == null) {
      return "nothing";
    }
    return tagName(item.tag()) + " " + value(item);
  }

  private static String value(Ttlv item) {
    if (item instanceof TtlvStructure s) {
      return "Structure (" + s.items().size() + " items)";
    } else if (item instanceof TtlvInteger i) {
      return "Integer " + i.value();
    } else if (item instanceof TtlvLongInteger l) {
      return "LongInteger " + l.value();
    } else if (item instanceof TtlvBigInteger b) {
      return "BigInteger (" + b.value().bitLength() + " bits)";
    } else if (item instanceof TtlvEnumeration e) {
      return "Enumeration " + enumName(e);
    } else if (item instanceof TtlvBoolean b) {
      return "Boolean " + b.value();
    } else if (item instanceof TtlvTextString t) {
      return "TextString \"" + t.value() + "\"";
    } else if (item instanceof TtlvByteString b) {
      return "ByteString (" + b.value().length() + " bytes)";
    } else if (item instanceof TtlvDateTime d) {
      return "DateTime " + d.instant();
    } else if (item instanceof TtlvInterval i) {
      return "Interval " + i.seconds();
    } else if (item instanceof TtlvDateTimeExtended d) {
      return "DateTimeExtended " + d.epochMicros();
    }
    return item.type().toString();
  }

  private static String enumName(TtlvEnumeration item) {
    EnumerationType type = Enumerations.forTag(item.tag());
    KmipEnumeration known = type == null ? null : type.byValue(item.value());
    return known != null ? known.xmlName() : String.format("0x%08X", item.value());
  }
}
