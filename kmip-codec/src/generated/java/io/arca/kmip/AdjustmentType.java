// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Adjustment Type enumeration (KMIP 2.1 §11.1 Table 429). Extension values (0x8xxxxxxx) have no
 * constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum AdjustmentType implements KmipEnumeration {
  /** Increment (KMIP 2.0+; KMIP 2.1 §11.1 Table 429). */
  INCREMENT(0x00000001, "Increment"),
  /** Decrement (KMIP 2.0+; KMIP 2.1 §11.1 Table 429). */
  DECREMENT(0x00000002, "Decrement"),
  /** Negate (KMIP 2.0+; KMIP 2.1 §11.1 Table 429). */
  NEGATE(0x00000003, "Negate");

  static final EnumerationIndex<AdjustmentType> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;

  AdjustmentType(int value, String xmlName) {
    this.value = value;
    this.xmlName = xmlName;
  }

  @Override
  public int value() {
    return value;
  }

  @Override
  public String xmlName() {
    return xmlName;
  }

  /** The constant with this value, or null (extensions and unknown values). */
  public static @Nullable AdjustmentType byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable AdjustmentType byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
