package io.arca.kmip.attribute;

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

/**
 * Gives a value another tag, keeping type and content: 1.x carries every attribute value under the
 * tag Attribute Value, 2.x under the attribute's own tag.
 */
final class Retag {
  private Retag() {}

  static Ttlv withTag(Ttlv value, int tag) {
    if (value.tag() == tag) {
      return value;
    }
    if (value instanceof TtlvStructure v) {
      return new TtlvStructure(tag, v.items());
    } else if (value instanceof TtlvInteger v) {
      return new TtlvInteger(tag, v.value());
    } else if (value instanceof TtlvLongInteger v) {
      return new TtlvLongInteger(tag, v.value());
    } else if (value instanceof TtlvBigInteger v) {
      return new TtlvBigInteger(tag, v.value());
    } else if (value instanceof TtlvEnumeration v) {
      return new TtlvEnumeration(tag, v.value());
    } else if (value instanceof TtlvBoolean v) {
      return new TtlvBoolean(tag, v.value());
    } else if (value instanceof TtlvTextString v) {
      return new TtlvTextString(tag, v.value());
    } else if (value instanceof TtlvByteString v) {
      return new TtlvByteString(tag, v.value());
    } else if (value instanceof TtlvDateTime v) {
      return new TtlvDateTime(tag, v.epochSeconds());
    } else if (value instanceof TtlvInterval v) {
      return new TtlvInterval(tag, v.seconds());
    } else if (value instanceof TtlvDateTimeExtended v) {
      return new TtlvDateTimeExtended(tag, v.epochMicros());
    }
    throw new IllegalStateException("unknown TTLV record: " + value.type());
  }
}
