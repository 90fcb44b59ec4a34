package io.arca.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Refuses settings that no option reads. A misspelt key ({@code prot = 18005}) or variable ({@code
 * ARCA_TLS_CRT}) would otherwise leave its option at the default and the server running on settings
 * nobody chose; so the server does not start, and the message names the closest valid setting.
 */
final class KnownSettings {
  /** {@code ARCA_} variables that are not server options but are read by Arca's scripts. */
  private static final Set<String> OTHER_VARIABLES =
      Set.of(
          "ARCA_CONFIG", // the TOML file itself
          "ARCA_CONF", // the arca CLI's client file, often set in the same shell
          "ARCA_JAVA_OPTS"); // the JVM flags of the bin/ scripts

  private final Set<String> options;

  /**
   * @param options the bare names of the options the file and environment may set ({@code
   *     tls-cert})
   */
  KnownSettings(Set<String> options) {
    this.options = new TreeSet<>(options);
  }

  /**
   * Checks every {@code ARCA_} variable and every key of the TOML file.
   *
   * @throws IllegalArgumentException naming each unknown setting and, when one is close, the
   *     setting probably meant
   */
  void check(Map<String, String> environment, @Nullable TomlTable toml, @Nullable Path file) {
    List<String> problems = new ArrayList<>();
    List<String> variables = options.stream().map(LayeredDefaults::environmentName).toList();
    environment.keySet().stream()
        .filter(name -> name.startsWith("ARCA_"))
        .filter(name -> !OTHER_VARIABLES.contains(name) && !variables.contains(name))
        .sorted()
        .forEach(
            name ->
                problems.add("unknown environment variable " + name + closest(name, variables)));
    if (toml != null) {
      for (String key : toml.keySet()) {
        Object value = toml.get(List.of(key));
        if (value instanceof TomlTable table) {
          checkTable(key, table, file, problems);
        } else if (!options.contains(key)) {
          problems.add(where(file, toml.inputPositionOf(List.of(key))) + key + closest(key));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** A table {@code [tls]} holds the options {@code tls-...}, by what follows the first dash. */
  private void checkTable(
      String name, TomlTable table, @Nullable Path file, List<String> problems) {
    for (String key : table.keySet()) {
      String option = name + "-" + key;
      boolean read =
          options.contains(option)
              && option.indexOf('-') == name.length()
              && !(table.get(List.of(key)) instanceof TomlTable);
      if (!read) {
        problems.add(
            where(file, table.inputPositionOf(List.of(key)))
                + "["
                + name
                + "] "
                + key
                + closest(option));
      }
    }
  }

  private static String where(@Nullable Path file, @Nullable TomlPosition position) {
    String at = position == null ? "" : " line " + position.line();
    return "unknown setting in " + (file == null ? "the TOML file" : file.toString()) + at + ": ";
  }

  private String closest(String key) {
    return closest(key, options);
  }

  /** ", did you mean X?" for the candidate nearest to {@code name}, if one is near enough. */
  private static String closest(String name, Iterable<String> candidates) {
    List<String> all = new ArrayList<>();
    candidates.forEach(all::add);
    return all.stream()
        .min(Comparator.comparingInt((String c) -> distance(name, c)).thenComparing(c -> c))
        .filter(c -> distance(name, c) <= Math.max(2, name.length() / 3))
        .map(c -> " (did you mean " + c + "?)")
        .orElse("");
  }

  /** The edit distance between two names (insertions, deletions, substitutions). */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
