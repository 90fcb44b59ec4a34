/*
 * Licensed under the Apache License, Version 2.0.
 */

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the per-attribute rules tables ("SHALL always have a value", "Initially set by", ...) of
 * the KMIP 1.4 (§3.x), 2.0 and 2.1 (§4.x) specifications and writes Arca's attribute-rules.tsv:
 * one row per attribute tag and version, every cell a token, every row citing its section and
 * table. Run by hand, never by the build, after KmipSpecExtract (names resolve through the
 * vocabulary it wrote):
 *
 * <pre>java tools/kmip-spec-extract/AttributeRulesExtract.java /work/shared/kmip-spec \
 *     kmip-codec/src/main/resources/io/arca/kmip/vocabulary.tsv \
 *     kmip-codec/src/main/resources/io/arca/kmip/attribute/attribute-rules.tsv</pre>
 *
 * <p>A cell the normalisation below does not recognise stops the tool: nothing of the spec's
 * wording reaches the TSV. Conditions the tokens cannot express (a state, an object type, a part of
 * a structure) are not encoded; the row's {@code qualified} column names the columns whose cell
 * carried one, so a reader knows to look at the cited table.
 */
public final class AttributeRulesExtract {

  private static final String[] VERSIONS = {"1.4", "2.0", "2.1"};

  /** The rows of a rules table, in the spec's order, and the TSV column each one fills. */
  private static final String[][] LABELS = {
    {"shall always have a value", "always_has_value"},
    {"initially set by", "initially_set_by"},
    {"modifiable by server", "modifiable_by_server"},
    {"modifiable by client", "modifiable_by_client"},
    {"deletable by client", "deletable_by_client"},
    {"multiple instances permitted", "multiple_instances"},
    {"when implicitly set", "implicitly_set_on"},
    {"applies to object types", "applies_to"},
  };

  /**
   * "When implicitly set" cells that name an event rather than operations, and their tokens. Event
   * tokens are lower case so they never clash with Operation code names.
   */
  private static final String[][] EVENTS = {
    {"when object is created or registered", "creation"},
    {"when created or registered", "creation"},
    {"when object is rotated by the server", "rotation"},
    {"when object is rotated", "rotation"},
    {"when object is stored", "storage"},
    {"when sensitive attribute is set or changed", "change-of:SENSITIVE"},
    {"when never extractable attribute is set or changed", "change-of:NEVER_EXTRACTABLE"},
    {"during register operation", "REGISTER"},
    {"never", ""},
    {"n/a", ""},
  };

  /**
   * Object-type groups the "Applies to" cells use, as ObjectType code names. "Keys" is every type
   * whose name ends in Key; the cryptographic objects are read from KMIP 1.4 §2.2 (the subsections
   * that call themselves a Managed Cryptographic Object). A group marked true narrows its types in
   * a way the tokens do not express, so the row is qualified.
   */
  private static final Object[][] GROUPS = {
    {"asymmetric keys", List.of("PUBLIC_KEY", "PRIVATE_KEY"), false},
    {"x.509 certificates", List.of("CERTIFICATE"), true},
    {"split keys of symmetric keys", List.of("SPLIT_KEY"), true},
  };

  /** Sections with a rules table but no tag of their own (custom attributes are x-/y- names). */
  private static final Set<String> NO_TAG = Set.of("Custom Attribute");

