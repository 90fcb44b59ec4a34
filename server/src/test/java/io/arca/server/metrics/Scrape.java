package io.arca.server.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code /metrics} answer read back: the value of a sample by name and some of its labels. */
public record Scrape(String text) {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /**
   * The sum of the samples named {@code name} whose labels include {@code labels} (name, value,
   * name, value...): 0 when none does.
   */
  public double value(String name, String... labels) {
    double sum = 0;
    for (String line : text.lines().toList()) {
      if (line.startsWith("#")) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.matches() || !sample.group(1).equals(name)) {
        continue;
      }
      Map<String, String> found = new HashMap<>();
      if (sample.group(2) != null) {
        Matcher label = LABEL.matcher(sample.group(2));
        while (label.find()) {
          found.put(label.group(1), label.group(2));
        }
      }
      boolean matches = true;
      for (int i = 0; i + 1 < labels.length; i += 2) {
        matches &= labels[i + 1].equals(found.get(labels[i]));
      }
      if (matches) {
        sum += Double.parseDouble(sample.group(3));
      }
    }
    return sum;
  }

  /** Whether any sample is named {@code name}. */
  public boolean has(String name) {
    return text.lines()
        .anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
  }
}
