// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The State enumeration (KMIP 2.1 §11.55 Table 486). Extension values (0x8xxxxxxx) have no
 * constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum State implements KmipEnumeration {
  /** Pre-Active (KMIP 1.0+; KMIP 2.1 §11.55 Table 486). */
  PRE_ACTIVE(0x00000001, "PreActive", 10, 0),
  /** Active (KMIP 1.0+; KMIP 2.1 §11.55 Table 486). */
  ACTIVE(0x00000002, "Active", 10, 0),
  /** Deactivated (KMIP 1.0+; KMIP 2.1 §11.55 Table 486). */
  DEACTIVATED(0x00000003, "Deactivated", 10, 0),
  /** Compromised (KMIP 1.0+; KMIP 2.1 §11.55 Table 486). */
  COMPROMISED(0x00000004, "Compromised", 10, 0),
  /** Destroyed (KMIP 1.0+; KMIP 2.1 §11.55 Table 486). */
  DESTROYED(0x00000005, "Destroyed", 10, 0),
  /** Destroyed Compromised (KMIP 1.0+; KMIP 2.1 §11.55 Table 486). */
  DESTROYED_COMPROMISED(0x00000006, "DestroyedCompromised", 10, 0);

  static final EnumerationIndex<State> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  State(int value, String xmlName, int since, int until) {
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
  public static @Nullable State byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable State byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