  private static final Pattern BLOCKS =
      Pattern.compile(
          "<h([1-9])[^>]*>(.*?)</h\\1>|<table.*?</table>|<p[^>]*>(.*?)</p>",
          Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern ROW =
      Pattern.compile("<tr.*?</tr>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern CELL =
      Pattern.compile("<td.*?</td>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADING = Pattern.compile("^([0-9]+(?:\\.[0-9]+)*)\\s+(.*)$");
  private static final Pattern CAPTION = Pattern.compile("^(Table \\d+)\\s*:?.*");
  private static final Pattern CRYPTO_OBJECT =
      Pattern.compile("2\\.2\\.\\d+ ([A-Z][A-Za-z ]+?) An? Managed Cryptographic Object");

  /** One table with the numbered heading it sits under and its caption's "Table n". */
  record Table(String section, String title, String caption, List<List<String>> rows) {}

  /** What the vocabulary names: tag spec names, operation and object type code names. */
  record Vocabulary(
      Map<String, String[]> tags, Map<String, String> operations, Map<String, String> objectTypes) {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: AttributeRulesExtract <spec-folder> <vocabulary.tsv> <attribute-rules.tsv>");
    }
    Vocabulary vocabulary = vocabulary(Files.readAllLines(Path.of(args[1])));
    List<String> out = new ArrayList<>(header());
    List<String> cryptographic = new ArrayList<>();
    for (String v : VERSIONS) {
      String html =
          Files.readString(
              Path.of(args[0], "kmip-spec-v" + v + "-os.html"), Charset.forName("windows-1252"));
      if (v.equals("1.4")) {
        cryptographic = cryptographicObjects(html, vocabulary);
        System.out.println("1.4 §2.2 cryptographic objects: " + cryptographic);
      }
      List<String> rows = rules(v, tables(html), vocabulary, cryptographic);
      System.out.println(v + ": " + rows.size() + " attribute rows");
      out.addAll(rows);
    }
    Files.writeString(Path.of(args[2]), String.join("\n", out) + "\n", StandardCharsets.UTF_8);
  }

  static List<String> header() {
    return List.of(
        "# Generated by tools/kmip-spec-extract/AttributeRulesExtract.java from the attribute rules"
            + " tables of the KMIP 1.4 (§3), 2.0 and 2.1 (§4) specifications; do not edit by hand.",
        "# One row per attribute tag and spec version. code_name and tag are the Tag; yes/no"
            + " columns are the table's answer; initially_set_by is a set of client/server;"
            + " implicitly_set_on lists Operation code names and events (creation: created or"
            + " registered; rotation; storage; change-of:<TAG>), empty for never or not stated;"
            + " applies_to is all or ObjectType code names.",
        "# qualified names the columns whose spec cell adds a condition (state, object type, part"
            + " of a structure) that the token leaves out: read the cited table before relying on"
            + " it. Custom x-/y- attributes (1.4 §3.39) have no tag and no row.",
        "code_name\ttag\tversion\talways_has_value\tinitially_set_by\tmodifiable_by_server"
            + "\tmodifiable_by_client\tdeletable_by_client\tmultiple_instances\timplicitly_set_on"
            + "\tapplies_to\tqualified\tsource");
  }

  static Vocabulary vocabulary(List<String> tsv) {
    Map<String, String[]> tags = new TreeMap<>();
    Map<String, String> operations = new LinkedHashMap<>();
    Map<String, String> objectTypes = new LinkedHashMap<>();
    for (String line : tsv) {
      String[] c = line.split("\t", -1);
      if (line.startsWith("#") || c.length < 12 || c[0].equals("kind")) {
        continue;
      }
      if (c[0].equals("tag")) {
        String[] codeAndHex = {c[2], c[5]};
        tags.put(key(c[3]), codeAndHex);
        tags.put(key(c[4]), codeAndHex);
        for (String alias : c[10].split(",")) {
          if (!alias.isEmpty()) {
            tags.put(key(alias), codeAndHex);
          }
        }
      } else if (c[1].equals("Operation")) {
        operations.put(c[3].toLowerCase(Locale.ROOT), c[2]);
      } else if (c[1].equals("ObjectType")) {
        objectTypes.put(c[3].toLowerCase(Locale.ROOT), c[2]);
      }
    }
    return new Vocabulary(tags, operations, objectTypes);
  }

  /** A name reduced to lower-case letters and digits, so "X.509 ..." meets "X_509...". */
  static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  static List<String> cryptographicObjects(String html, Vocabulary vocabulary) {
    List<String> out = new ArrayList<>();
    Matcher m = CRYPTO_OBJECT.matcher(text(html));
    while (m.find()) {
      out.add(objectType(m.group(1), vocabulary));
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("1.4 §2.2: no Managed Cryptographic Object found");
    }
    return out;
  }

  /** The TSV rows of one version. */
  static List<String> rules(
      String version, List<Table> tables, Vocabulary vocabulary, List<String> cryptographic) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < tables.size(); i++) {
      Table t = tables.get(i);
      Map<String, String> cells = rulesCells(t);
      if (cells == null) {
        continue;
      }
      if (!t.section.contains(".")) {
        continue; // the chapter's own table explains the rows; it has no answers
      }
      if (NO_TAG.contains(t.title)) {
        System.out.println(version + " §" + t.section + " " + t.title + ": no tag, skipped");
        continue;
      }
      // 2.0 §4.27's rules table has a broken caption; the section alone then locates it.
      String where = t.caption.isEmpty() ? "(rules table without a caption)" : t.caption;
      String source = "KMIP " + version + " §" + t.section + " " + where;
      List<String[]> tags = tagsOf(t, i > 0 ? tables.get(i - 1) : null, vocabulary, source);
      Set<String> qualified = new LinkedHashSet<>();
      List<String> values = new ArrayList<>();
      for (String[] label : LABELS) {
        String cell = cells.get(label[0]);
        String token =
            switch (label[1]) {
              case "initially_set_by" -> parties(cell, label[1], qualified, source);
              case "implicitly_set_on" -> operations(cell, vocabulary, source);
              case "applies_to" ->
                  objectTypes(cell, vocabulary, cryptographic, label[1], qualified, source);
              default -> yesNo(cell, label[1], qualified, source);
            };
        values.add(token);
      }
      for (String[] tag : tags) {
        if (!seen.add(tag[0])) {
          throw new IllegalStateException(version + ": two rules tables for " + tag[0]);
        }
        List<String> row = new ArrayList<>(List.of(tag[0], tag[1], version));
        row.addAll(values);
        row.add(String.join(",", qualified));
        row.add(source);
        out.add(String.join("\t", row));
      }
    }
    return out;
  }

