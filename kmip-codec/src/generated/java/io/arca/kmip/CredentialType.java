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
  USERNAME_AND_PASSWORD(0x00000001, "UsernameAndPassword"),
  /** Device (KMIP 1.0+; KMIP 2.1 §11.11 Table 442). */
  DEVICE(0x00000002, "Device"),
  /** Attestation (KMIP 1.0+; KMIP 2.1 §11.11 Table 442). */
  ATTESTATION(0x00000003, "Attestation"),
  /** One Time Password (KMIP 2.0+; KMIP 2.1 §11.11 Table 442). */
  ONE_TIME_PASSWORD(0x00000004, "OneTimePassword"),
  /** Hashed Password (KMIP 2.0+; KMIP 2.1 §11.11 Table 442). */
  HASHED_PASSWORD(0x00000005, "HashedPassword"),
  /** Ticket (KMIP 2.0+; KMIP 2.1 §11.11 Table 442). */
  TICKET(0x00000006, "Ticket");

  static final EnumerationIndex<CredentialType> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;

  CredentialType(int value, String xmlName) {
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
  public static @Nullable CredentialType byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable CredentialType byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
