package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.TagNames;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.List;

/**
 * Small helpers the payload classes share: strict field checks and the Protocol Version structure.
 */
final class Payloads {
  private Payloads() {}

  /** Refuses any field of {@code payload} whose tag is not one of {@code allowed}. */
  static void onlyFields(TtlvStructure payload, String name, Tag... allowed) {
    for (Ttlv item : payload.items()) {
      boolean known = false;
      for (Tag tag : allowed) {
        known |= tag.code() == item.tag();
      }
      if (!known) {
        throw invalid(name + ": unexpected field " + TagNames.of(item.tag()));
      }
    }
  }

  /** The items with this tag, each of which must be of {@code type}. */
  static <T extends Ttlv> List<T> all(TtlvStructure payload, Tag tag, Class<T> type) {
    return payload.all(tag.code()).stream()
        .map(
            item -> {
              if (!type.isInstance(item)) {
                throw invalid(tag.xmlName() + ": wrong item type " + item.type().xmlName());
              }
              return type.cast(item);
            })
        .toList();
  }

  /** The single item with this tag, which must be present and of {@code type}. */
  static <T extends Ttlv> T required(TtlvStructure payload, Tag tag, Class<T> type) {
    List<T> found = all(payload, tag, type);
    if (found.size() != 1) {
      throw invalid(
          tag.xmlName() + (found.isEmpty() ? ": missing" : ": repeated") + " (expected: one)");
    }
    return found.get(0);
  }

  static ProtocolVersion protocolVersion(TtlvStructure structure) {
    onlyFields(
        structure, "ProtocolVersion", Tag.PROTOCOL_VERSION_MAJOR, Tag.PROTOCOL_VERSION_MINOR);
    return new ProtocolVersion(
        required(structure, Tag.PROTOCOL_VERSION_MAJOR, TtlvInteger.class).value(),
        required(structure, Tag.PROTOCOL_VERSION_MINOR, TtlvInteger.class).value());
  }

  static TtlvStructure protocolVersion(ProtocolVersion version) {
    return TtlvStructure.of(
        Tag.PROTOCOL_VERSION.code(),
        new TtlvInteger(Tag.PROTOCOL_VERSION_MAJOR.code(), version.major()),
        new TtlvInteger(Tag.PROTOCOL_VERSION_MINOR.code(), version.minor()));
  }

  static TtlvException invalid(String message) {
    return new TtlvException(ResultReason.INVALID_FIELD, message);
  }
}
