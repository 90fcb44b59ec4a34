// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Derivation Method enumeration (KMIP 2.1 §11.14 Table 446). Extension values (0x8xxxxxxx) have
 * no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum DerivationMethod implements KmipEnumeration {
  /** PBKDF2 (KMIP 1.0+; KMIP 2.1 §11.14 Table 446). */
  PBKDF2(0x00000001, "PBKDF2", 10, 0),
  /** HASH (KMIP 1.0+; KMIP 2.1 §11.14 Table 446). */
  HASH(0x00000002, "HASH", 10, 0),
  /** HMAC (KMIP 1.0+; KMIP 2.1 §11.14 Table 446). */
  HMAC(0x00000003, "HMAC", 10, 0),
  /** ENCRYPT (KMIP 1.0+; KMIP 2.1 §11.14 Table 446). */
  ENCRYPT(0x00000004, "ENCRYPT", 10, 0),
  /** NIST800-108-C (KMIP 1.0+; KMIP 2.1 §11.14 Table 446). */
  NIST800_108_C(0x00000005, "NIST800_108_C", 10, 0),
  /** NIST800-108-F (KMIP 1.0+; KMIP 2.1 §11.14 Table 446). */
  NIST800_108_F(0x00000006, "NIST800_108_F", 10, 0),
  /** NIST800-108-DPI (KMIP 1.0+; KMIP 2.1 §11.14 Table 446). */
  NIST800_108_DPI(0x00000007, "NIST800_108_DPI", 10, 0),
  /** Asymmetric Key (KMIP 1.4+; KMIP 2.1 §11.14 Table 446). */
  ASYMMETRIC_KEY(0x00000008, "AsymmetricKey", 14, 0),
  /** AWS Signature Version 4 (KMIP 2.0+; KMIP 2.1 §11.14 Table 446). */
  AWS_SIGNATURE_VERSION_4(0x00000009, "AWSSignatureVersion4", 20, 0),
  /** HKDF (KMIP 2.0+; KMIP 2.1 §11.14 Table 446). */
  HKDF(0x0000000A, "HKDF", 20, 0);

  static final EnumerationIndex<DerivationMethod> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  DerivationMethod(int value, String xmlName, int since, int until) {
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
  public static @Nullable DerivationMethod byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable DerivationMethod byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
