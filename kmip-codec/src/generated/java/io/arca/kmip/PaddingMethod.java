// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Padding Method enumeration (KMIP 2.1 §11.37 Table 471). Extension values (0x8xxxxxxx) have no
 * constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum PaddingMethod implements KmipEnumeration {
  /** None (KMIP 1.0+; KMIP 2.1 §11.37 Table 471). */
  NONE(0x00000001, "None"),
  /** OAEP (KMIP 1.0+; KMIP 2.1 §11.37 Table 471). */
  OAEP(0x00000002, "OAEP"),
  /** PKCS5 (KMIP 1.0+; KMIP 2.1 §11.37 Table 471). */
  PKCS5(0x00000003, "PKCS5"),
  /** SSL3 (KMIP 1.0+; KMIP 2.1 §11.37 Table 471). */
  SSL3(0x00000004, "SSL3"),
  /** Zeros (KMIP 1.0+; KMIP 2.1 §11.37 Table 471). */
  ZEROS(0x00000005, "Zeros"),
  /** ANSI X9.23 (KMIP 1.0+; KMIP 2.1 §11.37 Table 471). */
  ANSI_X9_23(0x00000006, "ANSIX9_23"),
  /** ISO 10126 (KMIP 1.0+; KMIP 2.1 §11.37 Table 471). */
  ISO_10126(0x00000007, "ISO10126"),
  /** PKCS1 v1.5 (KMIP 1.0+; KMIP 2.1 §11.37 Table 471). */
  PKCS1_V1_5(0x00000008, "PKCS1V1_5"),
  /** X9.31 (KMIP 1.0+; KMIP 2.1 §11.37 Table 471). */
  X9_31(0x00000009, "X9_31"),
  /** PSS (KMIP 1.0+; KMIP 2.1 §11.37 Table 471). */
  PSS(0x0000000A, "PSS");

  static final EnumerationIndex<PaddingMethod> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;

  PaddingMethod(int value, String xmlName) {
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
  public static @Nullable PaddingMethod byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable PaddingMethod byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
