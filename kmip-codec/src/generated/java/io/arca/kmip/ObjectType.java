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
  CERTIFICATE(0x00000001, "Certificate", 10, 0),
  /** Symmetric Key (KMIP 1.0+; KMIP 2.1 §11.34 Table 468). */
  SYMMETRIC_KEY(0x00000002, "SymmetricKey", 10, 0),
  /** Public Key (KMIP 1.0+; KMIP 2.1 §11.34 Table 468). */
  PUBLIC_KEY(0x00000003, "PublicKey", 10, 0),
  /** Private Key (KMIP 1.0+; KMIP 2.1 §11.34 Table 468). */
  PRIVATE_KEY(0x00000004, "PrivateKey", 10, 0),
  /** Split Key (KMIP 1.0+; KMIP 2.1 §11.34 Table 468). */
  SPLIT_KEY(0x00000005, "SplitKey", 10, 0),
  /** Template (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.2.12 Table 300). */
  TEMPLATE(0x00000006, "Template", 10, 14),
  /** Secret Data (KMIP 1.0+; KMIP 2.1 §11.34 Table 468). */
  SECRET_DATA(0x00000007, "SecretData", 10, 0),
  /** Opaque Object (KMIP 1.0+; KMIP 2.1 §11.34 Table 468). */
  OPAQUE_OBJECT(0x00000008, "OpaqueObject", 10, 0),
  /** PGP Key (KMIP 1.2+; KMIP 2.1 §11.34 Table 468). */
  PGP_KEY(0x00000009, "PGPKey", 12, 0),
  /** Certificate Request (KMIP 2.0+; KMIP 2.1 §11.34 Table 468). */
  CERTIFICATE_REQUEST(0x0000000A, "CertificateRequest", 20, 0);

  static final EnumerationIndex<ObjectType> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  ObjectType(int value, String xmlName, int since, int until) {
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
  public static @Nullable ObjectType byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable ObjectType byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
