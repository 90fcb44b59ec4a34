package io.arca.kmip.ttlv;

import io.arca.kmip.ItemType;
import java.util.Objects;

/**
 * A Byte String. The bytes live in a {@link ByteString}, which compares by content and never prints
 * them.
 */
public record TtlvByteString(int tag, ByteString value) implements Ttlv {
  public TtlvByteString {
    Ttlv.checkTag(tag);
    Objects.requireNonNull(value, "value");
  }

  /** A byte string holding a copy of these bytes. */
  public static TtlvByteString of(int tag, byte[] bytes) {
    return new TtlvByteString(tag, ByteString.copyOf(bytes));
  }

  @Override
  public ItemType type() {
    return ItemType.BYTE_STRING;
  }
}
