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
  BDK(0x00000001, "BDK"),
  /** CVK (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  CVK(0x00000002, "CVK"),
  /** DEK (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  DEK(0x00000003, "DEK"),
  /** MKAC (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MKAC(0x00000004, "MKAC"),
  /** MKSMC (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MKSMC(0x00000005, "MKSMC"),
  /** MKSMI (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MKSMI(0x00000006, "MKSMI"),
  /** MKDAC (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MKDAC(0x00000007, "MKDAC"),
  /** MKDN (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MKDN(0x00000008, "MKDN"),
  /** MKCP (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MKCP(0x00000009, "MKCP"),
  /** MKOTH (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MKOTH(0x0000000A, "MKOTH"),
  /** KEK (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  KEK(0x0000000B, "KEK"),
  /** MAC16609 (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MAC16609(0x0000000C, "MAC16609"),
  /** MAC97971 (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MAC97971(0x0000000D, "MAC97971"),
  /** MAC97972 (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MAC97972(0x0000000E, "MAC97972"),
  /** MAC97973 (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MAC97973(0x0000000F, "MAC97973"),
  /** MAC97974 (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MAC97974(0x00000010, "MAC97974"),
  /** MAC97975 (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  MAC97975(0x00000011, "MAC97975"),
  /** ZPK (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  ZPK(0x00000012, "ZPK"),
  /** PVKIBM (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  PVKIBM(0x00000013, "PVKIBM"),
  /** PVKPVV (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  PVKPVV(0x00000014, "PVKPVV"),
  /** PVKOTH (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  PVKOTH(0x00000015, "PVKOTH"),
  /** DUKPT (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  DUKPT(0x00000016, "DUKPT"),
  /** IV (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  IV(0x00000017, "IV"),
  /** TRKBK (KMIP 1.0+; KMIP 2.1 §11.26 Table 462). */
  TRKBK(0x00000018, "TRKBK");

  static final EnumerationIndex<KeyRoleType> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;

  KeyRoleType(int value, String xmlName) {
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
  public static @Nullable KeyRoleType byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable KeyRoleType byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
