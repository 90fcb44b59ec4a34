// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Validation Type enumeration (KMIP 2.1 §11.64 Validation Type Enumeration). Extension values
 * (0x8xxxxxxx) have no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum ValidationType implements KmipEnumeration {
  /** Unspecified (KMIP 1.3+; KMIP 2.1 §11.64 Validation Type Enumeration). */
  UNSPECIFIED(0x00000001, "Unspecified"),
  /** Hardware (KMIP 1.3+; KMIP 2.1 §11.64 Validation Type Enumeration). */
  HARDWARE(0x00000002, "Hardware"),
  /** Software (KMIP 1.3+; KMIP 2.1 §11.64 Validation Type Enumeration). */
  SOFTWARE(0x00000003, "Software"),
  /** Firmware (KMIP 1.3+; KMIP 2.1 §11.64 Validation Type Enumeration). */
  FIRMWARE(0x00000004, "Firmware"),
  /** Hybrid (KMIP 1.3+; KMIP 2.1 §11.64 Validation Type Enumeration). */
  HYBRID(0x00000005, "Hybrid");

  static final EnumerationIndex<ValidationType> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;

  ValidationType(int value, String xmlName) {
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
  public static @Nullable ValidationType byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable ValidationType byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
