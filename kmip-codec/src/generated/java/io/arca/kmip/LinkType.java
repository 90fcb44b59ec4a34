// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Link Type enumeration (KMIP 2.1 §11.28 Table 465). Extension values (0x8xxxxxxx) have no
 * constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum LinkType implements KmipEnumeration {
  /** Certificate Link (KMIP 1.0+; KMIP 2.1 §11.28 Table 465). */
  CERTIFICATE_LINK(0x00000101, "CertificateLink", 10, 0),
  /** Public Key Link (KMIP 1.0+; KMIP 2.1 §11.28 Table 465). */
  PUBLIC_KEY_LINK(0x00000102, "PublicKeyLink", 10, 0),
  /** Private Key Link (KMIP 1.0+; KMIP 2.1 §11.28 Table 465). */
  PRIVATE_KEY_LINK(0x00000103, "PrivateKeyLink", 10, 0),
  /** Derivation Base Object Link (KMIP 1.0+; KMIP 2.1 §11.28 Table 465). */
  DERIVATION_BASE_OBJECT_LINK(0x00000104, "DerivationBaseObjectLink", 10, 0),
  /** Derived Key Link (KMIP 1.0+; KMIP 2.1 §11.28 Table 465). */
  DERIVED_KEY_LINK(0x00000105, "DerivedKeyLink", 10, 0),
  /** Replacement Object Link (KMIP 1.0+; KMIP 2.1 §11.28 Table 465). */
  REPLACEMENT_OBJECT_LINK(0x00000106, "ReplacementObjectLink", 10, 0),
  /** Replaced Object Link (KMIP 1.0+; KMIP 2.1 §11.28 Table 465). */
  REPLACED_OBJECT_LINK(0x00000107, "ReplacedObjectLink", 10, 0),
  /** Parent Link (KMIP 1.2+; KMIP 2.1 §11.28 Table 465). */
  PARENT_LINK(0x00000108, "ParentLink", 12, 0),
  /** Child Link (KMIP 1.2+; KMIP 2.1 §11.28 Table 465). */
  CHILD_LINK(0x00000109, "ChildLink", 12, 0),
  /** Previous Link (KMIP 1.2+; KMIP 2.1 §11.28 Table 465). */
  PREVIOUS_LINK(0x0000010A, "PreviousLink", 12, 0),
  /** Next Link (KMIP 1.2+; KMIP 2.1 §11.28 Table 465). */
  NEXT_LINK(0x0000010B, "NextLink", 12, 0),
  /** PKCS#12 Certificate Link (KMIP 1.4+; KMIP 2.1 §11.28 Table 465). */
  PKCS_12_CERTIFICATE_LINK(0x0000010C, "PKCS_12CertificateLink", 14, 0),
  /** PKCS#12 Password Link (KMIP 1.4+; KMIP 2.1 §11.28 Table 465). */
  PKCS_12_PASSWORD_LINK(0x0000010D, "PKCS_12PasswordLink", 14, 0),
  /** Wrapping Key Link (KMIP 2.0+; KMIP 2.1 §11.28 Table 465). */
  WRAPPING_KEY_LINK(0x0000010E, "WrappingKeyLink", 20, 0);

  static final EnumerationIndex<LinkType> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  LinkType(int value, String xmlName, int since, int until) {
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
  public static @Nullable LinkType byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable LinkType byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
