// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Storage Status Mask bit mask (KMIP 2.1 §12.3 Table 498). Each constant's value is its bit; a
 * value on the wire is an Integer holding the OR of bits.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum StorageStatusMask implements KmipEnumeration {
  /** On-line storage (KMIP 1.0+; KMIP 2.1 §12.3 Table 498). */
  ON_LINE_STORAGE(0x00000001, "OnLineStorage", 10, 0),
  /** Archival storage (KMIP 1.0+; KMIP 2.1 §12.3 Table 498). */
  ARCHIVAL_STORAGE(0x00000002, "ArchivalStorage", 10, 0),
  /** Destroyed storage (KMIP 2.0+; KMIP 2.1 §12.3 Table 498). */
  DESTROYED_STORAGE(0x00000004, "DestroyedStorage", 20, 0);

  static final EnumerationIndex<StorageStatusMask> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  StorageStatusMask(int value, String xmlName, int since, int until) {
    this.value = value;
    this.xmlName = xmlName;
    this.since = since;
    this.until = until;
  }

  @Override
  public int value() {
    return value;
  }

  @Override
  public String xmlName() {
    return xmlName;
  }

  /** The first version that defines this value. */
  @Override
  public ProtocolVersion since() {
    return ProtocolVersion.firstOfTableCode(since);
  }

  /** The last version that defines this value, or null when 2.1 still does. */
  @Override
  public @Nullable ProtocolVersion until() {
    return ProtocolVersion.ofTableCode(until);
  }

  /** The constant with this value, or null (extensions and unknown values). */
  public static @Nullable StorageStatusMask byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable StorageStatusMask byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
