// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Key Format Type enumeration (KMIP 2.1 §11.25 Table 461). Extension values (0x8xxxxxxx) have
 * no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum KeyFormatType implements KmipEnumeration {
  /** Raw (KMIP 1.0+; KMIP 2.1 §11.25 Table 461). */
  RAW(0x00000001, "Raw", 10, 0),
  /** Opaque (KMIP 1.0+; KMIP 2.1 §11.25 Table 461). */
  OPAQUE(0x00000002, "Opaque", 10, 0),
  /** PKCS#1 (KMIP 1.0+; KMIP 2.1 §11.25 Table 461). */
  PKCS_1(0x00000003, "PKCS_1", 10, 0),
  /** PKCS#8 (KMIP 1.0+; KMIP 2.1 §11.25 Table 461). */
  PKCS_8(0x00000004, "PKCS_8", 10, 0),
  /** X.509 (KMIP 1.0+; KMIP 2.1 §11.25 Table 461). */
  X_509(0x00000005, "X_509", 10, 0),
  /** ECPrivateKey (KMIP 1.0+; KMIP 2.1 §11.25 Table 461). */
  ECPRIVATEKEY(0x00000006, "ECPrivateKey", 10, 0),
  /** Transparent Symmetric Key (KMIP 1.0+; KMIP 2.1 §11.25 Table 461). */
  TRANSPARENT_SYMMETRIC_KEY(0x00000007, "TransparentSymmetricKey", 10, 0),
  /** Transparent DSA Private Key (KMIP 1.0+; KMIP 2.1 §11.25 Table 461). */
  TRANSPARENT_DSA_PRIVATE_KEY(0x00000008, "TransparentDSAPrivateKey", 10, 0),
  /** Transparent DSA Public Key (KMIP 1.0+; KMIP 2.1 §11.25 Table 461). */
  TRANSPARENT_DSA_PUBLIC_KEY(0x00000009, "TransparentDSAPublicKey", 10, 0),
  /** Transparent RSA Private Key (KMIP 1.0+; KMIP 2.1 §11.25 Table 461). */
  TRANSPARENT_RSA_PRIVATE_KEY(0x0000000A, "TransparentRSAPrivateKey", 10, 0),
  /** Transparent RSA Public Key (KMIP 1.0+; KMIP 2.1 §11.25 Table 461). */
  TRANSPARENT_RSA_PUBLIC_KEY(0x0000000B, "TransparentRSAPublicKey", 10, 0),
  /** Transparent DH Private Key (KMIP 1.0+; KMIP 2.1 §11.25 Table 461). */
  TRANSPARENT_DH_PRIVATE_KEY(0x0000000C, "TransparentDHPrivateKey", 10, 0),
  /** Transparent DH Public Key (KMIP 1.0+; KMIP 2.1 §11.25 Table 461). */
  TRANSPARENT_DH_PUBLIC_KEY(0x0000000D, "TransparentDHPublicKey", 10, 0),
  /** Transparent ECDSA Private Key (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.2.3 Table 291). */
  TRANSPARENT_ECDSA_PRIVATE_KEY(0x0000000E, "TransparentECDSAPrivateKey", 10, 14),
  /** Transparent ECDSA Public Key (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.2.3 Table 291). */
  TRANSPARENT_ECDSA_PUBLIC_KEY(0x0000000F, "TransparentECDSAPublicKey", 10, 14),
  /** Transparent ECDH Private Key (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.2.3 Table 291). */
  TRANSPARENT_ECDH_PRIVATE_KEY(0x00000010, "TransparentECDHPrivateKey", 10, 14),
  /** Transparent ECDH Public Key (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.2.3 Table 291). */
  TRANSPARENT_ECDH_PUBLIC_KEY(0x00000011, "TransparentECDHPublicKey", 10, 14),
  /** Transparent ECMQV Private Key (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.2.3 Table 291). */
  TRANSPARENT_ECMQV_PRIVATE_KEY(0x00000012, "TransparentECMQVPrivateKey", 10, 14),
  /** Transparent ECMQV Public Key (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.2.3 Table 291). */
  TRANSPARENT_ECMQV_PUBLIC_KEY(0x00000013, "TransparentECMQVPublicKey", 10, 14),
  /** Transparent EC Private Key (KMIP 1.3+; KMIP 2.1 §11.25 Table 461). */
  TRANSPARENT_EC_PRIVATE_KEY(0x00000014, "TransparentECPrivateKey", 13, 0),
  /** Transparent EC Public Key (KMIP 1.3+; KMIP 2.1 §11.25 Table 461). */
  TRANSPARENT_EC_PUBLIC_KEY(0x00000015, "TransparentECPublicKey", 13, 0),
  /** PKCS#12 (KMIP 1.4+; KMIP 2.1 §11.25 Table 461). */
  PKCS_12(0x00000016, "PKCS_12", 14, 0),
  /** PKCS#10 (KMIP 2.0+; KMIP 2.1 §11.25 Table 461). */
  PKCS_10(0x00000017, "PKCS_10", 20, 0);

  static final EnumerationIndex<KeyFormatType> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  KeyFormatType(int value, String xmlName, int since, int until) {
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
  public static @Nullable KeyFormatType byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable KeyFormatType byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
