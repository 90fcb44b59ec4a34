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
  UNSPECIFIED(0x00000001, "Unspecified", 10, 0),
  /** Key Compromise (KMIP 1.0+; KMIP 2.1 §11.48 Table 481). */
  KEY_COMPROMISE(0x00000002, "KeyCompromise", 10, 0),
  /** CA Compromise (KMIP 1.0+; KMIP 2.1 §11.48 Table 481). */
  CA_COMPROMISE(0x00000003, "CACompromise", 10, 0),
  /** Affiliation Changed (KMIP 1.0+; KMIP 2.1 §11.48 Table 481). */
  AFFILIATION_CHANGED(0x00000004, "AffiliationChanged", 10, 0),
  /** Superseded (KMIP 1.0+; KMIP 2.1 §11.48 Table 481). */
  SUPERSEDED(0x00000005, "Superseded", 10, 0),
  /** Cessation of Operation (KMIP 1.0+; KMIP 2.1 §11.48 Table 481). */
  CESSATION_OF_OPERATION(0x00000006, "CessationOfOperation", 10, 0),
  /** Privilege Withdrawn (KMIP 1.0+; KMIP 2.1 §11.48 Table 481). */
  PRIVILEGE_WITHDRAWN(0x00000007, "PrivilegeWithdrawn", 10, 0);

  static final EnumerationIndex<RevocationReasonCode> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  RevocationReasonCode(int value, String xmlName, int since, int until) {
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
  public static @Nullable RevocationReasonCode byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable RevocationReasonCode byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
