// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Validation Authority Type enumeration (KMIP 2.1 §11.63 Validation Authority Type
 * Enumeration). Extension values (0x8xxxxxxx) have no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum ValidationAuthorityType implements KmipEnumeration {
  /** Unspecified (KMIP 1.3+; KMIP 2.1 §11.63 Validation Authority Type Enumeration). */
  UNSPECIFIED(0x00000001, "Unspecified"),
  /** NIST CMVP (KMIP 1.3+; KMIP 2.1 §11.63 Validation Authority Type Enumeration). */
  NIST_CMVP(0x00000002, "NISTCMVP"),
  /** Common Criteria (KMIP 1.3+; KMIP 2.1 §11.63 Validation Authority Type Enumeration). */
  COMMON_CRITERIA(0x00000003, "CommonCriteria");

  static final EnumerationIndex<ValidationAuthorityType> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;

  ValidationAuthorityType(int value, String xmlName) {
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
  public static @Nullable ValidationAuthorityType byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable ValidationAuthorityType byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
