package io.arca.kmip.tools;

import io.arca.kmip.tools.VocabularyGenerator.Row;
import java.util.ArrayList;
import java.util.List;

/** Writes the source of one generated enumeration or mask enum. */
final class EnumSource {
  private EnumSource() {}

  static String of(String name, boolean mask, List<Row> rows, List<Row> tags) {
    String specName =
        tags.stream()
            .filter(t -> t.xmlName().equals(name))
            .map(Row::specName)
            .findFirst()
            .orElse(name);
    String section = rows.get(rows.size() - 1).source();
    if (section.contains("; ")) {
      section = section.substring(0, section.indexOf("; "));
    }
    boolean aliases = rows.stream().anyMatch(r -> !r.aliases().isEmpty());
    StringBuilder out = new StringBuilder(VocabularyGenerator.HEADER);
    out.append("package io.arca.kmip;\n\n");
    out.append("import java.util.List;\n");
    out.append("import java.util.Map;\n");
    out.append("import org.jspecify.annotations.Nullable;\n\n");
    String text =
        "The "
            + specName
            + (mask ? " bit mask" : " enumeration")
            + " ("
            + section
            + ")."
            + (mask
                ? " Each constant's value is its bit; a value on the wire is an Integer holding the"
                    + " OR of bits."
                : " Extension values (0x8xxxxxxx) have no constant: the wire keeps the raw"
                    + " number.");
    out.append("/**\n");
    StringBuilder line = new StringBuilder(" *");
    for (String word : text.split(" ", -1)) {
      if (line.length() + 1 + word.length() > 100) {
        out.append(line).append('\n');
        line = new StringBuilder(" *");
      }
      line.append(' ').append(word);
    }
    out.append(line).append("\n */\n");
    out.append(VocabularyGenerator.GENERATED).append('\n');
    out.append("public enum ").append(name).append(" implements KmipEnumeration {\n");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      out.append(r.doc());
      VocabularyGenerator.constant(
          out,
          r.codeName(),
          VocabularyGenerator.list(
              VocabularyGenerator.hex(r.value()),
              VocabularyGenerator.quote(r.xmlName()),
              Integer.toString(VocabularyGenerator.versionCode(r.since())),
              Integer.toString(VocabularyGenerator.versionCode(r.until()))),
          i == rows.size() - 1);
    }
    out.append("\n");
    out.append("  static final EnumerationIndex<").append(name).append("> INDEX =\n");
    if (!aliases) {
      out.append("      new EnumerationIndex<>(List.of(values()), Map.of());\n");
    } else {
      List<String> pairs = new ArrayList<>();
      for (Row r : rows) {
        for (String a : r.aliases()) {
          pairs.add(VocabularyGenerator.quote(a) + ", " + r.codeName());
        }
      }
      out.append("      new EnumerationIndex<>(\n");
      out.append("          List.of(values()),\n");
      out.append(
          "          // Older spellings of renamed values, so that files written for them still read.\n");
      out.append("          Map.ofEntries(\n");
      for (int i = 0; i < pairs.size(); i++) {
        out.append("              Map.entry(")
            .append(pairs.get(i))
            .append(")")
            .append(i < pairs.size() - 1 ? ",\n" : "));\n");
      }
    }
    out.append("\n  private final int value;\n");
    out.append("  private final String xmlName;\n");
    out.append("  private final int since;\n");
    out.append("  private final int until;\n\n");
    out.append("  ").append(name).append("(int value, String xmlName, int since, int until) {\n");
    out.append("    this.value = value;\n");
    out.append("    this.xmlName = xmlName;\n");
    out.append("    this.since = since;\n");
    out.append("    this.until = until;\n");
    out.append("  }\n\n");
    out.append("  @Override\n");
    out.append("  public int value() {\n");
    out.append("    return value;\n");
    out.append("  }\n\n");
    out.append("  @Override\n");
    out.append("  public String xmlName() {\n");
    out.append("    return xmlName;\n");
    out.append("  }\n\n");
    out.append("  /** The first version that defines this value. */\n");
    out.append("  @Override\n");
    out.append("  public ProtocolVersion since() {\n");
    out.append("    return ProtocolVersion.firstOfTableCode(since);\n");
    out.append("  }\n\n");
    out.append("  /** The last version that defines this value, or null when 2.1 still does. */\n");
    out.append("  @Override\n");
    out.append("  public @Nullable ProtocolVersion until() {\n");
    out.append("    return ProtocolVersion.ofTableCode(until);\n");
    out.append("  }\n\n");
    out.append("  /** The constant with this value, or null (extensions and unknown values). */\n");
    out.append("  public static @Nullable ").append(name).append(" byValue(int value) {\n");
    out.append("    return INDEX.byValue(value);\n");
    out.append("  }\n\n");
    out.append("  /** The constant with this XML name (or an older spelling of it), or null. */\n");
    out.append("  public static @Nullable ").append(name).append(" byXmlName(String name) {\n");
    out.append("    return INDEX.byXmlName(name);\n");
    out.append("  }\n");
    out.append("}\n");
    return out.toString();
  }
}
