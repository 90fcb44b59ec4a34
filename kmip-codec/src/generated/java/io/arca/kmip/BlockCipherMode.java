// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Block Cipher Mode enumeration (KMIP 2.1 §11.6 Table 436). Extension values (0x8xxxxxxx) have
 * no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum BlockCipherMode implements KmipEnumeration {
  /** CBC (KMIP 1.0+; KMIP 2.1 §11.6 Table 436). */
  CBC(0x00000001, "CBC", 10, 0),
  /** ECB (KMIP 1.0+; KMIP 2.1 §11.6 Table 436). */
  ECB(0x00000002, "ECB", 10, 0),
  /** PCBC (KMIP 1.0+; KMIP 2.1 §11.6 Table 436). */
  PCBC(0x00000003, "PCBC", 10, 0),
  /** CFB (KMIP 1.0+; KMIP 2.1 §11.6 Table 436). */
  CFB(0x00000004, "CFB", 10, 0),
  /** OFB (KMIP 1.0+; KMIP 2.1 §11.6 Table 436). */
  OFB(0x00000005, "OFB", 10, 0),
  /** CTR (KMIP 1.0+; KMIP 2.1 §11.6 Table 436). */
  CTR(0x00000006, "CTR", 10, 0),
  /** CMAC (KMIP 1.0+; KMIP 2.1 §11.6 Table 436). */
  CMAC(0x00000007, "CMAC", 10, 0),
  /** CCM (KMIP 1.0+; KMIP 2.1 §11.6 Table 436). */
  CCM(0x00000008, "CCM", 10, 0),
  /** GCM (KMIP 1.0+; KMIP 2.1 §11.6 Table 436). */
  GCM(0x00000009, "GCM", 10, 0),
  /** CBC-MAC (KMIP 1.0+; KMIP 2.1 §11.6 Table 436). */
  CBC_MAC(0x0000000A, "CBC_MAC", 10, 0),
  /** XTS (KMIP 1.0+; KMIP 2.1 §11.6 Table 436). */
  XTS(0x0000000B, "XTS", 10, 0),
  /** AESKeyWrapPadding (KMIP 1.0+; KMIP 2.1 §11.6 Table 436). */
  AESKEYWRAPPADDING(0x0000000C, "AESKeyWrapPadding", 10, 0),
  /** NISTKeyWrap (KMIP 1.0+; KMIP 2.1 §11.6 Table 436). */
  NISTKEYWRAP(0x0000000D, "NISTKeyWrap", 10, 0),
  /** X9.102 AESKW (KMIP 1.0+; KMIP 2.1 §11.6 Table 436). */
  X9_102_AESKW(0x0000000E, "X9_102AESKW", 10, 0),
  /** X9.102 TDKW (KMIP 1.0+; KMIP 2.1 §11.6 Table 436). */
  X9_102_TDKW(0x0000000F, "X9_102TDKW", 10, 0),
  /** X9.102 AKW1 (KMIP 1.0+; KMIP 2.1 §11.6 Table 436). */
  X9_102_AKW1(0x00000010, "X9_102AKW1", 10, 0),
  /** X9.102 AKW2 (KMIP 1.0+; KMIP 2.1 §11.6 Table 436). */
  X9_102_AKW2(0x00000011, "X9_102AKW2", 10, 0),
  /** AEAD (KMIP 1.4+; KMIP 2.1 §11.6 Table 436). */
  AEAD(0x00000012, "AEAD", 14, 0);

  static final EnumerationIndex<BlockCipherMode> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  BlockCipherMode(int value, String xmlName, int since, int until) {
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
  public static @Nullable BlockCipherMode byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable BlockCipherMode byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
