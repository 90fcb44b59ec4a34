package io.arca.kmip.ttlv;

import io.arca.kmip.ItemType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A Date-Time Extended (KMIP 2.0+): signed microseconds since the POSIX epoch. */
public record TtlvDateTimeExtended(int tag, long epochMicros) implements Ttlv {
  public TtlvDateTimeExtended {
    Ttlv.checkTag(tag);
  }

  /** The value as an instant. */
  public Instant instant() {
    return Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS);
  }

  @Override
  public ItemType type() {
    return ItemType.DATE_TIME_EXTENDED;
  }
}
