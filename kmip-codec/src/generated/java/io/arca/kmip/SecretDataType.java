// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Secret Data Type enumeration (KMIP 2.1 §11.52 Table 483). Extension values (0x8xxxxxxx) have
 * no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum SecretDataType implements KmipEnumeration {
  /** Password (KMIP 1.0+; KMIP 2.1 §11.52 Table 483). */
  PASSWORD(0x00000001, "Password"),
  /** Seed (KMIP 1.0+; KMIP 2.1 §11.52 Table 483). */
  SEED(0x00000002, "Seed");

  static final EnumerationIndex<SecretDataType> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;

  SecretDataType(int value, String xmlName) {
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
  public static @Nullable SecretDataType byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable SecretDataType byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
