// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Query Function enumeration (KMIP 2.1 §11.44 Table 476). Extension values (0x8xxxxxxx) have no
 * constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum QueryFunction implements KmipEnumeration {
  /** Query Operations (KMIP 1.0+; KMIP 2.1 §11.44 Table 476). */
  QUERY_OPERATIONS(0x00000001, "QueryOperations", 10, 0),
  /** Query Objects (KMIP 1.0+; KMIP 2.1 §11.44 Table 476). */
  QUERY_OBJECTS(0x00000002, "QueryObjects", 10, 0),
  /** Query Server Information (KMIP 1.0+; KMIP 2.1 §11.44 Table 476). */
  QUERY_SERVER_INFORMATION(0x00000003, "QueryServerInformation", 10, 0),
  /** Query Application Namespaces (KMIP 1.0+; KMIP 2.1 §11.44 Table 476). */
  QUERY_APPLICATION_NAMESPACES(0x00000004, "QueryApplicationNamespaces", 10, 0),
  /** Query Extension List (KMIP 1.1+; KMIP 2.1 §11.44 Table 476). */
  QUERY_EXTENSION_LIST(0x00000005, "QueryExtensionList", 11, 0),
  /** Query Extension Map (KMIP 1.1+; KMIP 2.1 §11.44 Table 476). */
  QUERY_EXTENSION_MAP(0x00000006, "QueryExtensionMap", 11, 0),
  /** Query Attestation Types (KMIP 1.2+; KMIP 2.1 §11.44 Table 476). */
  QUERY_ATTESTATION_TYPES(0x00000007, "QueryAttestationTypes", 12, 0),
  /** Query RNGs (KMIP 1.3+; KMIP 2.1 §11.44 Table 476). */
  QUERY_RNGS(0x00000008, "QueryRNGs", 13, 0),
  /** Query Validations (KMIP 1.3+; KMIP 2.1 §11.44 Table 476). */
  QUERY_VALIDATIONS(0x00000009, "QueryValidations", 13, 0),
  /** Query Profiles (KMIP 1.3+; KMIP 2.1 §11.44 Table 476). */
  QUERY_PROFILES(0x0000000A, "QueryProfiles", 13, 0),
  /** Query Capabilities (KMIP 1.3+; KMIP 2.1 §11.44 Table 476). */
  QUERY_CAPABILITIES(0x0000000B, "QueryCapabilities", 13, 0),
  /** Query Client Registration Methods (KMIP 1.3+; KMIP 2.1 §11.44 Table 476). */
  QUERY_CLIENT_REGISTRATION_METHODS(0x0000000C, "QueryClientRegistrationMethods", 13, 0),
  /** Query Defaults Information (KMIP 2.0+; KMIP 2.1 §11.44 Table 476). */
  QUERY_DEFAULTS_INFORMATION(0x0000000D, "QueryDefaultsInformation", 20, 0),
  /** Query Storage Protection Masks (KMIP 2.0+; KMIP 2.1 §11.44 Table 476). */
  QUERY_STORAGE_PROTECTION_MASKS(0x0000000E, "QueryStorageProtectionMasks", 20, 0);

  static final EnumerationIndex<QueryFunction> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  QueryFunction(int value, String xmlName, int since, int until) {
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
  public static @Nullable QueryFunction byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable QueryFunction byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
