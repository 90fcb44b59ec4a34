// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Credential Type enumeration (KMIP 2.1 §11.11 Table 442). Extension values (0x8xxxxxxx) have
 * no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum CredentialType implements KmipEnumeration {
  /** Username and Password (KMIP 1.0+; KMIP 2.1 §11.11 Table 442). */
  USERNAME_AND_PASSWORD(0x00000001, "UsernameAndPassword", 10, 0),
  /** Device (KMIP 1.1+; KMIP 2.1 §11.11 Table 442). */
  DEVICE(0x00000002, "Device", 11, 0),
  /** Attestation (KMIP 1.2+; KMIP 2.1 §11.11 Table 442). */
  ATTESTATION(0x00000003, "Attestation", 12, 0),
  /** One Time Password (KMIP 2.0+; KMIP 2.1 §11.11 Table 442). */
  ONE_TIME_PASSWORD(0x00000004, "OneTimePassword", 20, 0),
  /** Hashed Password (KMIP 2.0+; KMIP 2.1 §11.11 Table 442). */
  HASHED_PASSWORD(0x00000005, "HashedPassword", 20, 0),
  /** Ticket (KMIP 2.0+; KMIP 2.1 §11.11 Table 442). */
  TICKET(0x00000006, "Ticket", 20, 0);

  static final EnumerationIndex<CredentialType> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  CredentialType(int value, String xmlName, int since, int until) {
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
  public static @Nullable CredentialType byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable CredentialType byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
