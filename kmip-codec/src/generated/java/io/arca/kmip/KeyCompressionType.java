// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Key Compression Type enumeration (KMIP 2.1 §11.24 Table 459). Extension values (0x8xxxxxxx)
 * have no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum KeyCompressionType implements KmipEnumeration {
  /** EC Public Key Type Uncompressed (KMIP 1.0+; KMIP 2.1 §11.24 Table 459). */
  EC_PUBLIC_KEY_TYPE_UNCOMPRESSED(0x00000001, "ECPublicKeyTypeUncompressed", 10, 0),
  /** EC Public Key Type X9.62 Compressed Prime (KMIP 1.0+; KMIP 2.1 §11.24 Table 459). */
  EC_PUBLIC_KEY_TYPE_X9_62_COMPRESSED_PRIME(
      0x00000002,
      "ECPublicKeyTypeX9_62CompressedPrime",
      10,
      0),
  /** EC Public Key Type X9.62 Compressed Char2 (KMIP 1.0+; KMIP 2.1 §11.24 Table 459). */
  EC_PUBLIC_KEY_TYPE_X9_62_COMPRESSED_CHAR2(
      0x00000003,
      "ECPublicKeyTypeX9_62CompressedChar2",
      10,
      0),
  /** EC Public Key Type X9.62 Hybrid (KMIP 1.0+; KMIP 2.1 §11.24 Table 459). */
  EC_PUBLIC_KEY_TYPE_X9_62_HYBRID(0x00000004, "ECPublicKeyTypeX9_62Hybrid", 10, 0);

  static final EnumerationIndex<KeyCompressionType> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  KeyCompressionType(int value, String xmlName, int since, int until) {
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
  public static @Nullable KeyCompressionType byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable KeyCompressionType byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
