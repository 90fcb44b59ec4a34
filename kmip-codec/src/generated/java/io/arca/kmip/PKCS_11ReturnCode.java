// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The PKCS#11 Return Code enumeration (KMIP 2.1 §11.39 by reference: PKCS#11 CK_RV value).
 * Extension values (0x8xxxxxxx) have no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum PKCS_11ReturnCode implements KmipEnumeration {
  /** OK (KMIP 2.0+; KMIP 2.1 §11.39 by reference: PKCS#11 CK_RV value). */
  OK(0x00000000, "OK", 20, 0),
  /** CANCEL (KMIP 2.0+; KMIP 2.1 §11.39 by reference: PKCS#11 CK_RV value). */
  CANCEL(0x00000001, "CANCEL", 20, 0),
  /** HOST_MEMORY (KMIP 2.0+; KMIP 2.1 §11.39 by reference: PKCS#11 CK_RV value). */
  HOST_MEMORY(0x00000002, "HOST_MEMORY", 20, 0),
  /** SLOT_ID_INVALID (KMIP 2.0+; KMIP 2.1 §11.39 by reference: PKCS#11 CK_RV value). */
  SLOT_ID_INVALID(0x00000003, "SLOT_ID_INVALID", 20, 0),
  /** GENERAL_ERROR (KMIP 2.0+; KMIP 2.1 §11.39 by reference: PKCS#11 CK_RV value). */
  GENERAL_ERROR(0x00000005, "GENERAL_ERROR", 20, 0),
  /** FUNCTION_FAILED (KMIP 2.0+; KMIP 2.1 §11.39 by reference: PKCS#11 CK_RV value). */
  FUNCTION_FAILED(0x00000006, "FUNCTION_FAILED", 20, 0),
  /** ARGUMENTS_BAD (KMIP 2.0+; KMIP 2.1 §11.39 by reference: PKCS#11 CK_RV value). */
  ARGUMENTS_BAD(0x00000007, "ARGUMENTS_BAD", 20, 0),
  /** CRYPTOKI_NOT_INITIALIZED (KMIP 2.0+; KMIP 2.1 §11.39 by reference: PKCS#11 CK_RV value). */
  CRYPTOKI_NOT_INITIALIZED(0x00000190, "CRYPTOKI_NOT_INITIALIZED", 20, 0),
  /**
   * CRYPTOKI_ALREADY_INITIALIZED (KMIP 2.0+; KMIP 2.1 §11.39 by reference: PKCS#11 CK_RV value).
   */
  CRYPTOKI_ALREADY_INITIALIZED(0x00000191, "CRYPTOKI_ALREADY_INITIALIZED", 20, 0);

  static final EnumerationIndex<PKCS_11ReturnCode> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  PKCS_11ReturnCode(int value, String xmlName, int since, int until) {
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
  public static @Nullable PKCS_11ReturnCode byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable PKCS_11ReturnCode byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
