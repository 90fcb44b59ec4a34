package io.arca.kmip.ttlv;

import io.arca.kmip.Tag;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds a structure field by field, skipping absent (null) optional fields, so that the encoders
 * of payloads and objects read as their specification tables: one line per field, in order.
 */
public final class StructureBuilder {
  private final int tag;
  private final List<Ttlv> items = new ArrayList<>();

  private StructureBuilder(int tag) {
    this.tag = tag;
  }

  /** A builder of a structure with this tag. */
  public static StructureBuilder of(Tag tag) {
    return new StructureBuilder(tag.code());
  }

  /** Adds an item, unless null. */
  public StructureBuilder add(@Nullable Ttlv item) {
    if (item != null) {
      items.add(item);
    }
    return this;
  }

  /** Adds a Text String, unless null. */
  public StructureBuilder text(Tag field, @Nullable String value) {
    return value == null ? this : add(new TtlvTextString(field.code(), value));
  }

  /** Adds an Enumeration, unless null. */
  public StructureBuilder enumeration(Tag field, @Nullable Integer value) {
    return value == null ? this : add(new TtlvEnumeration(field.code(), value));
  }

  /** Adds an Integer, unless null. */
  public StructureBuilder integer(Tag field, @Nullable Integer value) {
    return value == null ? this : add(new TtlvInteger(field.code(), value));
  }

  /** Adds a Long Integer, unless null. */
  public StructureBuilder longInteger(Tag field, @Nullable Long value) {
    return value == null ? this : add(new TtlvLongInteger(field.code(), value));
  }

  /** Adds a Boolean, unless null. */
  public StructureBuilder bool(Tag field, @Nullable Boolean value) {
    return value == null ? this : add(new TtlvBoolean(field.code(), value));
  }

  /** Adds a Byte String, unless null. */
  public StructureBuilder bytes(Tag field, @Nullable ByteString value) {
    return value == null ? this : add(new TtlvByteString(field.code(), value));
  }

  /** Adds a Date-Time in epoch seconds, unless null. */
  public StructureBuilder dateTime(Tag field, @Nullable Long epochSeconds) {
    return epochSeconds == null ? this : add(new TtlvDateTime(field.code(), epochSeconds));
  }

  /** Adds an Interval in seconds, unless null. */
  public StructureBuilder interval(Tag field, @Nullable Long seconds) {
    return seconds == null ? this : add(new TtlvInterval(field.code(), seconds));
  }

  /** The structure. */
  public TtlvStructure build() {
    return new TtlvStructure(tag, items);
  }
}
