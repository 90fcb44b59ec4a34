package io.arca.kmip.message;

import io.arca.kmip.ItemType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.TagNames;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Takes the fields of one structure strictly: each field is looked up once with the record class
 * its type must have; a field read as single must not repeat; a field newer than the message's
 * version is refused; {@link #finish} refuses whatever nobody asked for. Every refusal is an
 * Invalid Message naming the field and the tag path.
 */
final class FieldReader {
  private final TtlvStructure structure;
  private final String path;
  private final @Nullable ProtocolVersion version;
  private final boolean[] taken;

  FieldReader(TtlvStructure structure, String path, @Nullable ProtocolVersion version) {
    this.structure = structure;
    this.path = path;
    this.version = version;
    this.taken = new boolean[structure.items().size()];
  }

  String path() {
    return path;
  }

  /** The field if present (at most once), checked for its type. */
  <T extends Ttlv> @Nullable T optional(int tag, Class<T> type) {
    T found = null;
    List<Ttlv> items = structure.items();
    for (int i = 0; i < items.size(); i++) {
      Ttlv item = items.get(i);
      if (item.tag() != tag) {
        continue;
      }
      if (found != null) {
        throw invalid(TagNames.of(tag) + ": repeated (expected: at most one)");
      }
      found = cast(item, type);
      taken[i] = true;
    }
    return found;
  }

  /** The field if present, refused when the message's version predates it. */
  <T extends Ttlv> @Nullable T optional(int tag, Class<T> type, ProtocolVersion since) {
    T found = optional(tag, type);
    if (found != null && version != null && !version.isAtLeast(since)) {
      throw invalid(
          TagNames.of(tag)
              + ": not defined in protocol "
              + version
              + " (expected: "
              + since
              + " or later)");
    }
    return found;
  }

  /** The field, which must be present exactly once. */
  <T extends Ttlv> T required(int tag, Class<T> type) {
    T found = optional(tag, type);
    if (found == null) {
      throw invalid(TagNames.of(tag) + ": missing (expected: present)");
    }
    return found;
  }

  /** Every occurrence of the field, in order, each checked for its type. */
  <T extends Ttlv> List<T> repeated(int tag, Class<T> type) {
    List<T> found = new ArrayList<>();
    List<Ttlv> items = structure.items();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).tag() == tag) {
        found.add(cast(items.get(i), type));
        taken[i] = true;
      }
    }
    return found;
  }

  /** Like {@link #repeated(int, Class)}, refused when the message's version predates the field. */
  <T extends Ttlv> List<T> repeated(int tag, Class<T> type, ProtocolVersion since) {
    List<T> found = repeated(tag, type);
    if (!found.isEmpty() && version != null && !version.isAtLeast(since)) {
      throw invalid(
          TagNames.of(tag)
              + ": not defined in protocol "
              + version
              + " (expected: "
              + since
              + " or later)");
    }
    return found;
  }

  /**
   * Refuses any field not taken, unless {@code tolerateUnknown} (a header in a version newer than
   * this codec knows, whose extra fields it cannot judge).
   */
  void finish(boolean tolerateUnknown) {
    if (tolerateUnknown) {
      return;
    }
    List<Ttlv> items = structure.items();
    for (int i = 0; i < items.size(); i++) {
      if (!taken[i]) {
        throw invalid(TagNames.of(items.get(i).tag()) + ": unexpected field");
      }
    }
  }

  TtlvException invalid(String detail) {
    return new TtlvException(ResultReason.INVALID_MESSAGE, detail, -1, path);
  }

  private <T extends Ttlv> T cast(Ttlv item, Class<T> type) {
    if (!type.isInstance(item)) {
      throw invalid(
          TagNames.of(item.tag())
              + " type: "
              + item.type().xmlName()
              + " (expected: "
              + expectedType(type)
              + ")");
    }
    return type.cast(item);
  }

  private static String expectedType(Class<? extends Ttlv> type) {
    // The record names are the XML type names with a "Ttlv" prefix.
    String simple = type.getSimpleName().substring("Ttlv".length());
    ItemType itemType = ItemType.byXmlName(simple);
    return itemType != null ? itemType.xmlName() : simple;
  }
}
