// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The RNG Algorithm enumeration (KMIP 2.1 §11.49 RNG Algorithm Enumeration). Extension values
 * (0x8xxxxxxx) have no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum RNGAlgorithm implements KmipEnumeration {
  /** Unspecified (KMIP 1.3+; KMIP 2.1 §11.49 RNG Algorithm Enumeration). */
  UNSPECIFIED(0x00000001, "Unspecified", 13, 0),
  /** FIPS 186-2 (KMIP 1.3+; KMIP 2.1 §11.49 RNG Algorithm Enumeration). */
  FIPS_186_2(0x00000002, "FIPS186_2", 13, 0),
  /** DRBG (KMIP 1.3+; KMIP 2.1 §11.49 RNG Algorithm Enumeration). */
  DRBG(0x00000003, "DRBG", 13, 0),
  /** NRBG (KMIP 1.3+; KMIP 2.1 §11.49 RNG Algorithm Enumeration). */
  NRBG(0x00000004, "NRBG", 13, 0),
  /** ANSI X9.31 (KMIP 1.3+; KMIP 2.1 §11.49 RNG Algorithm Enumeration). */
  ANSI_X9_31(0x00000005, "ANSIX9_31", 13, 0),
  /** ANSI X9.62 (KMIP 1.3+; KMIP 2.1 §11.49 RNG Algorithm Enumeration). */
  ANSI_X9_62(0x00000006, "ANSIX9_62", 13, 0);

  static final EnumerationIndex<RNGAlgorithm> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  RNGAlgorithm(int value, String xmlName, int since, int until) {
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
  public static @Nullable RNGAlgorithm byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable RNGAlgorithm byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
