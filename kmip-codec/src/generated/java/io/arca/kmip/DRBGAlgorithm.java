// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The DRBG Algorithm enumeration (KMIP 2.1 §11.17 Table 448). Extension values (0x8xxxxxxx) have no
 * constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum DRBGAlgorithm implements KmipEnumeration {
  /** Unspecified (KMIP 1.3+; KMIP 2.1 §11.17 Table 448). */
  UNSPECIFIED(0x00000001, "Unspecified", 13, 0),
  /** Dual-EC (KMIP 1.3+; KMIP 2.1 §11.17 Table 448). */
  DUAL_EC(0x00000002, "Dual_EC", 13, 0),
  /** Hash (KMIP 1.3+; KMIP 2.1 §11.17 Table 448). */
  HASH(0x00000003, "Hash", 13, 0),
  /** HMAC (KMIP 1.3+; KMIP 2.1 §11.17 Table 448). */
  HMAC(0x00000004, "HMAC", 13, 0),
  /** CTR (KMIP 1.3+; KMIP 2.1 §11.17 Table 448). */
  CTR(0x00000005, "CTR", 13, 0);

  static final EnumerationIndex<DRBGAlgorithm> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  DRBGAlgorithm(int value, String xmlName, int since, int until) {
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
  public static @Nullable DRBGAlgorithm byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable DRBGAlgorithm byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
