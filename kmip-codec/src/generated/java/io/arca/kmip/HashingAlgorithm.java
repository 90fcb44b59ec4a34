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
  MD2(0x00000001, "MD2", 10, 0),
  /** MD4 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  MD4(0x00000002, "MD4", 10, 0),
  /** MD5 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  MD5(0x00000003, "MD5", 10, 0),
  /** SHA-1 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  SHA_1(0x00000004, "SHA_1", 10, 0),
  /** SHA-224 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  SHA_224(0x00000005, "SHA_224", 10, 0),
  /** SHA-256 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  SHA_256(0x00000006, "SHA_256", 10, 0),
  /** SHA-384 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  SHA_384(0x00000007, "SHA_384", 10, 0),
  /** SHA-512 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  SHA_512(0x00000008, "SHA_512", 10, 0),
  /** RIPEMD-160 (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  RIPEMD_160(0x00000009, "RIPEMD_160", 10, 0),
  /** Tiger (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  TIGER(0x0000000A, "Tiger", 10, 0),
  /** Whirlpool (KMIP 1.0+; KMIP 2.1 §11.21 Table 454). */
  WHIRLPOOL(0x0000000B, "Whirlpool", 10, 0),
  /** SHA-512/224 (KMIP 1.2+; KMIP 2.1 §11.21 Table 454). */
  SHA_512_224(0x0000000C, "SHA_512_224", 12, 0),
  /** SHA-512/256 (KMIP 1.2+; KMIP 2.1 §11.21 Table 454). */
  SHA_512_256(0x0000000D, "SHA_512_256", 12, 0),
  /** SHA3-224 (KMIP 1.4+; KMIP 2.1 §11.21 Table 454). */
  SHA3_224(0x0000000E, "SHA3_224", 14, 0),
  /** SHA3-256 (KMIP 1.4+; KMIP 2.1 §11.21 Table 454). */
  SHA3_256(0x0000000F, "SHA3_256", 14, 0),
  /** SHA3-384 (KMIP 1.4+; KMIP 2.1 §11.21 Table 454). */
  SHA3_384(0x00000010, "SHA3_384", 14, 0),
  /** SHA3-512 (KMIP 1.4+; KMIP 2.1 §11.21 Table 454). */
  SHA3_512(0x00000011, "SHA3_512", 14, 0);

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
  private final int since;
  private final int until;

  HashingAlgorithm(int value, String xmlName, int since, int until) {
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
  public static @Nullable HashingAlgorithm byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable HashingAlgorithm byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
