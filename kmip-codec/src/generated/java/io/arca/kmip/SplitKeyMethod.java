// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Split Key Method enumeration (KMIP 2.1 §11.54 Table 485). Extension values (0x8xxxxxxx) have
 * no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum SplitKeyMethod implements KmipEnumeration {
  /** XOR (KMIP 1.0+; KMIP 2.1 §11.54 Table 485). */
  XOR(0x00000001, "XOR", 10, 0),
  /** Polynomial Sharing GF (216) (KMIP 1.0+; KMIP 2.1 §11.54 Table 485). */
  POLYNOMIAL_SHARING_GF_216(0x00000002, "PolynomialSharingGF216", 10, 0),
  /** Polynomial Sharing Prime Field (KMIP 1.0+; KMIP 2.1 §11.54 Table 485). */
  POLYNOMIAL_SHARING_PRIME_FIELD(0x00000003, "PolynomialSharingPrimeField", 10, 0),
  /** Polynomial Sharing GF (28) (KMIP 1.2+; KMIP 2.1 §11.54 Table 485). */
  POLYNOMIAL_SHARING_GF_28(0x00000004, "PolynomialSharingGF28", 12, 0);

  static final EnumerationIndex<SplitKeyMethod> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  SplitKeyMethod(int value, String xmlName, int since, int until) {
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
  public static @Nullable SplitKeyMethod byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable SplitKeyMethod byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
