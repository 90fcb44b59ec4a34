package io.arca.kmip.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Turns vocabulary.tsv into the Java sources under {@code src/generated/java/io/arca/kmip}: {@code
 * Tag}, one enum per enumeration and per mask, and {@code Enumerations}. Its {@code main} rewrites
 * the files (argument: the kmip-codec module folder, default the working directory);
 * VocabularyIsUpToDateTest calls {@link #generate} and compares.
 *
 * <p>Constant names are the TSV's code names: UPPER_SNAKE of the spec name; the one spec name that
 * starts with a digit ("3DES") is written as the XML encoding writes it (DES3), which keeps the
 * letter first without inventing a prefix. Tag and ItemType are not generated as enumerations: Tag
 * is generated as the tag table and ItemType is hand-written (its table is checked here instead).
 */
public final class VocabularyGenerator {
  static final String TSV = "src/main/resources/io/arca/kmip/vocabulary.tsv";

  /**
   * Arca's own vendor tags and extension operations, kept by hand in the TSV's columns (the
   * extractor rewrites vocabulary.tsv from the specifications, so they cannot live there).
   */
  static final String EXTENSIONS_TSV = "src/main/resources/io/arca/kmip/arca-extensions.tsv";

  static final String OUT = "src/generated/java/io/arca/kmip";
  static final String GENERATED =
      "@javax.annotation.processing.Generated(\"io.arca.kmip.tools.VocabularyGenerator\")";
  static final String HEADER =
      """
      // Generated from src/main/resources/io/arca/kmip/vocabulary.tsv by
      // io.arca.kmip.tools.VocabularyGenerator. Do not edit: change the TSV (or the
      // extractor in tools/kmip-spec-extract) and run the generator.
      """;

  private VocabularyGenerator() {}

  /** One TSV row. */
  record Row(
      String kind,
      String enumeration,
      String codeName,
      String specName,
      String xmlName,
      int value,
      List<String> itemTypes,
      String valuesOf,
      String since,
      String until,
      List<String> aliases,
      String source) {

    static Row parse(String line) {
      String[] c = line.split("\t", -1);
      if (c.length != 12) {
        throw new IllegalArgumentException("vocabulary row with " + c.length + " cells: " + line);
      }
      return new Row(
          c[0],
          c[1],
          c[2],
          c[3],
          c[4],
          (int) Long.parseLong(c[5].substring(2), 16),
          c[6].isEmpty() ? List.of() : List.of(c[6].split(",")),
          c[7],
          c[8],
          c[9],
          c[10].isEmpty() ? List.of() : List.of(c[10].split(",")),
          c[11]);
    }

    /** The Javadoc of a constant (spec name, versions, source), wrapped to 100 columns. */
    String doc() {
      String versions = until.isEmpty() ? "KMIP " + since + "+" : "KMIP " + since + " to " + until;
      String first = source.contains("; ") ? source.substring(0, source.indexOf("; ")) : source;
      String text = specName.replace("*/", "* /") + " (" + versions + "; " + first + ").";
      if (text.length() + 9 <= 100) {
        return "  /** " + text + " */\n";
      }
      StringBuilder out = new StringBuilder("  /**\n");
      StringBuilder line = new StringBuilder("   *");
      for (String word : text.split(" ", -1)) {
        if (line.length() + 1 + word.length() > 100) {
          out.append(line).append('\n');
          line = new StringBuilder("   *");
        }
        line.append(' ').append(word);
      }
      return out.append(line).append("\n   */\n").toString();
    }
  }

  public static void main(String[] args) throws IOException {
    Path module = Path.of(args.length > 0 ? args[0] : ".");
    Map<String, String> files = generate(readTsv(module));
    Path out = module.resolve(OUT);
    Files.createDirectories(out);
    try (Stream<Path> old = Files.list(out)) {
      for (Path p : old.toList()) {
        if (!files.containsKey(p.getFileName().toString())) {
          Files.delete(p);
        }
      }
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(out.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Reads the checked-in TSV of a module folder, with the rows of the extensions TSV (whose three
   * header lines repeat the main one's) appended.
   */
  public static List<String> readTsv(Path module) {
    try {
      List<String> lines =
          new ArrayList<>(Files.readAllLines(module.resolve(TSV), StandardCharsets.UTF_8));
      List<String> extensions =
          Files.readAllLines(module.resolve(EXTENSIONS_TSV), StandardCharsets.UTF_8);
      lines.addAll(extensions.subList(3, extensions.size()));
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** File name to content of every generated source, in a stable order. */
  public static Map<String, String> generate(List<String> tsv) {
    List<Row> tags = new ArrayList<>();
    Map<String, List<Row>> enums = new TreeMap<>();
    Map<String, Boolean> isMask = new TreeMap<>();
    for (String line : tsv.subList(3, tsv.size())) {
      if (line.isBlank()) {
        continue;
      }
      Row r = Row.parse(line);
      if (r.kind.equals("tag")) {
        tags.add(r);
      } else {
        enums.computeIfAbsent(r.enumeration, k -> new ArrayList<>()).add(r);
        isMask.put(r.enumeration, r.kind.equals("mask"));
      }
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put("Tag.java", TagSource.of(tags));
    for (Map.Entry<String, List<Row>> e : enums.entrySet()) {
      if (e.getKey().equals("ItemType")) {
        checkItemTypes(e.getValue());
        continue;
      }
      files.put(
          e.getKey() + ".java",
          EnumSource.of(e.getKey(), e.getValue().get(0).kind().equals("mask"), e.getValue(), tags));
    }
    files.put("Enumerations.java", EnumerationsSource.of(tags, isMask));
    return files;
  }

  /** The hand-written ItemType must agree with the spec's Item Type enumeration. */
  private static void checkItemTypes(List<Row> rows) {
    for (Row r : rows) {
      io.arca.kmip.ItemType t = io.arca.kmip.ItemType.byCode(r.value);
      if (t == null || !t.xmlName().equals(r.xmlName)) {
        throw new IllegalStateException(
            "ItemType disagrees with the spec: " + r.xmlName + " = " + r.value);
      }
    }
  }

  /** Appends a constant with its arguments, wrapped the way google-java-format would. */
  static void constant(StringBuilder out, String name, List<String> args, boolean last) {
    String end = last ? ";\n" : ",\n";
    String flat = "  " + name + "(" + String.join(", ", args) + ")";
    if (flat.length() + 1 <= 100) {
      out.append(flat).append(end);
      return;
    }
    out.append("  ").append(name).append("(\n");
    for (int i = 0; i < args.size(); i++) {
      out.append("      ").append(args.get(i)).append(i < args.size() - 1 ? ",\n" : ")" + end);
    }
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String hex(int v) {
    return String.format("0x%08X", v);
  }

  static int versionCode(String v) {
    return v.isEmpty() ? 0 : Integer.parseInt(v.replace(".", ""));
  }

  static String javaType(String xmlType) {
    return "ItemType."
        + xmlType.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
  }

  static List<String> list(String... s) {
    return new ArrayList<>(Arrays.asList(s));
  }
}
