// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Data enumeration (KMIP 2.1 §11.13 Table 444). Extension values (0x8xxxxxxx) have no constant:
 * the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum Data implements KmipEnumeration {
  /** Decrypt (KMIP 2.0+; KMIP 2.1 §11.13 Table 444). */
  DECRYPT(0x00000001, "Decrypt"),
  /** Encrypt (KMIP 2.0+; KMIP 2.1 §11.13 Table 444). */
  ENCRYPT(0x00000002, "Encrypt"),
  /** Hash (KMIP 2.0+; KMIP 2.1 §11.13 Table 444). */
  HASH(0x00000003, "Hash"),
  /** MAC MAC Data (KMIP 2.0+; KMIP 2.1 §11.13 Table 444). */
  MAC_MAC_DATA(0x00000004, "MACMACData"),
  /** RNG Retrieve (KMIP 2.0+; KMIP 2.1 §11.13 Table 444). */
  RNG_RETRIEVE(0x00000005, "RNGRetrieve"),
  /** Sign Signature Data (KMIP 2.0+; KMIP 2.1 §11.13 Table 444). */
  SIGN_SIGNATURE_DATA(0x00000006, "SignSignatureData"),
  /** Signature Verify (KMIP 2.0+; KMIP 2.1 §11.13 Table 444). */
  SIGNATURE_VERIFY(0x00000007, "SignatureVerify");

  static final EnumerationIndex<Data> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;

  Data(int value, String xmlName) {
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
  public static @Nullable Data byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable Data byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
