package io.arca.kmip.ttlv;

import io.arca.kmip.ItemType;
import java.util.Objects;

/** A Text String, UTF-8 on the wire. */
public record TtlvTextString(int tag, String value) implements Ttlv {
  public TtlvTextString {
    Ttlv.checkTag(tag);
    Objects.requireNonNull(value, "value");
  }

  @Override
  public ItemType type() {
    return ItemType.TEXT_STRING;
  }
}
