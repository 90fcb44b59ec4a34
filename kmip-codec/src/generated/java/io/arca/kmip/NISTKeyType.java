// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The NIST Key Type enumeration (KMIP 2.1 §11.32 NIST Key Type Enumeration). Extension values
 * (0x8xxxxxxx) have no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum NISTKeyType implements KmipEnumeration {
  /** Private signature key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PRIVATE_SIGNATURE_KEY(0x00000001, "PrivateSignatureKey", 20, 0),
  /** Public signature verification key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PUBLIC_SIGNATURE_VERIFICATION_KEY(0x00000002, "PublicSignatureVerificationKey", 20, 0),
  /** Symmetric authentication key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  SYMMETRIC_AUTHENTICATION_KEY(0x00000003, "SymmetricAuthenticationKey", 20, 0),
  /** Private authentication key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PRIVATE_AUTHENTICATION_KEY(0x00000004, "PrivateAuthenticationKey", 20, 0),
  /** Public authentication key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PUBLIC_AUTHENTICATION_KEY(0x00000005, "PublicAuthenticationKey", 20, 0),
  /** Symmetric data encryption key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  SYMMETRIC_DATA_ENCRYPTION_KEY(0x00000006, "SymmetricDataEncryptionKey", 20, 0),
  /** Symmetric key wrapping key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  SYMMETRIC_KEY_WRAPPING_KEY(0x00000007, "SymmetricKeyWrappingKey", 20, 0),
  /**
   * Symmetric random number generation key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration).
   */
  SYMMETRIC_RANDOM_NUMBER_GENERATION_KEY(0x00000008, "SymmetricRandomNumberGenerationKey", 20, 0),
  /** Symmetric master key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  SYMMETRIC_MASTER_KEY(0x00000009, "SymmetricMasterKey", 20, 0),
  /** Private key transport key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PRIVATE_KEY_TRANSPORT_KEY(0x0000000A, "PrivateKeyTransportKey", 20, 0),
  /** Public key transport key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PUBLIC_KEY_TRANSPORT_KEY(0x0000000B, "PublicKeyTransportKey", 20, 0),
  /** Symmetric key agreement key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  SYMMETRIC_KEY_AGREEMENT_KEY(0x0000000C, "SymmetricKeyAgreementKey", 20, 0),
  /** Private static key agreement key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PRIVATE_STATIC_KEY_AGREEMENT_KEY(0x0000000D, "PrivateStaticKeyAgreementKey", 20, 0),
  /** Public static key agreement key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PUBLIC_STATIC_KEY_AGREEMENT_KEY(0x0000000E, "PublicStaticKeyAgreementKey", 20, 0),
  /** Private ephemeral key agreement key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PRIVATE_EPHEMERAL_KEY_AGREEMENT_KEY(0x0000000F, "PrivateEphemeralKeyAgreementKey", 20, 0),
  /** Public ephemeral key agreement key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PUBLIC_EPHEMERAL_KEY_AGREEMENT_KEY(0x00000010, "PublicEphemeralKeyAgreementKey", 20, 0),
  /** Symmetric authorization key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  SYMMETRIC_AUTHORIZATION_KEY(0x00000011, "SymmetricAuthorizationKey", 20, 0),
  /** Private authorization key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PRIVATE_AUTHORIZATION_KEY(0x00000012, "PrivateAuthorizationKey", 20, 0),
  /** Public authorization key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PUBLIC_AUTHORIZATION_KEY(0x00000013, "PublicAuthorizationKey", 20, 0);

  static final EnumerationIndex<NISTKeyType> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  NISTKeyType(int value, String xmlName, int since, int until) {
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
  public static @Nullable NISTKeyType byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable NISTKeyType byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
