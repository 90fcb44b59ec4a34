package io.arca.kmip.ttlv;

import io.arca.kmip.ItemType;

/** A 64-bit signed Long Integer. */
public record TtlvLongInteger(int tag, long value) implements Ttlv {
  public TtlvLongInteger {
    Ttlv.checkTag(tag);
  }

  @Override
  public ItemType type() {
    return ItemType.LONG_INTEGER;
  }
}
