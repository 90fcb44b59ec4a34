package io.arca.kmip.ttlv;

import io.arca.kmip.ItemType;

/** A 32-bit signed Integer. */
public record TtlvInteger(int tag, int value) implements Ttlv {
  public TtlvInteger {
    Ttlv.checkTag(tag);
  }

  @Override
  public ItemType type() {
    return ItemType.INTEGER;
  }
}
