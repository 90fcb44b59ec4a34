package io.arca.kmip.ttlv;

import io.arca.kmip.ItemType;

/** An Enumeration value, kept raw so that extension values (0x8xxxxxxx) survive. */
public record TtlvEnumeration(int tag, int value) implements Ttlv {
  public TtlvEnumeration {
    Ttlv.checkTag(tag);
  }

  @Override
  public ItemType type() {
    return ItemType.ENUMERATION;
  }
}
