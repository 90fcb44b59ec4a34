// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The FIPS186 Variation enumeration (KMIP 2.1 §11.20 Table 453). Extension values (0x8xxxxxxx) have
 * no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum FIPS186Variation implements KmipEnumeration {
  /** Unspecified (KMIP 1.3+; KMIP 2.1 §11.20 Table 453). */
  UNSPECIFIED(0x00000001, "Unspecified", 13, 0),
  /** GP x-Original (KMIP 1.3+; KMIP 2.1 §11.20 Table 453). */
  GP_X_ORIGINAL(0x00000002, "GPXOriginal", 13, 0),
  /** GP x-Change Notice (KMIP 1.3+; KMIP 2.1 §11.20 Table 453). */
  GP_X_CHANGE_NOTICE(0x00000003, "GPXChangeNotice", 13, 0),
  /** x-Original (KMIP 1.3+; KMIP 2.1 §11.20 Table 453). */
  X_ORIGINAL(0x00000004, "XOriginal", 13, 0),
  /** x-Change Notice (KMIP 1.3+; KMIP 2.1 §11.20 Table 453). */
  X_CHANGE_NOTICE(0x00000005, "XChangeNotice", 13, 0),
  /** k-Original (KMIP 1.3+; KMIP 2.1 §11.20 Table 453). */
  K_ORIGINAL(0x00000006, "KOriginal", 13, 0),
  /** k-Change Notice (KMIP 1.3+; KMIP 2.1 §11.20 Table 453). */
  K_CHANGE_NOTICE(0x00000007, "KChangeNotice", 13, 0);

  static final EnumerationIndex<FIPS186Variation> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  FIPS186Variation(int value, String xmlName, int since, int until) {
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
  public static @Nullable FIPS186Variation byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable FIPS186Variation byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
