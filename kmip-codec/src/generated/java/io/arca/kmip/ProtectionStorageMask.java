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
  SOFTWARE(0x00000001, "Software", 20, 0),
  /** Hardware (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  HARDWARE(0x00000002, "Hardware", 20, 0),
  /** On Processor (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  ON_PROCESSOR(0x00000004, "OnProcessor", 20, 0),
  /** On System (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  ON_SYSTEM(0x00000008, "OnSystem", 20, 0),
  /** Off System (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  OFF_SYSTEM(0x00000010, "OffSystem", 20, 0),
  /** Hypervisor (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  HYPERVISOR(0x00000020, "Hypervisor", 20, 0),
  /** Operating System (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  OPERATING_SYSTEM(0x00000040, "OperatingSystem", 20, 0),
  /** Container (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  CONTAINER(0x00000080, "Container", 20, 0),
  /** On Premises (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  ON_PREMISES(0x00000100, "OnPremises", 20, 0),
  /** Off Premises (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  OFF_PREMISES(0x00000200, "OffPremises", 20, 0),
  /** Self Managed (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  SELF_MANAGED(0x00000400, "SelfManaged", 20, 0),
  /** Outsourced (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  OUTSOURCED(0x00000800, "Outsourced", 20, 0),
  /** Validated (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  VALIDATED(0x00001000, "Validated", 20, 0),
  /** Same Jurisdiction (KMIP 2.0+; KMIP 2.1 §12.2 Table 497). */
  SAME_JURISDICTION(0x00002000, "SameJurisdiction", 20, 0);

  static final EnumerationIndex<ProtectionStorageMask> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  ProtectionStorageMask(int value, String xmlName, int since, int until) {
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
  public static @Nullable ProtectionStorageMask byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable ProtectionStorageMask byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
