// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Digital Signature Algorithm enumeration (KMIP 2.1 §11.16 Table 447). Extension values
 * (0x8xxxxxxx) have no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum DigitalSignatureAlgorithm implements KmipEnumeration {
  /** MD2 with RSA Encryption (KMIP 1.1+; KMIP 2.1 §11.16 Table 447). */
  MD2_WITH_RSA_ENCRYPTION(0x00000001, "MD2WithRSAEncryption", 11, 0),
  /** MD5 with RSA Encryption (KMIP 1.1+; KMIP 2.1 §11.16 Table 447). */
  MD5_WITH_RSA_ENCRYPTION(0x00000002, "MD5WithRSAEncryption", 11, 0),
  /** SHA-1 with RSA Encryption (KMIP 1.1+; KMIP 2.1 §11.16 Table 447). */
  SHA_1_WITH_RSA_ENCRYPTION(0x00000003, "SHA_1WithRSAEncryption", 11, 0),
  /** SHA-224 with RSA Encryption (KMIP 1.1+; KMIP 2.1 §11.16 Table 447). */
  SHA_224_WITH_RSA_ENCRYPTION(0x00000004, "SHA_224WithRSAEncryption", 11, 0),
  /** SHA-256 with RSA Encryption (KMIP 1.1+; KMIP 2.1 §11.16 Table 447). */
  SHA_256_WITH_RSA_ENCRYPTION(0x00000005, "SHA_256WithRSAEncryption", 11, 0),
  /** SHA-384 with RSA Encryption (KMIP 1.1+; KMIP 2.1 §11.16 Table 447). */
  SHA_384_WITH_RSA_ENCRYPTION(0x00000006, "SHA_384WithRSAEncryption", 11, 0),
  /** SHA-512 with RSA Encryption (KMIP 1.1+; KMIP 2.1 §11.16 Table 447). */
  SHA_512_WITH_RSA_ENCRYPTION(0x00000007, "SHA_512WithRSAEncryption", 11, 0),
  /** RSASSA-PSS (KMIP 1.1+; KMIP 2.1 §11.16 Table 447). */
  RSASSA_PSS(0x00000008, "RSASSA_PSS", 11, 0),
  /** DSA with SHA-1 (KMIP 1.1+; KMIP 2.1 §11.16 Table 447). */
  DSA_WITH_SHA_1(0x00000009, "DSAWithSHA_1", 11, 0),
  /** DSA with SHA224 (KMIP 1.1+; KMIP 2.1 §11.16 Table 447). */
  DSA_WITH_SHA224(0x0000000A, "DSAWithSHA224", 11, 0),
  /** DSA with SHA256 (KMIP 1.1+; KMIP 2.1 §11.16 Table 447). */
  DSA_WITH_SHA256(0x0000000B, "DSAWithSHA256", 11, 0),
  /** ECDSA with SHA-1 (KMIP 1.1+; KMIP 2.1 §11.16 Table 447). */
  ECDSA_WITH_SHA_1(0x0000000C, "ECDSAWithSHA_1", 11, 0),
  /** ECDSA with SHA224 (KMIP 1.1+; KMIP 2.1 §11.16 Table 447). */
  ECDSA_WITH_SHA224(0x0000000D, "ECDSAWithSHA224", 11, 0),
  /** ECDSA with SHA256 (KMIP 1.1+; KMIP 2.1 §11.16 Table 447). */
  ECDSA_WITH_SHA256(0x0000000E, "ECDSAWithSHA256", 11, 0),
  /** ECDSA with SHA384 (KMIP 1.1+; KMIP 2.1 §11.16 Table 447). */
  ECDSA_WITH_SHA384(0x0000000F, "ECDSAWithSHA384", 11, 0),
  /** ECDSA with SHA512 (KMIP 1.1+; KMIP 2.1 §11.16 Table 447). */
  ECDSA_WITH_SHA512(0x00000010, "ECDSAWithSHA512", 11, 0),
  /** SHA3-256 with RSA Encryption (KMIP 1.4+; KMIP 2.1 §11.16 Table 447). */
  SHA3_256_WITH_RSA_ENCRYPTION(0x00000011, "SHA3_256WithRSAEncryption", 14, 0),
  /** SHA3-384 with RSA Encryption (KMIP 1.4+; KMIP 2.1 §11.16 Table 447). */
  SHA3_384_WITH_RSA_ENCRYPTION(0x00000012, "SHA3_384WithRSAEncryption", 14, 0),
  /** SHA3-512 with RSA Encryption (KMIP 1.4+; KMIP 2.1 §11.16 Table 447). */
  SHA3_512_WITH_RSA_ENCRYPTION(0x00000013, "SHA3_512WithRSAEncryption", 14, 0);

  static final EnumerationIndex<DigitalSignatureAlgorithm> INDEX =
      new EnumerationIndex<>(
          List.of(values()),
          // Older spellings of renamed values, so that files written for them still read.
          Map.ofEntries(
              Map.entry("MD2WithRSAEncryptionPKCS_1V1_5", MD2_WITH_RSA_ENCRYPTION),
              Map.entry("MD5WithRSAEncryptionPKCS_1V1_5", MD5_WITH_RSA_ENCRYPTION),
              Map.entry("SHA_1WithRSAEncryptionPKCS_1V1_5", SHA_1_WITH_RSA_ENCRYPTION),
              Map.entry("SHA_224WithRSAEncryptionPKCS_1V1_5", SHA_224_WITH_RSA_ENCRYPTION),
              Map.entry("SHA_256WithRSAEncryptionPKCS_1V1_5", SHA_256_WITH_RSA_ENCRYPTION),
              Map.entry("SHA_384WithRSAEncryptionPKCS_1V1_5", SHA_384_WITH_RSA_ENCRYPTION),
              Map.entry("SHA_512WithRSAEncryptionPKCS_1V1_5", SHA_512_WITH_RSA_ENCRYPTION),
              Map.entry("RSASSA_PSSPKCS_1V2_1", RSASSA_PSS)));

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  DigitalSignatureAlgorithm(int value, String xmlName, int since, int until) {
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
  public static @Nullable DigitalSignatureAlgorithm byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable DigitalSignatureAlgorithm byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
