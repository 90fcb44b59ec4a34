package io.arca.kmip.tools;

import io.arca.kmip.tools.VocabularyGenerator.Row;
import java.util.List;
import java.util.Map;

/** Writes the source of the generated {@code Enumerations} registry. */
final class EnumerationsSource {
  private EnumerationsSource() {}

  static String of(List<Row> tags, Map<String, Boolean> isMask) {
    StringBuilder out = new StringBuilder(VocabularyGenerator.HEADER);
    out.append(
        """
        package io.arca.kmip;

        import java.util.HashMap;
        import java.util.List;
        import java.util.Map;
        import org.jspecify.annotations.Nullable;

        /**
         * Every enumeration and mask of KMIP 1.0 to 2.1 as an {@link EnumerationType}, and which one the
         * values of each tag belong to (the same name for most tags; the spec's references otherwise,
         * e.g. Mask Generator Hashing Algorithm holds a Hashing Algorithm).
         */
        """);
    out.append(VocabularyGenerator.GENERATED).append('\n');
    out.append("public final class Enumerations {\n");
    out.append("  private static final List<EnumerationType> ALL =\n");
    out.append("      List.of(\n");
    for (Map.Entry<String, Boolean> e : isMask.entrySet()) {
      String n = e.getKey();
      String index =
          n.equals("ItemType")
              ? "new EnumerationIndex<>(List.of(ItemType.values()), Map.of())"
              : n + ".INDEX";
      out.append("          EnumerationType.of(")
          .append(VocabularyGenerator.quote(n))
          .append(", ")
          .append(e.getValue())
          .append(", ")
          .append(index)
          .append("),\n");
    }
    out.append("          EnumerationType.of(\"Tag\", false, ")
        .append("new EnumerationIndex<>(List.of(Tag.values()), Map.of())));\n\n");
    out.append("  private static final Map<String, EnumerationType> BY_NAME = new HashMap<>();\n");
    int max = tags.stream().mapToInt(Row::value).filter(v -> v >>> 16 == 0x42).max().orElseThrow();
    out.append("  private static final EnumerationType[] BY_TAG = new EnumerationType[")
        .append(String.format("0x%X", max - 0x420000 + 1))
        .append("];\n\n");
    out.append("  static {\n");
    out.append("    for (EnumerationType t : ALL) {\n");
    out.append("      BY_NAME.put(t.xmlName(), t);\n");
    out.append("    }\n");
    for (Row t : tags) {
      if (!t.valuesOf().isEmpty()) {
        out.append("    link(Tag.")
            .append(t.codeName())
            .append(", ")
            .append(VocabularyGenerator.quote(t.valuesOf()))
            .append(");\n");
      }
    }
    out.append("  }\n\n");
    out.append(
        """
          private Enumerations() {}

          private static void link(Tag tag, String enumeration) {
            EnumerationType type = BY_NAME.get(enumeration);
            if (type == null) {
              throw new IllegalStateException("no enumeration " + enumeration + " for " + tag);
            }
            BY_TAG[tag.code() - 0x420000] = type;
          }

          /** The enumeration or mask the values of this tag belong to, or null. */
          public static @Nullable EnumerationType forTag(int tag) {
            int i = tag - 0x420000;
            return i >= 0 && i < BY_TAG.length ? BY_TAG[i] : null;
          }

          /** The enumeration or mask with this XML name (e.g. CryptographicAlgorithm), or null. */
          public static @Nullable EnumerationType byName(String xmlName) {
            return BY_NAME.get(xmlName);
          }

          /** Every enumeration and mask, sorted by name, the tag enumeration last. */
          public static List<EnumerationType> all() {
            return ALL;
          }
        }
        """);
    return out.toString();
  }
}
