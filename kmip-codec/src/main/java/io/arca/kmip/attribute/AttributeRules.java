package io.arca.kmip.attribute;

import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Which attributes a client may set, modify and delete, how many instances an object may hold and
 * which object types they apply to, per protocol version: the attribute rules tables of KMIP 1.4 §3
 * and KMIP 2.0/2.1 §4, read once from attribute-rules.tsv (written by
 * tools/kmip-spec-extract/AttributeRulesExtract.java). 2.0 uses its own tables, 2.1 and later the
 * 2.1 tables, 1.4 its own. KMIP 1.0-1.3 differ from 1.4 in the attributes they lack rather than in
 * the rules of those they share, so their tables are the 1.4 rows whose tag the version defines
 * (the tag's first version in vocabulary.tsv): Fresh from 1.1, Key Value Location and Original
 * Creation Date from 1.2, Random Number Generator from 1.3, Sensitive and Extractable from 1.4.
 *
 * <p>Custom ("x-"/"y-") and vendor attributes, by name or by a vendor tag (0x54xxxx), follow {@link
 * AttributeRule#customDefault}. A standard tag (0x42xxxx) without a table in that version is no
 * attribute there: {@link #rule} is empty, every "may the client" question answers false and {@link
 * #isSingleValued} true, so a caller that skips {@link #isAttribute} still refuses it.
 */
public final class AttributeRules {
  static final String RESOURCE = "attribute-rules.tsv";
  static final int COLUMNS = 13;
  private static final int STANDARD_TAG_PREFIX = 0x42;
  private static final int VENDOR_TAG_PREFIX = 0x54;

  private final Map<ProtocolVersion, Map<Integer, AttributeRule>> byVersion;

  private AttributeRules(Map<ProtocolVersion, Map<Integer, AttributeRule>> byVersion) {
    this.byVersion = byVersion;
  }

  /** The rules of the checked-in table, loaded on first use. */
  public static AttributeRules standard() {
    return Holder.STANDARD;
  }

  /** Lazy holder: the class loader makes the one load thread-safe. */
  private static final class Holder {
    static final AttributeRules STANDARD = load();

    private static AttributeRules load() {
      try (InputStream in = AttributeRules.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + ": not on the class path");
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return parse(text.lines().toList());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Parses the TSV: comment lines, the header row, then one rule per row. */
  static AttributeRules parse(List<String> lines) {
    Map<ProtocolVersion, Map<Integer, AttributeRule>> byVersion = new TreeMap<>();
    boolean header = true;
    for (String line : lines) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      if (header) {
        header = false; // the column names
        continue;
      }
      AttributeRule rule = parseRow(line);
      Tag tag = rule.tag();
      if (tag == null
          || byVersion
                  .computeIfAbsent(rule.specVersion(), v -> new HashMap<>())
                  .put(tag.code(), rule)
              != null) {
        throw new IllegalStateException(RESOURCE + ": a second row for " + line);
      }
    }
    Map<ProtocolVersion, Map<Integer, AttributeRule>> frozen = new TreeMap<>();
    byVersion.forEach((v, rules) -> frozen.put(v, Map.copyOf(rules)));
    return new AttributeRules(frozen);
  }

  static AttributeRule parseRow(String line) {
    String[] c = line.split("\t", -1);
    if (c.length != COLUMNS) {
      throw new IllegalStateException(
          RESOURCE + ": " + c.length + " cells (expected: " + COLUMNS + ") in " + line);
    }
    Tag tag = Tag.byCode(Integer.parseInt(c[1].substring(2), 16));
    if (tag == null || !tag.name().equals(c[0])) {
      throw new IllegalStateException(RESOURCE + ": " + c[0] + " " + c[1] + " is no known tag");
    }
    List<String> parties = tokens(c[4]);
    Set<Operation> operations = EnumSet.noneOf(Operation.class);
    List<String> events = new ArrayList<>();
    for (String token : tokens(c[9])) {
      if (Character.isUpperCase(token.charAt(0))) {
        operations.add(Operation.valueOf(token));
      } else {
        events.add(token);
      }
    }
    boolean all = c[10].equals("all");
    Set<ObjectType> types = EnumSet.noneOf(ObjectType.class);
    if (!all) {
      tokens(c[10]).forEach(t -> types.add(ObjectType.valueOf(t)));
    }
    if (c[12].isEmpty()) {
      throw new IllegalStateException(RESOURCE + ": no source in " + line);
    }
    return new AttributeRule(
        tag,
        version(c[2]),
        yesNo(c[3]),
        parties.contains("client"),
        parties.contains("server"),
        yesNo(c[5]),
        yesNo(c[6]),
        yesNo(c[7]),
        yesNo(c[8]),
        operations,
        Set.copyOf(events),
        all,
        types,
        Set.copyOf(tokens(c[11])),
        c[12]);
  }

  private static List<String> tokens(String cell) {
    return cell.isEmpty() ? List.of() : List.of(cell.split(","));
  }

  private static boolean yesNo(String cell) {
    return switch (cell) {
      case "yes" -> true;
      case "no" -> false;
      default -> throw new IllegalStateException(RESOURCE + ": " + cell + " (expected: yes or no)");
    };
  }

  private static ProtocolVersion version(String cell) {
    return switch (cell) {
      case "1.4" -> ProtocolVersion.V1_4;
      case "2.0" -> ProtocolVersion.V2_0;
      case "2.1" -> ProtocolVersion.V2_1;
      default -> throw new IllegalStateException(RESOURCE + ": spec version " + cell);
    };
  }

  /** The table version whose rules govern a protocol version. */
  static ProtocolVersion tableFor(ProtocolVersion version) {
    if (version.major() < 2) {
      return ProtocolVersion.V1_4;
    }
    return version.equals(ProtocolVersion.V2_0) ? ProtocolVersion.V2_0 : ProtocolVersion.V2_1;
  }

  /** The spec versions with rows, for tests and diagnostics. */
  Set<ProtocolVersion> specVersions() {
    return byVersion.keySet();
  }

  /** The protocol versions that have a table of their own, derived ones (1.0-1.3) included. */
  public static final List<ProtocolVersion> VERSIONS =
      List.of(
          ProtocolVersion.V1_0,
          ProtocolVersion.V1_1,
          ProtocolVersion.V1_2,
          ProtocolVersion.V1_3,
          ProtocolVersion.V1_4,
          ProtocolVersion.V2_0,
          ProtocolVersion.V2_1);

  /**
   * Every row of the table that governs {@code version}, ordered by tag: for 1.0-1.3 the 1.4 rows
   * whose tag that version defines.
   */
  public List<AttributeRule> table(ProtocolVersion version) {
    return rulesOf(tableFor(version)).values().stream()
        .filter(r -> definedIn(r, version))
        .sorted(Comparator.comparingInt(r -> r.tag() == null ? 0 : r.tag().code()))
        .toList();
  }

  /** Whether a row's tag exists in {@code version} (always, for a version its table is from). */
  private static boolean definedIn(AttributeRule rule, ProtocolVersion version) {
    Tag tag = rule.tag();
    return tag != null && tag.isDefinedIn(version);
  }

  /** Every rule of one spec version, by tag code. */
  Map<Integer, AttributeRule> rulesOf(ProtocolVersion specVersion) {
    return byVersion.getOrDefault(specVersion, Map.of());
  }

  /**
   * The rule of a tag in a protocol version: its table's row for a standard tag (empty when that
   * version has no such attribute, in 1.0-1.3 also when the tag came later), the custom default for
   * a vendor tag, empty for anything else.
   */
  public Optional<AttributeRule> rule(int tag, ProtocolVersion version) {
    ProtocolVersion table = tableFor(version);
    return switch (tag >>> 16) {
      case VENDOR_TAG_PREFIX -> Optional.of(AttributeRule.customDefault(table));
      case STANDARD_TAG_PREFIX ->
          Optional.ofNullable(rulesOf(table).get(tag)).filter(r -> definedIn(r, version));
      default -> Optional.empty();
    };
  }

  /** The rule of an attribute; a vendor or custom attribute follows the custom default. */
  public Optional<AttributeRule> rule(AttributeReference attribute, ProtocolVersion version) {
    if (attribute instanceof AttributeReference.Tagged tagged) {
      return rule(tagged.tag(), version);
    }
    return Optional.of(AttributeRule.customDefault(tableFor(version)));
  }

  /** Whether the attribute exists in that version (custom and vendor attributes always do). */
  public boolean isAttribute(AttributeReference attribute, ProtocolVersion version) {
    return rule(attribute, version).isPresent();
  }

  /** Whether an object holds at most one instance (true for what is no attribute). */
  public boolean isSingleValued(AttributeReference attribute, ProtocolVersion version) {
    return !test(attribute, version, AttributeRule::multipleInstances);
  }

  /** Whether a client may change an existing value (Modify/Set Attribute). */
  public boolean isClientModifiable(AttributeReference attribute, ProtocolVersion version) {
    return test(attribute, version, AttributeRule::modifiableByClient);
  }

  /** Whether a client may delete an instance (Delete Attribute). */
  public boolean isClientDeletable(AttributeReference attribute, ProtocolVersion version) {
    return test(attribute, version, AttributeRule::deletableByClient);
  }

  /**
   * Whether the table lets the client give the first value ("Initially set by" includes Client), as
   * Add Attribute does. Server-set attributes that a Create template names (Cryptographic
   * Algorithm) are a matter for the operation, not this table.
   */
  public boolean isClientSettableAtCreation(AttributeReference attribute, ProtocolVersion version) {
    return test(attribute, version, AttributeRule::initiallySetByClient);
  }

  /** Whether a client may neither set, modify nor delete it (true for what is no attribute). */
  public boolean isReadOnlyForClients(AttributeReference attribute, ProtocolVersion version) {
    return !test(attribute, version, r -> !r.isReadOnlyForClients());
  }

  /** Whether an object of that type may have the attribute. */
  public boolean appliesTo(AttributeReference attribute, ObjectType type, ProtocolVersion version) {
    return test(attribute, version, r -> r.appliesTo(type));
  }

  private boolean test(
      AttributeReference attribute, ProtocolVersion version, Predicate<AttributeRule> question) {
    return rule(attribute, version).map(question::test).orElse(false);
  }
}
