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
  NONE(0x00000001, "None", 10, 0),
  /** OAEP (KMIP 1.0+; KMIP 2.1 §11.37 Table 471). */
  OAEP(0x00000002, "OAEP", 10, 0),
  /** PKCS5 (KMIP 1.0+; KMIP 2.1 §11.37 Table 471). */
  PKCS5(0x00000003, "PKCS5", 10, 0),
  /** SSL3 (KMIP 1.0+; KMIP 2.1 §11.37 Table 471). */
  SSL3(0x00000004, "SSL3", 10, 0),
  /** Zeros (KMIP 1.0+; KMIP 2.1 §11.37 Table 471). */
  ZEROS(0x00000005, "Zeros", 10, 0),
  /** ANSI X9.23 (KMIP 1.0+; KMIP 2.1 §11.37 Table 471). */
  ANSI_X9_23(0x00000006, "ANSIX9_23", 10, 0),
  /** ISO 10126 (KMIP 1.0+; KMIP 2.1 §11.37 Table 471). */
  ISO_10126(0x00000007, "ISO10126", 10, 0),
  /** PKCS1 v1.5 (KMIP 1.0+; KMIP 2.1 §11.37 Table 471). */
  PKCS1_V1_5(0x00000008, "PKCS1V1_5", 10, 0),
  /** X9.31 (KMIP 1.0+; KMIP 2.1 §11.37 Table 471). */
  X9_31(0x00000009, "X9_31", 10, 0),
  /** PSS (KMIP 1.0+; KMIP 2.1 §11.37 Table 471). */
  PSS(0x0000000A, "PSS", 10, 0);

  static final EnumerationIndex<PaddingMethod> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  PaddingMethod(int value, String xmlName, int since, int until) {
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
  public static @Nullable PaddingMethod byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable PaddingMethod byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
