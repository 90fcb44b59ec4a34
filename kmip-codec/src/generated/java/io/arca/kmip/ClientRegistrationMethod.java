// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Client Registration Method enumeration (KMIP 2.1 §11.10 Client Registration Method
 * Enumeration). Extension values (0x8xxxxxxx) have no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum ClientRegistrationMethod implements KmipEnumeration {
  /** Unspecified (KMIP 1.3+; KMIP 2.1 §11.10 Client Registration Method Enumeration). */
  UNSPECIFIED(0x00000001, "Unspecified"),
  /** Server Pre-Generated (KMIP 1.3+; KMIP 2.1 §11.10 Client Registration Method Enumeration). */
  SERVER_PRE_GENERATED(0x00000002, "ServerPreGenerated"),
  /** Server On-Demand (KMIP 1.3+; KMIP 2.1 §11.10 Client Registration Method Enumeration). */
  SERVER_ON_DEMAND(0x00000003, "ServerOnDemand"),
  /** Client Generated (KMIP 1.3+; KMIP 2.1 §11.10 Client Registration Method Enumeration). */
  CLIENT_GENERATED(0x00000004, "ClientGenerated"),
  /** Client Registered (KMIP 1.3+; KMIP 2.1 §11.10 Client Registration Method Enumeration). */
  CLIENT_REGISTERED(0x00000005, "ClientRegistered");

  static final EnumerationIndex<ClientRegistrationMethod> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;

  ClientRegistrationMethod(int value, String xmlName) {
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
  public static @Nullable ClientRegistrationMethod byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable ClientRegistrationMethod byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
