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
  UNINTERPRETED_TEXT_STRING(0x00000001, "UninterpretedTextString", 12, 0),
  /** URI (KMIP 1.2+; KMIP 2.1 §11.2 Table 430). */
  URI(0x00000002, "URI", 12, 0),
  /** Object Serial Number (KMIP 1.2+; KMIP 2.1 §11.2 Table 430). */
  OBJECT_SERIAL_NUMBER(0x00000003, "ObjectSerialNumber", 12, 0),
  /** Email Address (KMIP 1.2+; KMIP 2.1 §11.2 Table 430). */
  EMAIL_ADDRESS(0x00000004, "EmailAddress", 12, 0),
  /** DNS Name (KMIP 1.2+; KMIP 2.1 §11.2 Table 430). */
  DNS_NAME(0x00000005, "DNSName", 12, 0),
  /** X.500 Distinguished Name (KMIP 1.2+; KMIP 2.1 §11.2 Table 430). */
  X_500_DISTINGUISHED_NAME(0x00000006, "X_500DistinguishedName", 12, 0),
  /** IP Address (KMIP 1.2+; KMIP 2.1 §11.2 Table 430). */
  IP_ADDRESS(0x00000007, "IPAddress", 12, 0);

  static final EnumerationIndex<AlternativeNameType> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  AlternativeNameType(int value, String xmlName, int since, int until) {
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
  public static @Nullable AlternativeNameType byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable AlternativeNameType byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
