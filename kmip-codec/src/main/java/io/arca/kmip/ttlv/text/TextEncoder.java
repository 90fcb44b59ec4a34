package io.arca.kmip.ttlv.text;

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
import io.arca.kmip.ttlv.text.NameTable.EnumNames;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Spells scalar values as the XML encoding writes them; the JSON writer reuses most of it. */
final class TextEncoder {
  private TextEncoder() {}

  /** The text of Attribute Name among a structure's direct children, or null. */
  static @Nullable String attributeName(TtlvStructure structure) {
    String name = null;
    for (Ttlv item : structure.items()) {
      if (item.tag() == NameContext.ATTRIBUTE_NAME && item instanceof TtlvTextString text) {
        name = text.value();
      }
    }
    return name;
  }

  /** The value attribute of a scalar item in the XML encoding. */
  static String xmlValue(Ttlv item, @Nullable EnumNames names) {
    if (item instanceof TtlvInteger v) {
      return TextValues.formatInteger(v.value(), names, " ");
    } else if (item instanceof TtlvLongInteger v) {
      return Long.toString(v.value());
    } else if (item instanceof TtlvBigInteger v) {
      return TextValues.bigHex(v.value());
    } else if (item instanceof TtlvEnumeration v) {
      return TextValues.formatEnumeration(v.value(), names);
    } else if (item instanceof TtlvBoolean v) {
      return Boolean.toString(v.value());
    } else if (item instanceof TtlvTextString v) {
      return v.value();
    } else if (item instanceof TtlvByteString v) {
      return byteHex(v);
    } else if (item instanceof TtlvDateTime v) {
      return TextValues.formatDateTime(v.epochSeconds());
    } else if (item instanceof TtlvInterval v) {
      return Long.toString(v.seconds());
    } else if (item instanceof TtlvDateTimeExtended v) {
      return TextValues.formatDateTimeExtended(v.epochMicros());
    }
    throw new IllegalArgumentException("not a scalar: " + item.type().xmlName());
  }

  static String byteHex(TtlvByteString item) {
    byte[] bytes = item.value().toByteArray();
    try {
      return TextValues.hexBytes(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
