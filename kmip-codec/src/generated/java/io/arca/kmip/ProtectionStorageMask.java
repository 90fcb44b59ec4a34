// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Protection Storage Mask bit mask (KMIP 2.1 §12.2 Table 497). Each constant's value is its
 * bit; a value on the wire is an Integer holding the OR of bits.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum ProtectionStorageMask implements KmipEnumeration {
  /** Software (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  SOFTWARE(0x00000001, "Software"),
  /** Hardware (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  HARDWARE(0x00000002, "Hardware"),
  /** On Processor (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  ON_PROCESSOR(0x00000004, "OnProcessor"),
  /** On System (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  ON_SYSTEM(0x00000008, "OnSystem"),
  /** Off System (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  OFF_SYSTEM(0x00000010, "OffSystem"),
  /** Hypervisor (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  HYPERVISOR(0x00000020, "Hypervisor"),
  /** Operating System (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  OPERATING_SYSTEM(0x00000040, "OperatingSystem"),
  /** Container (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  CONTAINER(0x00000080, "Container"),
  /** On Premises (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  ON_PREMISES(0x00000100, "OnPremises"),
  /** Off Premises (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  OFF_PREMISES(0x00000200, "OffPremises"),
  /** Self Managed (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  SELF_MANAGED(0x00000400, "SelfManaged"),
  /** Outsourced (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  OUTSOURCED(0x00000800, "Outsourced"),
  /** Validated (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  VALIDATED(0x00001000, "Validated"),
  /** Same Jurisdiction (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  SAME_JURISDICTION(0x00002000, "SameJurisdiction");

  static final EnumerationIndex<ProtectionStorageMask> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;

  ProtectionStorageMask(int value, String xmlName) {
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
  public static @Nullable ProtectionStorageMask byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable ProtectionStorageMask byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
