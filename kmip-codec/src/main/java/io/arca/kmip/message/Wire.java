package io.arca.kmip.message;

import io.arca.kmip.TagNames;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvTextString;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Small conversions shared by the message records' decoders and encoders. */
final class Wire {
  private Wire() {}

  static List<Integer> values(List<TtlvEnumeration> enumerations) {
    List<Integer> values = new ArrayList<>(enumerations.size());
    for (TtlvEnumeration enumeration : enumerations) {
      values.add(enumeration.value());
    }
    return values;
  }

  /** A Date-Time as an instant; a value beyond what Instant holds is an invalid message. */
  static Instant instant(TtlvDateTime dateTime, FieldReader fields) {
    try {
      return dateTime.instant();
    } catch (DateTimeException e) {
      throw fields.invalid(TagNames.of(dateTime.tag()) + ": out of range");
    }
  }

  static void addText(List<Ttlv> items, int tag, @Nullable String value) {
    if (value != null) {
      items.add(new TtlvTextString(tag, value));
    }
  }

  static void addBytes(List<Ttlv> items, int tag, @Nullable ByteString value) {
    if (value != null) {
      items.add(new TtlvByteString(tag, value));
    }
  }
}
