// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Revocation Reason Code enumeration (KMIP 2.1 §11.48 Table 481). Extension values (0x8xxxxxxx)
 * have no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum RevocationReasonCode implements KmipEnumeration {
  /** Unspecified (KMIP 1.0+; KMIP 2.1 §11.48 Table 481). */
  UNSPECIFIED(0x00000001, "Unspecified"),
  /** Key Compromise (KMIP 1.0+; KMIP 2.1 §11.48 Table 481). */
  KEY_COMPROMISE(0x00000002, "KeyCompromise"),
  /** CA Compromise (KMIP 1.0+; KMIP 2.1 §11.48 Table 481). */
  CA_COMPROMISE(0x00000003, "CACompromise"),
  /** Affiliation Changed (KMIP 1.0+; KMIP 2.1 §11.48 Table 481). */
  AFFILIATION_CHANGED(0x00000004, "AffiliationChanged"),
  /** Superseded (KMIP 1.0+; KMIP 2.1 §11.48 Table 481). */
  SUPERSEDED(0x00000005, "Superseded"),
  /** Cessation of Operation (KMIP 1.0+; KMIP 2.1 §11.48 Table 481). */
  CESSATION_OF_OPERATION(0x00000006, "CessationOfOperation"),
  /** Privilege Withdrawn (KMIP 1.0+; KMIP 2.1 §11.48 Table 481). */
  PRIVILEGE_WITHDRAWN(0x00000007, "PrivilegeWithdrawn");

  static final EnumerationIndex<RevocationReasonCode> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;

  RevocationReasonCode(int value, String xmlName) {
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
  public static @Nullable RevocationReasonCode byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable RevocationReasonCode byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
