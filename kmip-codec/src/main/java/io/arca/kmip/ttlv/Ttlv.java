package io.arca.kmip.ttlv;

import io.arca.kmip.ItemType;

/**
 * One TTLV item: a tag, a type and a value (KMIP 2.1 §9.1). Tags stay raw 24-bit ints so that
 * vendor extension tags (0x54xxxx) pass through untouched; the typed layer maps them to {@link
 * io.arca.kmip.Tag} where it must.
 */
public sealed interface Ttlv
    permits TtlvStructure,
        TtlvInteger,
        TtlvLongInteger,
        TtlvBigInteger,
        TtlvEnumeration,
        TtlvBoolean,
        TtlvTextString,
        TtlvByteString,
        TtlvDateTime,
        TtlvInterval,
        TtlvDateTimeExtended {

  /** The 24-bit tag, e.g. 0x420094 for Unique Identifier. */
  int tag();

  /** The item type, fixed by the record class. */
  ItemType type();

  /** Rejects a tag that does not fit in three bytes. */
  static int checkTag(int tag) {
    if ((tag & 0xFF000000) != 0) {
      throw new IllegalArgumentException(
          "tag: 0x" + Integer.toHexString(tag) + " (expected: 3 bytes)");
    }
    return tag;
  }
}
