// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Alternative Name Type enumeration (KMIP 2.1 §11.2 Table 430). Extension values (0x8xxxxxxx)
 * have no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum AlternativeNameType implements KmipEnumeration {
  /** Uninterpreted Text String (KMIP 1.2+; KMIP 2.1 §11.2 Table 430). */
  UNINTERPRETED_TEXT_STRING(0x00000001, "UninterpretedTextString"),
  /** URI (KMIP 1.2+; KMIP 2.1 §11.2 Table 430). */
  URI(0x00000002, "URI"),
  /** Object Serial Number (KMIP 1.2+; KMIP 2.1 §11.2 Table 430). */
  OBJECT_SERIAL_NUMBER(0x00000003, "ObjectSerialNumber"),
  /** Email Address (KMIP 1.2+; KMIP 2.1 §11.2 Table 430). */
  EMAIL_ADDRESS(0x00000004, "EmailAddress"),
  /** DNS Name (KMIP 1.2+; KMIP 2.1 §11.2 Table 430). */
  DNS_NAME(0x00000005, "DNSName"),
  /** X.500 Distinguished Name (KMIP 1.2+; KMIP 2.1 §11.2 Table 430). */
  X_500_DISTINGUISHED_NAME(0x00000006, "X_500DistinguishedName"),
  /** IP Address (KMIP 1.2+; KMIP 2.1 §11.2 Table 430). */
  IP_ADDRESS(0x00000007, "IPAddress");

  static final EnumerationIndex<AlternativeNameType> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;

  AlternativeNameType(int value, String xmlName) {
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
  public static @Nullable AlternativeNameType byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable AlternativeNameType byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
