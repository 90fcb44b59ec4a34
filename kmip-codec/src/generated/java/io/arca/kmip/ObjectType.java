// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Object Type enumeration (KMIP 2.1 §11.34 Table 468). Extension values (0x8xxxxxxx) have no
 * constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum ObjectType implements KmipEnumeration {
  /** Certificate (KMIP 1.0+; KMIP 2.1 §11.34 Table 468). */
  CERTIFICATE(0x00000001, "Certificate"),
  /** Symmetric Key (KMIP 1.0+; KMIP 2.1 §11.34 Table 468). */
  SYMMETRIC_KEY(0x00000002, "SymmetricKey"),
  /** Public Key (KMIP 1.0+; KMIP 2.1 §11.34 Table 468). */
  PUBLIC_KEY(0x00000003, "PublicKey"),
  /** Private Key (KMIP 1.0+; KMIP 2.1 §11.34 Table 468). */
  PRIVATE_KEY(0x00000004, "PrivateKey"),
  /** Split Key (KMIP 1.0+; KMIP 2.1 §11.34 Table 468). */
  SPLIT_KEY(0x00000005, "SplitKey"),
  /** Template (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.2.12 Table 300). */
  TEMPLATE(0x00000006, "Template"),
  /** Secret Data (KMIP 1.0+; KMIP 2.1 §11.34 Table 468). */
  SECRET_DATA(0x00000007, "SecretData"),
  /** Opaque Object (KMIP 1.0+; KMIP 2.1 §11.34 Table 468). */
  OPAQUE_OBJECT(0x00000008, "OpaqueObject"),
  /** PGP Key (KMIP 1.0+; KMIP 2.1 §11.34 Table 468). */
  PGP_KEY(0x00000009, "PGPKey"),
  /** Certificate Request (KMIP 2.0+; KMIP 2.1 §11.34 Table 468). */
  CERTIFICATE_REQUEST(0x0000000A, "CertificateRequest");

  static final EnumerationIndex<ObjectType> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;

  ObjectType(int value, String xmlName) {
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
  public static @Nullable ObjectType byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable ObjectType byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
