// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Hashing Algorithm enumeration (KMIP 2.1 §11.21 Table 454). Extension values (0x8xxxxxxx) have
 * no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum HashingAlgorithm implements KmipEnumeration {
  /** MD2 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  MD2(0x00000001, "MD2"),
  /** MD4 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  MD4(0x00000002, "MD4"),
  /** MD5 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  MD5(0x00000003, "MD5"),
  /** SHA-1 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  SHA_1(0x00000004, "SHA_1"),
  /** SHA-224 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  SHA_224(0x00000005, "SHA_224"),
  /** SHA-256 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  SHA_256(0x00000006, "SHA_256"),
  /** SHA-384 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  SHA_384(0x00000007, "SHA_384"),
  /** SHA-512 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  SHA_512(0x00000008, "SHA_512"),
  /** RIPEMD-160 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  RIPEMD_160(0x00000009, "RIPEMD_160"),
  /** Tiger (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  TIGER(0x0000000A, "Tiger"),
  /** Whirlpool (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  WHIRLPOOL(0x0000000B, "Whirlpool"),
  /** SHA-512/224 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  SHA_512_224(0x0000000C, "SHA_512_224"),
  /** SHA-512/256 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  SHA_512_256(0x0000000D, "SHA_512_256"),
  /** SHA3-224 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  SHA3_224(0x0000000E, "SHA3_224"),
  /** SHA3-256 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  SHA3_256(0x0000000F, "SHA3_256"),
  /** SHA3-384 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  SHA3_384(0x00000010, "SHA3_384"),
  /** SHA3-512 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  SHA3_512(0x00000011, "SHA3_512");

  static final EnumerationIndex<HashingAlgorithm> INDEX =
      new EnumerationIndex<>(
          List.of(values()),
          // Older spellings of renamed values, so that files written for them still read.
          Map.ofEntries(
              Map.entry("SHA_3_224", SHA3_224),
              Map.entry("SHA_3_256", SHA3_256),
              Map.entry("SHA_3_384", SHA3_384),
              Map.entry("SHA_3_512", SHA3_512)));

  private final int value;
  private final String xmlName;

  HashingAlgorithm(int value, String xmlName) {
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
  public static @Nullable HashingAlgorithm byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable HashingAlgorithm byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
