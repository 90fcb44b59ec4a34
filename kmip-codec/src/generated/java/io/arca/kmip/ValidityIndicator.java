// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Validity Indicator enumeration (KMIP 2.1 §11.61 Table 492). Extension values (0x8xxxxxxx)
 * have no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum ValidityIndicator implements KmipEnumeration {
  /** Valid (KMIP 1.0+; KMIP 2.1 §11.61 Table 492). */
  VALID(0x00000001, "Valid", 10, 0),
  /** Invalid (KMIP 1.0+; KMIP 2.1 §11.61 Table 492). */
  INVALID(0x00000002, "Invalid", 10, 0),
  /** Unknown (KMIP 1.0+; KMIP 2.1 §11.61 Table 492). */
  UNKNOWN(0x00000003, "Unknown", 10, 0);

  static final EnumerationIndex<ValidityIndicator> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  ValidityIndicator(int value, String xmlName, int since, int until) {
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
  public static @Nullable ValidityIndicator byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable ValidityIndicator byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