  /**
   * The answers of a rules table by lower-case label, or null for any other table. Some tables
   * (1.4 §3.40, 2.1 §4.26 ...) leave out "When implicitly set"; the answer is then empty, as for
   * "Never".
   */
  static Map<String, String> rulesCells(Table t) {
    Map<String, String> cells = new LinkedHashMap<>();
    int row = 0;
    for (String[] label : LABELS) {
      List<String> r = row < t.rows.size() ? t.rows.get(row) : List.of();
      if (r.size() == 2 && r.get(0).toLowerCase(Locale.ROOT).equals(label[0])) {
        cells.put(label[0], r.get(1));
        row++;
      } else if (label[1].equals("implicitly_set_on") && !cells.isEmpty()) {
        cells.put(label[0], "");
      } else {
        return null;
      }
    }
    return row == t.rows.size() ? cells : null;
  }

  /**
   * The tags a rules table governs: the section's own attribute, or, for a section that groups
   * several attributes (2.x §4.6 Certificate Attributes), every item of the table before it.
   */
  static List<String[]> tagsOf(Table t, Table previous, Vocabulary vocabulary, String source) {
    String[] own = vocabulary.tags.get(key(t.title));
    if (own != null) {
      return List.<String[]>of(own);
    }
    List<String[]> out = new ArrayList<>();
    if (previous != null && previous.section.equals(t.section) && t.title.endsWith("Attributes")) {
      for (List<String> r : previous.rows.subList(1, previous.rows.size())) {
        String[] tag = vocabulary.tags.get(key(r.get(0)));
        if (tag == null) {
          throw new IllegalStateException(source + ": no tag named " + r.get(0));
        }
        out.add(tag);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException(source + ": no tag for section " + t.title);
    }
    return out;
  }

  static String yesNo(String cell, String column, Set<String> qualified, String source) {
    String c = cell.toLowerCase(Locale.ROOT);
    String token = c.startsWith("yes") ? "yes" : c.startsWith("no") ? "no" : null;
    if (token == null) {
      throw new IllegalStateException(source + " " + column + ": neither yes nor no");
    }
    // "No, but only by the server ..." still answers no without a condition on the client.
    if (!c.equals(token) && !(token.equals("no") && column.equals("modifiable_by_client"))) {
      qualified.add(column);
    }
    return token;
  }

  static String parties(String cell, String column, Set<String> qualified, String source) {
    String bare = cell.replaceAll("\\([^)]*\\)", " ").toLowerCase(Locale.ROOT);
    if (!bare.replaceAll("\\s+", " ").trim().equals(cell.toLowerCase(Locale.ROOT).trim())) {
      qualified.add(column);
    }
    Set<String> parties = new java.util.TreeSet<>();
    for (String word : bare.trim().split("\\s+")) {
      switch (word) {
        case "client", "server" -> parties.add(word);
        case "or" -> {}
        default -> throw new IllegalStateException(source + " " + column + ": unknown " + word);
      }
    }
    return String.join(",", parties);
  }

  /** Operation code names (the longest spec name at each point) or an event token. */
  static String operations(String cell, Vocabulary vocabulary, String source) {
    String c = cell.toLowerCase(Locale.ROOT).trim();
    if (c.isEmpty()) {
      return "";
    }
    for (String[] e : EVENTS) {
      if (c.equals(e[0])) {
        return e[1];
      }
    }
    Set<String> out = new java.util.TreeSet<>();
    String rest = c;
    while (!(rest = rest.replaceFirst("^[\\s,]+", "")).isEmpty()) {
      String best = null;
      for (String name : vocabulary.operations.keySet()) {
        if (!rest.startsWith(name)) {
          continue;
        }
        boolean boundary =
            rest.length() == name.length() || !Character.isLetter(rest.charAt(name.length()));
        if (boundary && (best == null || name.length() > best.length())) {
          best = name;
        }
      }
      if (best == null) {
        throw new IllegalStateException(source + " implicitly_set_on: unknown operation in " + c);
      }
      out.add(vocabulary.operations.get(best));
      rest = rest.substring(best.length());
    }
    return String.join(",", out);
  }

  static String objectTypes(
      String cell,
      Vocabulary vocabulary,
      List<String> cryptographic,
      String column,
      Set<String> qualified,
      String source) {
    String c = cell.toLowerCase(Locale.ROOT).trim();
    if (c.equals("all objects")) {
      return "all";
    }
    Set<String> types = new LinkedHashSet<>();
    for (String part : c.split("\\s*,\\s*")) {
      types.addAll(group(part, vocabulary, cryptographic, column, qualified, source));
    }
    // The vocabulary's order (by value), not the spec's wording order.
    List<String> ordered = new ArrayList<>(vocabulary.objectTypes.values());
    ordered.retainAll(types);
    return String.join(",", ordered);
  }

  private static List<String> group(
      String part,
      Vocabulary vocabulary,
      List<String> cryptographic,
      String column,
      Set<String> qualified,
      String source) {
    for (Object[] g : GROUPS) {
      if (part.equals(g[0])) {
        if ((Boolean) g[2]) {
          qualified.add(column);
        }
        @SuppressWarnings("unchecked")
        List<String> types = (List<String>) g[1];
        return types;
      }
    }
    if (part.equals("all cryptographic objects") || part.equals("managed cryptographic objects")) {
      return cryptographic;
    }
    if (part.equals("keys")) {
      List<String> keys = new ArrayList<>();
      for (Map.Entry<String, String> t : vocabulary.objectTypes.entrySet()) {
        if (t.getKey().endsWith(" key")) {
          keys.add(t.getValue());
        }
      }
      return keys;
    }
    try {
      return List.of(objectType(part, vocabulary));
    } catch (IllegalStateException e) {
      throw new IllegalStateException(source + " " + column + ": " + e.getMessage(), e);
    }
  }

  /** The ObjectType code name of a singular or plural spec name. */
  static String objectType(String name, Vocabulary vocabulary) {
    String n = name.toLowerCase(Locale.ROOT).trim();
    String code = vocabulary.objectTypes.get(n);
    if (code == null && n.endsWith("s")) {
      code = vocabulary.objectTypes.get(n.substring(0, n.length() - 1));
    }
    if (code == null) {
      throw new IllegalStateException("unknown object type " + name);
    }
    return code;
  }

  /** Splits the document into tables, each with its numbered heading and "Table n" caption. */
  static List<Table> tables(String html) {
    List<Table> out = new ArrayList<>();
    String section = "";
    String title = "";
    Matcher m = BLOCKS.matcher(html);
    while (m.find()) {
      String block = m.group();
      if (m.group(1) != null) {
        Matcher h = HEADING.matcher(text(m.group(2)));
        if (h.matches()) {
          section = h.group(1);
          title = h.group(2);
        }
      } else if (block.regionMatches(true, 0, "<table", 0, 6)) {
        List<List<String>> rows = new ArrayList<>();
        Matcher r = ROW.matcher(block);
        while (r.find()) {
          List<String> cells = new ArrayList<>();
          Matcher c = CELL.matcher(r.group());
          while (c.find()) {
            cells.add(text(c.group()));
          }
          rows.add(cells);
        }
        out.add(new Table(section, title, "", rows));
      } else {
        Matcher caption = CAPTION.matcher(text(m.group(3)));
        int last = out.size() - 1;
        if (caption.matches()
            && last >= 0
            && out.get(last).caption.isEmpty()
            && out.get(last).section.equals(section)) {
          Table t = out.get(last);
          out.set(last, new Table(t.section, t.title, caption.group(1), t.rows));
        }
      }
    }
    return out;
  }

  /** Text without markup, entities or doubled spaces. */
  static String text(String html) {
    String s = html.replaceAll("(?s)<[^>]+>", "");
    s =
        s.replace("&nbsp;", " ")
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#8209;", "-")
            .replace('\u00a0', ' ')
            .replace('\u2013', '-')
            .replace('\u2011', '-')
            .replace('\u2019', '\'');
    return s.replaceAll("\\s+", " ").trim();
  }
}
