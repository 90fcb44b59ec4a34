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
  PRIVATE_SIGNATURE_KEY(0x00000001, "PrivateSignatureKey"),
  /** Public signature verification key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PUBLIC_SIGNATURE_VERIFICATION_KEY(0x00000002, "PublicSignatureVerificationKey"),
  /** Symmetric authentication key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  SYMMETRIC_AUTHENTICATION_KEY(0x00000003, "SymmetricAuthenticationKey"),
  /** Private authentication key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PRIVATE_AUTHENTICATION_KEY(0x00000004, "PrivateAuthenticationKey"),
  /** Public authentication key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PUBLIC_AUTHENTICATION_KEY(0x00000005, "PublicAuthenticationKey"),
  /** Symmetric data encryption key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  SYMMETRIC_DATA_ENCRYPTION_KEY(0x00000006, "SymmetricDataEncryptionKey"),
  /** Symmetric key wrapping key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  SYMMETRIC_KEY_WRAPPING_KEY(0x00000007, "SymmetricKeyWrappingKey"),
  /**
   * Symmetric random number generation key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration).
   */
  SYMMETRIC_RANDOM_NUMBER_GENERATION_KEY(0x00000008, "SymmetricRandomNumberGenerationKey"),
  /** Symmetric master key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  SYMMETRIC_MASTER_KEY(0x00000009, "SymmetricMasterKey"),
  /** Private key transport key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PRIVATE_KEY_TRANSPORT_KEY(0x0000000A, "PrivateKeyTransportKey"),
  /** Public key transport key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PUBLIC_KEY_TRANSPORT_KEY(0x0000000B, "PublicKeyTransportKey"),
  /** Symmetric key agreement key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  SYMMETRIC_KEY_AGREEMENT_KEY(0x0000000C, "SymmetricKeyAgreementKey"),
  /** Private static key agreement key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PRIVATE_STATIC_KEY_AGREEMENT_KEY(0x0000000D, "PrivateStaticKeyAgreementKey"),
  /** Public static key agreement key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PUBLIC_STATIC_KEY_AGREEMENT_KEY(0x0000000E, "PublicStaticKeyAgreementKey"),
  /** Private ephemeral key agreement key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PRIVATE_EPHEMERAL_KEY_AGREEMENT_KEY(0x0000000F, "PrivateEphemeralKeyAgreementKey"),
  /** Public ephemeral key agreement key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PUBLIC_EPHEMERAL_KEY_AGREEMENT_KEY(0x00000010, "PublicEphemeralKeyAgreementKey"),
  /** Symmetric authorization key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  SYMMETRIC_AUTHORIZATION_KEY(0x00000011, "SymmetricAuthorizationKey"),
  /** Private authorization key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PRIVATE_AUTHORIZATION_KEY(0x00000012, "PrivateAuthorizationKey"),
  /** Public authorization key (KMIP 2.0+; KMIP 2.1 §11.32 NIST Key Type Enumeration). */
  PUBLIC_AUTHORIZATION_KEY(0x00000013, "PublicAuthorizationKey");

  static final EnumerationIndex<NISTKeyType> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;

  NISTKeyType(int value, String xmlName) {
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
  public static @Nullable NISTKeyType byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable NISTKeyType byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
