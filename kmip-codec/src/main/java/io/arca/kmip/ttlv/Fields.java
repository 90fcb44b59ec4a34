package io.arca.kmip.ttlv;

import io.arca.kmip.ItemType;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.TagNames;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of one payload or object structure strictly, in any order: each field is taken
 * once with the record class its type must have, a single field must not repeat, and {@link
 * #finish()} refuses whatever nobody took. Every refusal is an Invalid Field naming the field and
 * the structure, never the value. The payload and object layers share it; the message layer has its
 * own reader, whose faults are Invalid Message.
 */
public final class Fields {
  private final TtlvStructure structure;
  private final String path;
  private final boolean[] taken;

  /**
   * The items' tags, read once: a structure is scanned once per field its reader asks for (twenty
   * for Cryptographic Parameters), and the tags' array scans cheaper than the items' list.
   */
  private final int[] tags;

  private Fields(TtlvStructure structure, String path) {
    this.structure = structure;
    this.path = path;
    List<Ttlv> items = structure.items();
    this.taken = new boolean[items.size()];
    this.tags = new int[items.size()];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = items.get(i).tag();
    }
  }

  /** A reader of {@code structure}, named {@code path} in error messages (e.g. "Create"). */
  public static Fields of(TtlvStructure structure, String path) {
    return new Fields(structure, path);
  }

  /** The field if present (at most once), checked for its type. */
  public <T extends Ttlv> @Nullable T optional(Tag tag, Class<T> type) {
    T found = null;
    int code = tag.code();
    for (int i = 0; i < tags.length; i++) {
      if (tags[i] != code) {
        continue;
      }
      if (found != null) {
        throw invalid(tag.xmlName() + ": repeated (expected: at most one)");
      }
      found = cast(structure.items().get(i), type);
      taken[i] = true;
    }
    return found;
  }

  /** The field, which must be present exactly once. */
  public <T extends Ttlv> T required(Tag tag, Class<T> type) {
    T found = optional(tag, type);
    if (found == null) {
      throw invalid(tag.xmlName() + ": missing (expected: present)");
    }
    return found;
  }

  /** Every occurrence of the field, in order, each checked for its type. */
  public <T extends Ttlv> List<T> repeated(Tag tag, Class<T> type) {
    List<T> found = new ArrayList<>();
    int code = tag.code();
    for (int i = 0; i < tags.length; i++) {
      if (tags[i] == code) {
        found.add(cast(structure.items().get(i), type));
        taken[i] = true;
      }
    }
    return found;
  }

  /** The field if present, whatever its type (for fields that may be bytes or a structure). */
  public @Nullable Ttlv optionalAny(Tag tag) {
    return optional(tag, Ttlv.class);
  }

  /** An optional Text String field's value. */
  public @Nullable String text(Tag tag) {
    TtlvTextString value = optional(tag, TtlvTextString.class);
    return value == null ? null : value.value();
  }

  /** A required Text String field's value. */
  public String requiredText(Tag tag) {
    return required(tag, TtlvTextString.class).value();
  }

  /** An optional Enumeration field's raw value. */
  public @Nullable Integer enumeration(Tag tag) {
    TtlvEnumeration value = optional(tag, TtlvEnumeration.class);
    return value == null ? null : value.value();
  }

  /** A required Enumeration field's raw value. */
  public int requiredEnumeration(Tag tag) {
    return required(tag, TtlvEnumeration.class).value();
  }

  /** An optional Integer field's value. */
  public @Nullable Integer integer(Tag tag) {
    TtlvInteger value = optional(tag, TtlvInteger.class);
    return value == null ? null : value.value();
  }

  /** A required Integer field's value. */
  public int requiredInteger(Tag tag) {
    return required(tag, TtlvInteger.class).value();
  }

  /** An optional Long Integer field's value. */
  public @Nullable Long longInteger(Tag tag) {
    TtlvLongInteger value = optional(tag, TtlvLongInteger.class);
    return value == null ? null : value.value();
  }

  /** An optional Boolean field's value. */
  public @Nullable Boolean bool(Tag tag) {
    TtlvBoolean value = optional(tag, TtlvBoolean.class);
    return value == null ? null : value.value();
  }

  /** An optional Byte String field's value. */
  public @Nullable ByteString bytes(Tag tag) {
    TtlvByteString value = optional(tag, TtlvByteString.class);
    return value == null ? null : value.value();
  }

  /** A required Byte String field's value. */
  public ByteString requiredBytes(Tag tag) {
    return required(tag, TtlvByteString.class).value();
  }

  /** An optional Date-Time field, in seconds since the epoch as on the wire. */
  public @Nullable Long dateTime(Tag tag) {
    TtlvDateTime value = optional(tag, TtlvDateTime.class);
    return value == null ? null : value.epochSeconds();
  }

  /** An optional Interval field, in seconds as on the wire (unsigned 32 bits). */
  public @Nullable Long interval(Tag tag) {
    TtlvInterval value = optional(tag, TtlvInterval.class);
    return value == null ? null : value.seconds();
  }

  /** An optional Structure field. */
  public @Nullable TtlvStructure structure(Tag tag) {
    return optional(tag, TtlvStructure.class);
  }

  /** Refuses any field not taken. */
  public void finish() {
    List<Ttlv> items = structure.items();
    for (int i = 0; i < items.size(); i++) {
      if (!taken[i]) {
        throw invalid(TagNames.of(items.get(i).tag()) + ": unexpected field");
      }
    }
  }

  /** An Invalid Field error at this structure; {@code detail} must not hold a value. */
  public TtlvException invalid(String detail) {
    return new TtlvException(ResultReason.INVALID_FIELD, detail, -1, path);
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
