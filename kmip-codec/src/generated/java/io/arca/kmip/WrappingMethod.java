// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Wrapping Method enumeration (KMIP 2.1 §11.62 Table 494). Extension values (0x8xxxxxxx) have
 * no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum WrappingMethod implements KmipEnumeration {
  /** Encrypt (KMIP 1.0+; KMIP 2.1 §11.62 Table 494). */
  ENCRYPT(0x00000001, "Encrypt"),
  /** MAC/sign (KMIP 1.0+; KMIP 2.1 §11.62 Table 494). */
  MAC_SIGN(0x00000002, "MACSign"),
  /** Encrypt then MAC/sign (KMIP 1.0+; KMIP 2.1 §11.62 Table 494). */
  ENCRYPT_THEN_MAC_SIGN(0x00000003, "EncryptThenMACSign"),
  /** MAC/sign then encrypt (KMIP 1.0+; KMIP 2.1 §11.62 Table 494). */
  MAC_SIGN_THEN_ENCRYPT(0x00000004, "MACSignThenEncrypt"),
  /** TR-31 (KMIP 1.0+; KMIP 2.1 §11.62 Table 494). */
  TR_31(0x00000005, "TR_31");

  static final EnumerationIndex<WrappingMethod> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;

  WrappingMethod(int value, String xmlName) {
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
  public static @Nullable WrappingMethod byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable WrappingMethod byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
