// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Cryptographic Usage Mask bit mask (KMIP 2.1 §12.1 Table 496). Each constant's value is its
 * bit; a value on the wire is an Integer holding the OR of bits.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum CryptographicUsageMask implements KmipEnumeration {
  /** Sign (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  SIGN(0x00000001, "Sign", 10, 0),
  /** Verify (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  VERIFY(0x00000002, "Verify", 10, 0),
  /** Encrypt (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  ENCRYPT(0x00000004, "Encrypt", 10, 0),
  /** Decrypt (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  DECRYPT(0x00000008, "Decrypt", 10, 0),
  /** Wrap Key (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  WRAP_KEY(0x00000010, "WrapKey", 10, 0),
  /** Unwrap Key (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  UNWRAP_KEY(0x00000020, "UnwrapKey", 10, 0),
  /** Export (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.3.1 Table 325). */
  EXPORT(0x00000040, "Export", 10, 14),
  /** MAC Generate (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  MAC_GENERATE(0x00000080, "MACGenerate", 10, 0),
  /** MAC Verify (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  MAC_VERIFY(0x00000100, "MACVerify", 10, 0),
  /** Derive Key (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  DERIVE_KEY(0x00000200, "DeriveKey", 10, 0),
  /** Content Commitment (Non Repudiation) (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.3.1 Table 325). */
  CONTENT_COMMITMENT_NON_REPUDIATION(0x00000400, "ContentCommitmentNonRepudiation", 10, 14),
  /** Key Agreement (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  KEY_AGREEMENT(0x00000800, "KeyAgreement", 10, 0),
  /** Certificate Sign (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  CERTIFICATE_SIGN(0x00001000, "CertificateSign", 10, 0),
  /** CRL Sign (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  CRL_SIGN(0x00002000, "CRLSign", 10, 0),
  /** Generate Cryptogram (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.3.1 Table 325). */
  GENERATE_CRYPTOGRAM(0x00004000, "GenerateCryptogram", 10, 14),
  /** Validate Cryptogram (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.3.1 Table 325). */
  VALIDATE_CRYPTOGRAM(0x00008000, "ValidateCryptogram", 10, 14),
  /** Translate Encrypt (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.3.1 Table 325). */
  TRANSLATE_ENCRYPT(0x00010000, "TranslateEncrypt", 10, 14),
  /** Translate Decrypt (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.3.1 Table 325). */
  TRANSLATE_DECRYPT(0x00020000, "TranslateDecrypt", 10, 14),
  /** Translate Wrap (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.3.1 Table 325). */
  TRANSLATE_WRAP(0x00040000, "TranslateWrap", 10, 14),
  /** Translate Unwrap (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.3.1 Table 325). */
  TRANSLATE_UNWRAP(0x00080000, "TranslateUnwrap", 10, 14),
  /** Authenticate (KMIP 2.0+; KMIP 2.1 §12.1 Table 496). */
  AUTHENTICATE(0x00100000, "Authenticate", 20, 0),
  /** Unrestricted (KMIP 2.0+; KMIP 2.1 §12.1 Table 496). */
  UNRESTRICTED(0x00200000, "Unrestricted", 20, 0),
  /** FPE Encrypt (KMIP 2.0+; KMIP 2.1 §12.1 Table 496). */
  FPE_ENCRYPT(0x00400000, "FPEEncrypt", 20, 0),
  /** FPE Decrypt (KMIP 2.0+; KMIP 2.1 §12.1 Table 496). */
  FPE_DECRYPT(0x00800000, "FPEDecrypt", 20, 0);

  static final EnumerationIndex<CryptographicUsageMask> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  CryptographicUsageMask(int value, String xmlName, int since, int until) {
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
  public static @Nullable CryptographicUsageMask byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable CryptographicUsageMask byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
