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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the tag, enumeration and bit-mask tables of the KMIP 1.4, 2.0 and 2.1 specifications (the
 * Word-exported HTML in the given folder) and writes Arca's vocabulary.tsv. Run by hand, never by
 * the build:
 *
 * <pre>java tools/kmip-spec-extract/KmipSpecExtract.java /work/shared/kmip-spec \
 *     kmip-codec/src/main/resources/io/arca/kmip/vocabulary.tsv</pre>
 *
 * <p>Merging rules (also written into the TSV header):
 *
 * <ul>
 *   <li>A row is keyed by (kind, enumeration, value). It is present from its first version to its
 *       last; "last" is empty when 2.1 still defines it.
 *   <li>When the same value carries different names in different versions, the newest spelling
 *       wins (spec name, XML name, code name) and the older XML spellings are kept as aliases so
 *       that byXmlName still resolves them. Every such rename is listed on standard output.
 *   <li>1.0-1.3 are not read: the 1.4 text contains them. First versions inside 1.x come from the
 *       tag numbering (tags are assigned in order, see TAG_SINCE) and, for enumeration values, from
 *       the first version of the enumeration's own tag; that is exact for tags and a lower bound
 *       for values added to an existing enumeration in 1.1-1.4, except where value-since-1x.tsv
 *       gives the enumeration boundaries of its own (VALUE_SINCE).
 * </ul>
 */
public final class KmipSpecExtract {

  private static final String[] VERSIONS = {"1.4", "2.0", "2.1"};

  /**
   * Last tag value of each 1.x version. Tags are numbered in the order they were added, so one
   * boundary per version gives every tag's first version (boundaries checked against the KMIP
   * 1.0-1.3 tag tables as listed by PyKMIP's per-version tag enumeration).
   */
  private static final int[][] TAG_SINCE = {
    {0x4200A1, 10}, {0x4200B7, 11}, {0x4200D3, 12}, {0x4200F7, 13}, {0x420124, 14}
  };

  /**
   * Last value of each 1.x version for the enumerations that grew inside 1.x, read from
   * value-since-1x.tsv next to this file. Like tags, values are numbered in the order they were
   * added, so the boundaries give every value's first version: a request may not use a value its
   * version lacks and an answer may not carry one. Values past the last boundary (General Failure,
   * 0x100) keep the enumeration tag's first version.
   */
  private static final Map<String, int[][]> VALUE_SINCE = readValueSince();

