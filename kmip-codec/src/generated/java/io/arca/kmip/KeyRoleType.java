// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Key Role Type enumeration (KMIP 2.1 §11.26 Table 462). Extension values (0x8xxxxxxx) have no
 * constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum KeyRoleType implements KmipEnumeration {
  /** BDK (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  BDK(0x00000001, "BDK", 10, 0),
  /** CVK (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  CVK(0x00000002, "CVK", 10, 0),
  /** DEK (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  DEK(0x00000003, "DEK", 10, 0),
  /** MKAC (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MKAC(0x00000004, "MKAC", 10, 0),
  /** MKSMC (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MKSMC(0x00000005, "MKSMC", 10, 0),
  /** MKSMI (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MKSMI(0x00000006, "MKSMI", 10, 0),
  /** MKDAC (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MKDAC(0x00000007, "MKDAC", 10, 0),
  /** MKDN (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MKDN(0x00000008, "MKDN", 10, 0),
  /** MKCP (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MKCP(0x00000009, "MKCP", 10, 0),
  /** MKOTH (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MKOTH(0x0000000A, "MKOTH", 10, 0),
  /** KEK (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  KEK(0x0000000B, "KEK", 10, 0),
  /** MAC16609 (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MAC16609(0x0000000C, "MAC16609", 10, 0),
  /** MAC97971 (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MAC97971(0x0000000D, "MAC97971", 10, 0),
  /** MAC97972 (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MAC97972(0x0000000E, "MAC97972", 10, 0),
  /** MAC97973 (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MAC97973(0x0000000F, "MAC97973", 10, 0),
  /** MAC97974 (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MAC97974(0x00000010, "MAC97974", 10, 0),
  /** MAC97975 (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MAC97975(0x00000011, "MAC97975", 10, 0),
  /** ZPK (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  ZPK(0x00000012, "ZPK", 10, 0),
  /** PVKIBM (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  PVKIBM(0x00000013, "PVKIBM", 10, 0),
  /** PVKPVV (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  PVKPVV(0x00000014, "PVKPVV", 10, 0),
  /** PVKOTH (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  PVKOTH(0x00000015, "PVKOTH", 10, 0),
  /** DUKPT (KMIP 1.4+; KMIP 2.1 §11.26 Table 462). */
  DUKPT(0x00000016, "DUKPT", 14, 0),
  /** IV (KMIP 1.4+; KMIP 2.1 §11.26 Table 462). */
  IV(0x00000017, "IV", 14, 0),
  /** TRKBK (KMIP 1.4+; KMIP 2.1 §11.26 Table 462). */
  TRKBK(0x00000018, "TRKBK", 14, 0);

  static final EnumerationIndex<KeyRoleType> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  KeyRoleType(int value, String xmlName, int since, int until) {
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
  public static @Nullable KeyRoleType byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable KeyRoleType byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
