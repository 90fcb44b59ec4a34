package io.arca.kmip.ttlv;

import io.arca.kmip.ItemType;
import java.time.Instant;

/**
 * A Date-Time: signed seconds since the POSIX epoch, kept as a long so that any wire value
 * round-trips.
 */
public record TtlvDateTime(int tag, long epochSeconds) implements Ttlv {
  public TtlvDateTime {
    Ttlv.checkTag(tag);
  }

  /** A date-time at this instant, truncated to the second. */
  public static TtlvDateTime of(int tag, Instant instant) {
    return new TtlvDateTime(tag, instant.getEpochSecond());
  }

  /** The value as an instant. */
  public Instant instant() {
    return Instant.ofEpochSecond(epochSeconds);
  }

  @Override
  public ItemType type() {
    return ItemType.DATE_TIME;
  }
}