  private static Map<String, int[][]> readValueSince() {
    Path table = Path.of("tools/kmip-spec-extract/value-since-1x.tsv");
    Map<String, List<int[]>> rows = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(table, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("enumeration\t")) {
          continue;
        }
        String[] f = line.split("\t");
        int version = Integer.parseInt(f[2].replace(".", ""));
        rows.computeIfAbsent(f[0], k -> new ArrayList<>())
            .add(new int[] {Integer.decode(f[1]), version});
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("run from the repository root: " + table, e);
    }
    Map<String, int[][]> out = new TreeMap<>();
    rows.forEach((k, v) -> out.put(k, v.toArray(new int[0][])));
    return out;
  }

  /**
   * Tag-to-enumeration links the 2.x tables do not state with a section reference and that do not
   * follow the same-name rule. Each entry: tag spec name, enumeration XML name, reason.
   */
  private static final String[][] ENUM_OVERRIDES = {
    // 1.4 says "Enumeration, see 9.1.3.2.16" (Hashing Algorithm); 2.x says only "Enumeration".
    {"Mask Generator Hashing Algorithm", "HashingAlgorithm", "1.4 §2.1.5 reference"},
    // Both 2.x forms of a reference to a tag hold a Tag value (2.1 Table "Attribute Reference").
    {"Attribute Reference", "Tag", "2.1 §7.3: Enumeration form holds a Tag"},
    {"Extension Parent Structure Tag", "Tag", "holds a tag value"},
    // 2.x: the Enumeration form of a Unique Identifier names an earlier batch item's result.
    {"Unique Identifier", "UniqueIdentifier", "2.1 §11.58"},
    {"Private Key Unique Identifier", "UniqueIdentifier", "2.1 §11.58"},
    {"Public Key Unique Identifier", "UniqueIdentifier", "2.1 §11.58"},
    {"PKCS#11 Function", "PKCS_11Function", "2.1 §11.38"},
    {"PKCS#11 Return Code", "PKCS_11ReturnCode", "2.1 §11.39"},
    {"Tag", "Tag", "2.x Tag field holds a tag value"},
  };

  /**
   * Spellings of the newest text that are typing errors, replaced by the older spelling that the
   * OASIS test cases use. Each entry: enumeration XML name, value, name to keep, reason.
   */
  private static final Object[][] SPELLING_FIXES = {
    // 2.0 and 2.1 Table "Mask Generator Enumeration" write MFG1; 1.4 and every test case write MGF1.
    {"MaskGenerator", 1, "MGF1", "2.x typo MFG1"},
  };

  /**
   * The PKCS#11 Function and Return Code enumerations are defined by reference to the PKCS#11
   * specification (2.1 §11.38: the 1-based position in CK_FUNCTION_LIST_3_0; §11.39: the CK_RV
   * value), so the KMIP text has no table. These are the PKCS#11 v2.40/3.0 values, names without
   * the CKR_ prefix as the OASIS test cases write them.
   */
  private static final String[] PKCS11_FUNCTIONS = {
    "C_Initialize", "C_Finalize", "C_GetInfo", "C_GetFunctionList", "C_GetSlotList",
    "C_GetSlotInfo", "C_GetTokenInfo", "C_GetMechanismList", "C_GetMechanismInfo", "C_InitToken",
    "C_InitPIN", "C_SetPIN", "C_OpenSession", "C_CloseSession", "C_CloseAllSessions",
    "C_GetSessionInfo", "C_GetOperationState", "C_SetOperationState", "C_Login", "C_Logout",
    "C_CreateObject", "C_CopyObject", "C_DestroyObject", "C_GetObjectSize",
    "C_GetAttributeValue", "C_SetAttributeValue", "C_FindObjectsInit", "C_FindObjects",
    "C_FindObjectsFinal", "C_EncryptInit", "C_Encrypt", "C_EncryptUpdate", "C_EncryptFinal",
    "C_DecryptInit", "C_Decrypt", "C_DecryptUpdate", "C_DecryptFinal", "C_DigestInit", "C_Digest",
    "C_DigestUpdate", "C_DigestKey", "C_DigestFinal", "C_SignInit", "C_Sign", "C_SignUpdate",
    "C_SignFinal", "C_SignRecoverInit", "C_SignRecover", "C_VerifyInit", "C_Verify",
    "C_VerifyUpdate", "C_VerifyFinal", "C_VerifyRecoverInit", "C_VerifyRecover",
    "C_DigestEncryptUpdate", "C_DecryptDigestUpdate", "C_SignEncryptUpdate",
    "C_DecryptVerifyUpdate", "C_GenerateKey", "C_GenerateKeyPair", "C_WrapKey", "C_UnwrapKey",
    "C_DeriveKey", "C_SeedRandom", "C_GenerateRandom", "C_GetFunctionStatus", "C_CancelFunction",
    "C_WaitForSlotEvent"
  };

  private static final Object[][] PKCS11_RETURN_CODES = {
    {"OK", 0x0}, {"CANCEL", 0x1}, {"HOST_MEMORY", 0x2}, {"SLOT_ID_INVALID", 0x3},
    {"GENERAL_ERROR", 0x5}, {"FUNCTION_FAILED", 0x6}, {"ARGUMENTS_BAD", 0x7},
    {"CRYPTOKI_NOT_INITIALIZED", 0x190}, {"CRYPTOKI_ALREADY_INITIALIZED", 0x191}
  };

  private static final Pattern BLOCKS =
      Pattern.compile(
          "<h([1-9])[^>]*>(.*?)</h\\1>|<table.*?</table>|<p[^>]*>(.*?)</p>",
          Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern ROW = Pattern.compile("<tr.*?</tr>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern CELL = Pattern.compile("<td.*?</td>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern HEADING = Pattern.compile("^([A-Z]?[0-9]+(?:\\.[0-9]+)*)\\s+(.*)$");
  private static final Pattern CAPTION = Pattern.compile("^Table \\d+:.*");
  private static final Pattern HEX = Pattern.compile("^(?:0x)?([0-9A-Fa-f]{1,8})$");

  /** One table of one spec version, with the heading it sits under and its caption (if any). */
  record Table(String version, String section, String title, String caption, List<List<String>> rows) {
    String source(int row) {
      String where = caption.isEmpty() ? title : caption.replaceFirst(":.*", "");
      return "KMIP " + version + " §" + section + " " + where;
    }
  }

  /** One named value of one version. */
  record Named(String name, int value, String source) {}

  /** What one version defines. */
  static final class Version {
    final String id;
    final Map<Integer, Named> tags = new TreeMap<>();
    final Map<String, Map<Integer, Named>> enums = new TreeMap<>();
    final Set<String> masks = new TreeSet<>();
    /** Tag spec name to item-type XML names; an empty set means "varies". */
    final Map<String, Set<String>> types = new TreeMap<>();
    /** Tag spec name to the enumeration its "see §x" reference names. */
    final Map<String, String> enumRefs = new TreeMap<>();
    final Map<String, String> sectionToEnum = new TreeMap<>();

    Version(String id) {
      this.id = id;
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: KmipSpecExtract <spec-folder> <vocabulary.tsv>");
    }
    List<Version> versions = new ArrayList<>();
    for (String v : VERSIONS) {
      Path html = Path.of(args[0], "kmip-spec-v" + v + "-os.html");
      versions.add(read(v, Files.readString(html, Charset.forName("windows-1252"))));
    }
    List<String> lines = Merge.merge(versions);
    Files.writeString(Path.of(args[1]), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  static Version read(String id, String html) {
    Version v = new Version(id);
    List<Table> tables = tables(id, html);
    for (Table t : tables) {
      if (t.title.equals("Tags") || t.title.equals("Tag Enumeration")) {
        readNameValue(t, v.tags);
      } else if (t.title.endsWith(" Enumeration") && isIn(t, "Enumerations", tables)) {
        String name = xmlName(t.title.substring(0, t.title.length() - " Enumeration".length()));
        v.sectionToEnum.put(t.section, name);
        readNameValue(t, v.enums.computeIfAbsent(name, k -> new TreeMap<>()));
      } else if (isIn(t, "Bit Masks", tables)) {
        String name = xmlName(t.title);
        v.masks.add(name);
        readNameValue(t, v.enums.computeIfAbsent(name, k -> new TreeMap<>()));
      }
    }
    for (Table t : tables) {
      readEncodings(t, v);
    }
    return v;
  }

  /** Whether the table sits under a heading whose title is the given chapter title. */
  private static boolean isIn(Table t, String chapter, List<Table> all) {
    return CHAPTERS.getOrDefault(t.version + chapter, List.of()).stream()
        .anyMatch(s -> t.section.startsWith(s + "."));
  }

  private static final Map<String, List<String>> CHAPTERS = new LinkedHashMap<>();

  /** Splits the document into tables, each with its enclosing heading and following caption. */
  static List<Table> tables(String version, String html) {
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
          CHAPTERS.computeIfAbsent(version + title, k -> new ArrayList<>()).add(section);
        }
        // Headings without a number (front matter, appendices) keep the previous context.
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
        out.add(new Table(version, section, title, "", rows));
      } else {
        String p = text(m.group(3));
        int last = out.size() - 1;
        if (CAPTION.matcher(p).matches() && last >= 0 && out.get(last).caption.isEmpty()
            && out.get(last).section.equals(section)) {
          Table t = out.get(last);
          out.set(last, new Table(t.version, t.section, t.title, p, t.rows));
        }
      }
    }
    return out;
  }

  /** Reads the rows below a "Name | Value" (or "Object | Tag Value") header row. */
  private static void readNameValue(Table t, Map<Integer, Named> into) {
    int header = -1;
    for (int i = 0; i < Math.min(2, t.rows.size()); i++) {
      List<String> r = t.rows.get(i);
      if (r.size() == 2 && (r.get(0).equals("Name") || r.get(0).equals("Object"))
          && r.get(1).endsWith("Value")) {
        header = i;
      }
    }
    if (header < 0) {
      return;
    }
    for (int i = header + 1; i < t.rows.size(); i++) {
      List<String> r = t.rows.get(i);
      if (r.size() < 2) {
        continue;
      }
      String name = r.get(0);
      // A value cell may carry a note such as "00000006 (deprecated)".
      Matcher hex = HEX.matcher(r.get(1).replaceAll("\\(.*\\)", "").replace(" ", ""));
      if (name.isEmpty() || name.startsWith("(") || name.equals("Extensions")) {
        continue; // (Reserved), (Unused) and Extensions are not values
      }
      if (!hex.matches()) {
        System.out.println("skipped " + t.source(i) + ": " + r);
        continue;
      }
      into.put((int) Long.parseLong(hex.group(1), 16), new Named(clean(name), (int) Long.parseLong(hex.group(1), 16), t.source(i)));
    }
  }

  private static final String[][] TYPE_WORDS = {
    {"date time extended", "DateTimeExtended"}, {"date-time", "DateTime"}, {"date time", "DateTime"},
    {"big integer", "BigInteger"}, {"long integer", "LongInteger"}, {"integer", "Integer"},
    {"enumeration", "Enumeration"}, {"boolean", "Boolean"}, {"text string", "TextString"},
    {"textstring", "TextString"}, {"byte string", "ByteString"}, {"bytestring", "ByteString"},
    {"interval", "Interval"}, {"structure", "Structure"}, {"attribute", "Structure"},
    {"rng parameters", "Structure"}
  };

  private static final Pattern SEE = Pattern.compile("see (\\d+(?:\\.\\d+)+)");

  /** Reads "Object | Encoding" / "Item | Encoding" tables: the item type(s) of each field. */
  private static void readEncodings(Table t, Version v) {
    if (t.rows.isEmpty()) {
      return;
    }
    List<String> head = t.rows.get(0);
    if (head.size() < 2 || !(head.get(0).equals("Object") || head.get(0).equals("Item"))
        || !head.get(1).equals("Encoding")) {
      return;
    }
    for (List<String> r : t.rows.subList(1, t.rows.size())) {
      if (r.size() < 2) {
        continue;
      }
      String name = clean(r.get(0));
      String enc = r.get(1).toLowerCase(Locale.ROOT);
      Set<String> types = new LinkedHashSet<>();
      boolean varies = enc.startsWith("varies") || enc.startsWith("any");
      String rest = enc;
      for (String[] w : TYPE_WORDS) {
        if (rest.contains(w[0])) {
          types.add(w[1]);
          rest = rest.replace(w[0], " ");
        }
      }
      Set<String> known = v.types.get(name);
      if (varies) {
        v.types.put(name, new TreeSet<>());
      } else if (!types.isEmpty() && (known == null || !known.isEmpty())) {
        v.types.computeIfAbsent(name, k -> new TreeSet<>()).addAll(types);
      }
      Matcher see = SEE.matcher(enc);
      if (types.contains("Enumeration") && see.find()) {
        String target = v.sectionToEnum.get(see.group(1));
        if (target != null) {
          v.enumRefs.put(name, target);
        }
      }
      if (enc.contains("enumeration (tag)")) {
        v.enumRefs.put(name, "Tag");
      } else if (enc.contains("enumeration (item type)")) {
        v.enumRefs.put(name, "ItemType");
      }
    }
  }

  /** Cell text without markup, entities, footnote marks or doubled spaces. */
  static String text(String html) {
    String s = html.replaceAll("(?s)<[^>]+>", "");
    s = s.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&quot;", "\"").replace("&#8209;", "-").replace('\u00a0', ' ')
        .replace('\u2013', '-').replace('\u2011', '-').replace('\u2019', '\'');
    return s.replaceAll("\\s+", " ").trim();
  }

  static String clean(String name) {
    return name.replaceAll("\\s*\\*+$", "").replaceAll("\\.$", "").trim();
  }

  /**
   * The XML-encoding name of a spec name, as the KMIP Profiles' XML encoding normalizes names:
   * round brackets become spaces; any other character that is not a letter, digit or underscore
   * becomes a word break when a letter and a lower-case letter follow it, and an underscore
   * otherwise; a leading run of digits moves to the end of the first word; each word gets a
   * capital first letter; the spaces go. "SHA-256" is SHA_256, "Re-key" is ReKey, "3DES" is DES3,
   * "X.509" is X_509, "PKCS#11 Function" is PKCS_11Function.
   */
  static String xmlName(String spec) {
    String s = spec.replaceAll("[()]", " ");
    s = s.replaceAll("[^A-Za-z0-9_\\s]([A-Za-z][a-z])", " $1");
    s = s.replaceAll("[^A-Za-z0-9_\\s]", "_");
    StringBuilder out = new StringBuilder();
    String[] words = s.trim().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (i == 0) {
        w = w.replaceFirst("^([0-9]+)(.*)$", "$2$1");
      }
      if (!w.isEmpty()) {
        out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
      }
    }
    return out.toString();
  }

  static int tagSince(int tag) {
    for (int[] b : TAG_SINCE) {
      if (tag <= b[0]) {
        return b[1];
      }
    }
    return 20;
  }

  /** The first 1.x version of an enumeration value, or {@code fallback} when no boundary says. */
  static int valueSince(String enumeration, int value, int fallback) {
    for (int[] b : VALUE_SINCE.getOrDefault(enumeration, new int[0][])) {
      if (value <= b[0]) {
        return b[1];
      }
    }
    return fallback;
  }

  static Object[][] spellingFixes() {
    return SPELLING_FIXES;
  }

  static String[][] enumOverrides() {
    return ENUM_OVERRIDES;
  }

  static String[] pkcs11Functions() {
    return PKCS11_FUNCTIONS;
  }

  static Object[][] pkcs11ReturnCodes() {
    return PKCS11_RETURN_CODES;
  }

  /** Merges the versions into TSV lines. */
  static final class Merge {
    private static final String HEADER =
        "kind\tenumeration\tcode_name\tspec_name\txml_name\tvalue\titem_types\tvalues_of\tsince\tuntil"
            + "\taliases\tsource";

    private Merge() {}

    /** One merged value: per version present, its name and source. */
    static final class Entry {
      final int value;
      final Map<String, Named> byVersion = new LinkedHashMap<>();

      Entry(int value) {
        this.value = value;
      }

      Named newest() {
        Named n = null;
        for (Named x : byVersion.values()) {
          n = x;
        }
        return n;
      }

      String source() {
        List<Named> all = new ArrayList<>(byVersion.values());
        String src = all.get(all.size() - 1).source();
        return all.size() > 1 ? src + "; " + all.get(0).source() : src;
      }

      String until() {
        return byVersion.containsKey("2.1") ? "" : new ArrayList<>(byVersion.keySet()).get(byVersion.size() - 1);
      }

      /** XML spellings of older versions that differ from the newest one. */
      String aliases() {
        String current = xmlName(newest().name());
        Set<String> out = new TreeSet<>();
        for (Named n : byVersion.values()) {
          if (!xmlName(n.name()).equals(current)) {
            out.add(xmlName(n.name()));
          }
        }
        return String.join(",", out);
      }
    }

    static List<String> merge(List<Version> versions) {
      List<String> out = new ArrayList<>();
      out.add("# Generated by tools/kmip-spec-extract/KmipSpecExtract.java from the KMIP 1.4, 2.0 and 2.1"
          + " specifications; do not edit by hand.");
      out.add("# One row per tag, enumeration value and mask bit. value is hex; item_types lists the"
          + " XML type names the spec gives a tag (empty: varies or not stated); values_of names the"
          + " enumeration or mask a tag's values belong to; since/until are the first and last"
          + " versions defining the row (until empty: still in 2.1); aliases are older XML spellings"
          + " of a renamed value (the newest spelling wins).");
      out.add(HEADER);

      Map<Integer, Entry> tags = new TreeMap<>();
      Map<String, Map<Integer, Entry>> enums = new TreeMap<>();
      Set<String> masks = new TreeSet<>();
      for (Version v : versions) {
        for (Named n : v.tags.values()) {
          tags.computeIfAbsent(n.value(), Entry::new).byVersion.put(v.id, n);
        }
        for (Map.Entry<String, Map<Integer, Named>> e : v.enums.entrySet()) {
          Map<Integer, Entry> into = enums.computeIfAbsent(e.getKey(), k -> new TreeMap<>());
          for (Named n : e.getValue().values()) {
            into.computeIfAbsent(n.value(), Entry::new).byVersion.put(v.id, n);
          }
        }
        masks.addAll(v.masks);
      }
      addPkcs11(enums);
      // Opaque Data Type (and any other all-extensions table) has no value to list or link to.
      enums.entrySet().removeIf(e -> {
        if (e.getValue().isEmpty()) {
          System.out.println("no values (extensions only): " + e.getKey());
        }
        return e.getValue().isEmpty();
      });
      for (Object[] fix : spellingFixes()) {
        Entry en = enums.get((String) fix[0]).get((Integer) fix[1]);
        for (Map.Entry<String, Named> n : en.byVersion.entrySet()) {
          Named old = n.getValue();
          if (!old.name().equals(fix[2])) {
            System.out.println("spelling fix " + fix[0] + " " + hex(old.value()) + ": " + n.getKey()
                + " " + old.name() + " -> " + fix[2] + " (" + fix[3] + ")");
            n.setValue(new Named((String) fix[2], old.value(), old.source() + " (" + fix[3] + ")"));
          }
        }
      }
      report(tags, enums);

      Map<String, Integer> tagByXml = new TreeMap<>();
      for (Entry t : tags.values()) {
        tagByXml.put(xmlName(t.newest().name()), t.value);
      }
      Map<String, String> overrides = new TreeMap<>();
      for (String[] o : enumOverrides()) {
        overrides.put(o[0], o[1]);
      }
      for (Entry t : tags.values()) {
        Set<String> types = new TreeSet<>();
        boolean varies = false;
        String valuesOf = null;
        for (Version v : versions) {
          Named n = t.byVersion.get(v.id);
          for (Named any : t.byVersion.values()) {
            Set<String> ts = v.types.get(any.name());
            if (ts != null) {
              varies |= ts.isEmpty();
              types.addAll(ts);
            }
            String ref = v.enumRefs.get(any.name());
            if (ref != null) {
              valuesOf = ref;
            }
          }
        }
        if (varies) {
          types.clear();
        }
        String spec = t.newest().name();
        String xml = xmlName(spec);
        if (overrides.containsKey(spec)) {
          valuesOf = overrides.get(spec);
        }
        if (valuesOf == null && enums.containsKey(xml)
            && (types.contains("Enumeration") || types.contains("Integer") || types.isEmpty())) {
          valuesOf = xml;
        }
        if (valuesOf != null && !valuesOf.equals("Tag") && !enums.containsKey(valuesOf)) {
          valuesOf = null;
        }
        if (valuesOf != null && !types.isEmpty() && !types.contains("Enumeration")
            && !(masks.contains(valuesOf) && types.contains("Integer"))) {
          valuesOf = null; // a Structure or Text String of the same name holds no enumeration value
        }
        String since = t.byVersion.containsKey("1.4") ? version(tagSince(t.value)) : first(t);
        out.add(row("tag", "", codeName(spec), spec, xml, hex(t.value), String.join(",", types),
            valuesOf == null ? "" : valuesOf, since, t.until(), t.aliases(), t.source()));
      }
      for (Map.Entry<String, Map<Integer, Entry>> e : enums.entrySet()) {
        String kind = masks.contains(e.getKey()) ? "mask" : "enum";
        Integer tag = tagByXml.get(e.getKey());
        Set<String> codes = new TreeSet<>();
        for (Entry v : e.getValue().values()) {
          String spec = v.newest().name();
          String code = codeName(spec);
          if (!codes.add(code)) {
            throw new IllegalStateException("duplicate code name " + e.getKey() + "." + code);
          }
          String since = v.byVersion.containsKey("1.4")
              ? version(valueSince(e.getKey(), v.value, tag == null ? 10 : tagSince(tag)))
              : first(v);
          out.add(row(kind, e.getKey(), code, spec, xmlName(spec), hex(v.value), "", "", since,
              v.until(), v.aliases(), v.source()));
        }
      }
      return out;
    }

    private static void addPkcs11(Map<String, Map<Integer, Entry>> enums) {
      Map<Integer, Entry> functions = enums.computeIfAbsent("PKCS_11Function", k -> new TreeMap<>());
      String[] names = pkcs11Functions();
      for (int i = 0; i < names.length; i++) {
        Entry en = functions.computeIfAbsent(i + 1, Entry::new);
        en.byVersion.put("2.0", new Named(names[i], i + 1,
            "KMIP 2.0 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position"));
        en.byVersion.put("2.1", new Named(names[i], i + 1,
            "KMIP 2.1 §11.38 by reference: PKCS#11 CK_FUNCTION_LIST position"));
      }
      Map<Integer, Entry> codes = enums.computeIfAbsent("PKCS_11ReturnCode", k -> new TreeMap<>());
      for (Object[] c : pkcs11ReturnCodes()) {
        int value = (Integer) c[1];
        Entry en = codes.computeIfAbsent(value, Entry::new);
        en.byVersion.put("2.0", new Named((String) c[0], value,
            "KMIP 2.0 §11.39 by reference: PKCS#11 CK_RV value"));
        en.byVersion.put("2.1", new Named((String) c[0], value,
            "KMIP 2.1 §11.39 by reference: PKCS#11 CK_RV value"));
      }
    }

    /** Lists renamed values and rows that disappear and come back, for the extractor's user. */
    private static void report(Map<Integer, Entry> tags, Map<String, Map<Integer, Entry>> enums) {
      List<String> notes = new ArrayList<>();
      for (Entry t : tags.values()) {
        note(notes, "tag", t);
      }
      for (Map.Entry<String, Map<Integer, Entry>> e : enums.entrySet()) {
        for (Entry v : e.getValue().values()) {
          note(notes, e.getKey(), v);
        }
      }
      notes.forEach(System.out::println);
    }

    private static void note(List<String> notes, String where, Entry e) {
      Set<String> names = new LinkedHashSet<>();
      for (Map.Entry<String, Named> n : e.byVersion.entrySet()) {
        names.add(n.getKey() + "=" + n.getValue().name());
      }
      Set<String> distinct = new TreeSet<>();
      e.byVersion.values().forEach(n -> distinct.add(n.name()));
      if (distinct.size() > 1) {
        notes.add("renamed " + where + " " + hex(e.value) + ": " + names);
      }
      List<String> present = new ArrayList<>(e.byVersion.keySet());
      if (present.contains("1.4") && present.contains("2.1") && !present.contains("2.0")) {
        notes.add("gap " + where + " " + hex(e.value) + ": " + present);
      }
    }

    private static String first(Entry e) {
      return e.byVersion.keySet().iterator().next();
    }

    private static String version(int v) {
      return (v / 10) + "." + (v % 10);
    }

    static String hex(int v) {
      return String.format("0x%08X", v);
    }

    /**
     * UPPER_SNAKE of the spec name. A name that starts with a digit is written as the XML encoding
     * writes it (the leading digits move behind the first word: "3DES" is DES3).
     */
    static String codeName(String spec) {
      String s = spec.replaceAll("[()]", " ").trim();
      if (Character.isDigit(s.charAt(0))) {
        s = s.replaceFirst("^([0-9]+)(\\S*)", "$2$1");
      }
      s = s.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
      return s.toUpperCase(Locale.ROOT);
    }

    private static String row(String... cells) {
      for (String c : cells) {
        if (c.contains("\t") || c.contains("\n")) {
          throw new IllegalStateException("cell with a tab or newline: " + c);
        }
      }
      return String.join("\t", cells);
    }
  }
}
