package io.arca.kmip.ttlv;

import io.arca.kmip.ItemType;

/** An Interval: an unsigned 32-bit number of seconds, held in a long. */
public record TtlvInterval(int tag, long seconds) implements Ttlv {
  /** The largest interval the four wire bytes can hold. */
  public static final long MAX_SECONDS = 0xFFFF_FFFFL;

  public TtlvInterval {
    Ttlv.checkTag(tag);
    if (seconds < 0 || seconds > MAX_SECONDS) {
      throw new IllegalArgumentException(
          "interval: " + seconds + " (expected: 0.." + MAX_SECONDS + " seconds)");
    }
  }

  @Override
  public ItemType type() {
    return ItemType.INTERVAL;
  }
}
