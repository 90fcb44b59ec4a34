// Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
// io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
// extractor in tools/kmip-spec-extract) and run the generator.
package io.arca.kmip;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Processing Stage enumeration (KMIP 2.1 §11.40 Table 472). Extension values (0x8xxxxxxx) have
 * no constant: the wire keeps the raw number.
 */
@javax.annotation.processing.Generated("io.arca.kmip.tools.VocabularyGenerator")
public enum ProcessingStage implements KmipEnumeration {
  /** Submitted (KMIP 2.1+; KMIP 2.1 §11.40 Table 472). */
  SUBMITTED(0x00000001, "Submitted"),
  /** In Process (KMIP 2.1+; KMIP 2.1 §11.40 Table 472). */
  IN_PROCESS(0x00000002, "InProcess"),
  /** Completed (KMIP 2.1+; KMIP 2.1 §11.40 Table 472). */
  COMPLETED(0x00000003, "Completed");

  static final EnumerationIndex<ProcessingStage> INDEX =
      new EnumerationIndex<>(List.of(values()), Map.of());

  private final int value;
  private final String xmlName;

  ProcessingStage(int value, String xmlName) {
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
  public static @Nullable ProcessingStage byValue(int value) {
    return INDEX.byValue(value);
  }

  /** The constant with this XML name (or an older spelling of it), or null. */
  public static @Nullable ProcessingStage byXmlName(String name) {
    return INDEX.byXmlName(name);
  }
}
