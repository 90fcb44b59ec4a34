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
  UNSPECIFIED(0x00000001, "Unspecified", 13, 0),
  /** Server Pre-Generated (KMIP 1.3+; KMIP 2.1 §11.10 Client Registration Method Enumeration). */
  SERVER_PRE_GENERATED(0x00000002, "ServerPreGenerated", 13, 0),
  /** Server On-Demand (KMIP 1.3+; KMIP 2.1 §11.10 Client Registration Method Enumeration). */
  SERVER_ON_DEMAND(0x00000003, "ServerOnDemand", 13, 0),
  /** Client Generated (KMIP 1.3+; KMIP 2.1 §11.10 Client Registration Method Enumeration). */
  CLIENT_GENERATED(0x00000004, "ClientGenerated", 13, 0),
  /** Client Registered (KMIP 1.3+; KMIP 2.1 §11.10 Client Registration Method Enumeration). */
  CLIENT_REGISTERED(0x00000005, "ClientRegistered", 13, 0);

  static final EnumerationIndex<ClientRegistrationMethod> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  ClientRegistrationMethod(int value, String xmlName, int since, int until) {
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
  public static @Nullable ClientRegistrationMethod byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable ClientRegistrationMethod byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
