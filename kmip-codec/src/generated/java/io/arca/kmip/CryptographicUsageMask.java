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
  SIGN(0x00000001, "Sign"),
  /** Verify (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  VERIFY(0x00000002, "Verify"),
  /** Encrypt (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  ENCRYPT(0x00000004, "Encrypt"),
  /** Decrypt (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  DECRYPT(0x00000008, "Decrypt"),
  /** Wrap Key (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  WRAP_KEY(0x00000010, "WrapKey"),
  /** Unwrap Key (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  UNWRAP_KEY(0x00000020, "UnwrapKey"),
  /** Export (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.3.1 Table 325). */
  EXPORT(0x00000040, "Export"),
  /** MAC Generate (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  MAC_GENERATE(0x00000080, "MACGenerate"),
  /** MAC Verify (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  MAC_VERIFY(0x00000100, "MACVerify"),
  /** Derive Key (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  DERIVE_KEY(0x00000200, "DeriveKey"),
  /** Content Commitment (Non Repudiation) (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.3.1 Table 325). */
  CONTENT_COMMITMENT_NON_REPUDIATION(0x00000400, "ContentCommitmentNonRepudiation"),
  /** Key Agreement (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  KEY_AGREEMENT(0x00000800, "KeyAgreement"),
  /** Certificate Sign (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  CERTIFICATE_SIGN(0x00001000, "CertificateSign"),
  /** CRL Sign (KMIP 1.0+; KMIP 2.1 §12.1 Table 496). */
  CRL_SIGN(0x00002000, "CRLSign"),
  /** Generate Cryptogram (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.3.1 Table 325). */
  GENERATE_CRYPTOGRAM(0x00004000, "GenerateCryptogram"),
  /** Validate Cryptogram (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.3.1 Table 325). */
  VALIDATE_CRYPTOGRAM(0x00008000, "ValidateCryptogram"),
  /** Translate Encrypt (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.3.1 Table 325). */
  TRANSLATE_ENCRYPT(0x00010000, "TranslateEncrypt"),
  /** Translate Decrypt (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.3.1 Table 325). */
  TRANSLATE_DECRYPT(0x00020000, "TranslateDecrypt"),
  /** Translate Wrap (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.3.1 Table 325). */
  TRANSLATE_WRAP(0x00040000, "TranslateWrap"),
  /** Translate Unwrap (KMIP 1.0 to 1.4; KMIP 1.4 §9.1.3.3.1 Table 325). */
  TRANSLATE_UNWRAP(0x00080000, "TranslateUnwrap"),
  /** Authenticate (KMIP 2.0+; KMIP 2.1 §12.1 Table 496). */
  AUTHENTICATE(0x00100000, "Authenticate"),
  /** Unrestricted (KMIP 2.0+; KMIP 2.1 §12.1 Table 496). */
  UNRESTRICTED(0x00200000, "Unrestricted"),
  /** FPE Encrypt (KMIP 2.0+; KMIP 2.1 §12.1 Table 496). */
  FPE_ENCRYPT(0x00400000, "FPEEncrypt"),
  /** FPE Decrypt (KMIP 2.0+; KMIP 2.1 §12.1 Table 496). */
  FPE_DECRYPT(0x00800000, "FPEDecrypt");

  static final EnumerationIndex<CryptographicUsageMask> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;

  CryptographicUsageMask(int value, String xmlName) {
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
  public static @Nullable CryptographicUsageMask byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable CryptographicUsageMask byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
