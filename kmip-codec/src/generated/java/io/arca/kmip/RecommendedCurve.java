// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Recommended Curve enumeration (KMIP 2.1 §11.45 Table 477). Extension values (0x8xxxxxxx) have
 * no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum RecommendedCurve implements KmipEnumeration {
  /** P-192 (KMIP 1.0+; KMIP 2.1 §11.45 Table 477). */
  P_192(0x00000001, "P_192", 10, 0),
  /** K-163 (KMIP 1.0+; KMIP 2.1 §11.45 Table 477). */
  K_163(0x00000002, "K_163", 10, 0),
  /** B-163 (KMIP 1.0+; KMIP 2.1 §11.45 Table 477). */
  B_163(0x00000003, "B_163", 10, 0),
  /** P-224 (KMIP 1.0+; KMIP 2.1 §11.45 Table 477). */
  P_224(0x00000004, "P_224", 10, 0),
  /** K-233 (KMIP 1.0+; KMIP 2.1 §11.45 Table 477). */
  K_233(0x00000005, "K_233", 10, 0),
  /** B-233 (KMIP 1.0+; KMIP 2.1 §11.45 Table 477). */
  B_233(0x00000006, "B_233", 10, 0),
  /** P-256 (KMIP 1.0+; KMIP 2.1 §11.45 Table 477). */
  P_256(0x00000007, "P_256", 10, 0),
  /** K-283 (KMIP 1.0+; KMIP 2.1 §11.45 Table 477). */
  K_283(0x00000008, "K_283", 10, 0),
  /** B-283 (KMIP 1.0+; KMIP 2.1 §11.45 Table 477). */
  B_283(0x00000009, "B_283", 10, 0),
  /** P-384 (KMIP 1.0+; KMIP 2.1 §11.45 Table 477). */
  P_384(0x0000000A, "P_384", 10, 0),
  /** K-409 (KMIP 1.0+; KMIP 2.1 §11.45 Table 477). */
  K_409(0x0000000B, "K_409", 10, 0),
  /** B-409 (KMIP 1.0+; KMIP 2.1 §11.45 Table 477). */
  B_409(0x0000000C, "B_409", 10, 0),
  /** P-521 (KMIP 1.0+; KMIP 2.1 §11.45 Table 477). */
  P_521(0x0000000D, "P_521", 10, 0),
  /** K-571 (KMIP 1.0+; KMIP 2.1 §11.45 Table 477). */
  K_571(0x0000000E, "K_571", 10, 0),
  /** B-571 (KMIP 1.0+; KMIP 2.1 §11.45 Table 477). */
  B_571(0x0000000F, "B_571", 10, 0),
  /** SECP112R1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  SECP112R1(0x00000010, "SECP112R1", 12, 0),
  /** SECP112R2 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  SECP112R2(0x00000011, "SECP112R2", 12, 0),
  /** SECP128R1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  SECP128R1(0x00000012, "SECP128R1", 12, 0),
  /** SECP128R2 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  SECP128R2(0x00000013, "SECP128R2", 12, 0),
  /** SECP160K1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  SECP160K1(0x00000014, "SECP160K1", 12, 0),
  /** SECP160R1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  SECP160R1(0x00000015, "SECP160R1", 12, 0),
  /** SECP160R2 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  SECP160R2(0x00000016, "SECP160R2", 12, 0),
  /** SECP192K1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  SECP192K1(0x00000017, "SECP192K1", 12, 0),
  /** SECP224K1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  SECP224K1(0x00000018, "SECP224K1", 12, 0),
  /** SECP256K1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  SECP256K1(0x00000019, "SECP256K1", 12, 0),
  /** SECT113R1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  SECT113R1(0x0000001A, "SECT113R1", 12, 0),
  /** SECT113R2 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  SECT113R2(0x0000001B, "SECT113R2", 12, 0),
  /** SECT131R1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  SECT131R1(0x0000001C, "SECT131R1", 12, 0),
  /** SECT131R2 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  SECT131R2(0x0000001D, "SECT131R2", 12, 0),
  /** SECT163R1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  SECT163R1(0x0000001E, "SECT163R1", 12, 0),
  /** SECT193R1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  SECT193R1(0x0000001F, "SECT193R1", 12, 0),
  /** SECT193R2 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  SECT193R2(0x00000020, "SECT193R2", 12, 0),
  /** SECT239K1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  SECT239K1(0x00000021, "SECT239K1", 12, 0),
  /** ANSIX9P192V2 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9P192V2(0x00000022, "ANSIX9P192V2", 12, 0),
  /** ANSIX9P192V3 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9P192V3(0x00000023, "ANSIX9P192V3", 12, 0),
  /** ANSIX9P239V1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9P239V1(0x00000024, "ANSIX9P239V1", 12, 0),
  /** ANSIX9P239V2 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9P239V2(0x00000025, "ANSIX9P239V2", 12, 0),
  /** ANSIX9P239V3 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9P239V3(0x00000026, "ANSIX9P239V3", 12, 0),
  /** ANSIX9C2PNB163V1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9C2PNB163V1(0x00000027, "ANSIX9C2PNB163V1", 12, 0),
  /** ANSIX9C2PNB163V2 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9C2PNB163V2(0x00000028, "ANSIX9C2PNB163V2", 12, 0),
  /** ANSIX9C2PNB163V3 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9C2PNB163V3(0x00000029, "ANSIX9C2PNB163V3", 12, 0),
  /** ANSIX9C2PNB176V1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9C2PNB176V1(0x0000002A, "ANSIX9C2PNB176V1", 12, 0),
  /** ANSIX9C2TNB191V1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9C2TNB191V1(0x0000002B, "ANSIX9C2TNB191V1", 12, 0),
  /** ANSIX9C2TNB191V2 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9C2TNB191V2(0x0000002C, "ANSIX9C2TNB191V2", 12, 0),
  /** ANSIX9C2TNB191V3 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9C2TNB191V3(0x0000002D, "ANSIX9C2TNB191V3", 12, 0),
  /** ANSIX9C2PNB208W1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9C2PNB208W1(0x0000002E, "ANSIX9C2PNB208W1", 12, 0),
  /** ANSIX9C2TNB239V1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9C2TNB239V1(0x0000002F, "ANSIX9C2TNB239V1", 12, 0),
  /** ANSIX9C2TNB239V2 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9C2TNB239V2(0x00000030, "ANSIX9C2TNB239V2", 12, 0),
  /** ANSIX9C2TNB239V3 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9C2TNB239V3(0x00000031, "ANSIX9C2TNB239V3", 12, 0),
  /** ANSIX9C2PNB272W1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9C2PNB272W1(0x00000032, "ANSIX9C2PNB272W1", 12, 0),
  /** ANSIX9C2PNB304W1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9C2PNB304W1(0x00000033, "ANSIX9C2PNB304W1", 12, 0),
  /** ANSIX9C2TNB359V1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9C2TNB359V1(0x00000034, "ANSIX9C2TNB359V1", 12, 0),
  /** ANSIX9C2PNB368W1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9C2PNB368W1(0x00000035, "ANSIX9C2PNB368W1", 12, 0),
  /** ANSIX9C2TNB431R1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  ANSIX9C2TNB431R1(0x00000036, "ANSIX9C2TNB431R1", 12, 0),
  /** BRAINPOOLP160R1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  BRAINPOOLP160R1(0x00000037, "BRAINPOOLP160R1", 12, 0),
  /** BRAINPOOLP160T1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  BRAINPOOLP160T1(0x00000038, "BRAINPOOLP160T1", 12, 0),
  /** BRAINPOOLP192R1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  BRAINPOOLP192R1(0x00000039, "BRAINPOOLP192R1", 12, 0),
  /** BRAINPOOLP192T1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  BRAINPOOLP192T1(0x0000003A, "BRAINPOOLP192T1", 12, 0),
  /** BRAINPOOLP224R1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  BRAINPOOLP224R1(0x0000003B, "BRAINPOOLP224R1", 12, 0),
  /** BRAINPOOLP224T1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  BRAINPOOLP224T1(0x0000003C, "BRAINPOOLP224T1", 12, 0),
  /** BRAINPOOLP256R1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  BRAINPOOLP256R1(0x0000003D, "BRAINPOOLP256R1", 12, 0),
  /** BRAINPOOLP256T1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  BRAINPOOLP256T1(0x0000003E, "BRAINPOOLP256T1", 12, 0),
  /** BRAINPOOLP320R1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  BRAINPOOLP320R1(0x0000003F, "BRAINPOOLP320R1", 12, 0),
  /** BRAINPOOLP320T1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  BRAINPOOLP320T1(0x00000040, "BRAINPOOLP320T1", 12, 0),
  /** BRAINPOOLP384R1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  BRAINPOOLP384R1(0x00000041, "BRAINPOOLP384R1", 12, 0),
  /** BRAINPOOLP384T1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  BRAINPOOLP384T1(0x00000042, "BRAINPOOLP384T1", 12, 0),
  /** BRAINPOOLP512R1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  BRAINPOOLP512R1(0x00000043, "BRAINPOOLP512R1", 12, 0),
  /** BRAINPOOLP512T1 (KMIP 1.2+; KMIP 2.1 §11.45 Table 477). */
  BRAINPOOLP512T1(0x00000044, "BRAINPOOLP512T1", 12, 0),
  /** CURVE25519 (KMIP 2.0+; KMIP 2.1 §11.45 Table 477). */
  CURVE25519(0x00000045, "CURVE25519", 20, 0),
  /** CURVE448 (KMIP 2.0+; KMIP 2.1 §11.45 Table 477). */
  CURVE448(0x00000046, "CURVE448", 20, 0);

  static final EnumerationIndex<RecommendedCurve> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  RecommendedCurve(int value, String xmlName, int since, int until) {
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
  public static @Nullable RecommendedCurve byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable RecommendedCurve byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
