package io.arca.kmip.ttlv;

import io.arca.kmip.ItemType;

/** A Boolean, eight bytes on the wire holding 0 or 1. */
public record TtlvBoolean(int tag, boolean value) implements Ttlv {
  public TtlvBoolean {
    Ttlv.checkTag(tag);
  }

  @Override
  public ItemType type() {
    return ItemType.BOOLEAN;
  }
}
