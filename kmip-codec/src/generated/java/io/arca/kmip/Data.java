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
  DECRYPT(0x00000001, "Decrypt", 20, 0),
  /** Encrypt (KMIP 2.0+; KMIP 2.1 §11.13 Table 444). */
  ENCRYPT(0x00000002, "Encrypt", 20, 0),
  /** Hash (KMIP 2.0+; KMIP 2.1 §11.13 Table 444). */
  HASH(0x00000003, "Hash", 20, 0),
  /** MAC MAC Data (KMIP 2.0+; KMIP 2.1 §11.13 Table 444). */
  MAC_MAC_DATA(0x00000004, "MACMACData", 20, 0),
  /** RNG Retrieve (KMIP 2.0+; KMIP 2.1 §11.13 Table 444). */
  RNG_RETRIEVE(0x00000005, "RNGRetrieve", 20, 0),
  /** Sign Signature Data (KMIP 2.0+; KMIP 2.1 §11.13 Table 444). */
  SIGN_SIGNATURE_DATA(0x00000006, "SignSignatureData", 20, 0),
  /** Signature Verify (KMIP 2.0+; KMIP 2.1 §11.13 Table 444). */
  SIGNATURE_VERIFY(0x00000007, "SignatureVerify", 20, 0);

  static final EnumerationIndex<Data> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  Data(int value, String xmlName, int since, int until) {
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
  public static @Nullable Data byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable Data byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
