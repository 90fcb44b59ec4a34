// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Result Status enumeration (KMIP 2.1 §11.47 Table 480). Extension values (0x8xxxxxxx) have no
 * constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum ResultStatus implements KmipEnumeration {
  /** Success (KMIP 1.0+; KMIP 2.1 §11.47 Table 480). */
  SUCCESS(0x00000000, "Success", 10, 0),
  /** Operation Failed (KMIP 1.0+; KMIP 2.1 §11.47 Table 480). */
  OPERATION_FAILED(0x00000001, "OperationFailed", 10, 0),
  /** Operation Pending (KMIP 1.0+; KMIP 2.1 §11.47 Table 480). */
  OPERATION_PENDING(0x00000002, "OperationPending", 10, 0),
  /** Operation Undone (KMIP 1.0+; KMIP 2.1 §11.47 Table 480). */
  OPERATION_UNDONE(0x00000003, "OperationUndone", 10, 0);

  static final EnumerationIndex<ResultStatus> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;
  private final int since;
  private final int until;

  ResultStatus(int value, String xmlName, int since, int until) {
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
  public static @Nullable ResultStatus byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable ResultStatus byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
