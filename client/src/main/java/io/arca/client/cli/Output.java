package io.arca.client.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command reports: sentences for a person, and the same facts as named fields for {@code
 * --json}. Only identifiers, file names and messages go here, never key material.
 */
final class Output {
  private final List<String> lines = new ArrayList<>();
  private final Map<String, Object> fields = new LinkedHashMap<>();

  /** A sentence for the text form only. */
  Output line(String text) {
    lines.add(text);
    return this;
  }

  /** A fact for the JSON form only. */
  Output field(String name, String value) {
    fields.put(name, value);
    return this;
  }

  /** A list of facts for the JSON form only. */
  Output field(String name, List<String> values) {
    fields.put(name, List.copyOf(values));
    return this;
  }

  /** Prints the text form, or the JSON form when {@code json} is set. */
  void print(PrintWriter out, boolean json) {
    if (json) {
      out.println(json());
    } else {
      lines.forEach(out::println);
    }
    out.flush();
  }

  String json() {
    StringBuilder json = new StringBuilder("{");
    String separator = "";
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      json.append(separator).append(quote(field.getKey())).append(": ");
      if (field.getValue() instanceof List<?> values) {
        json.append('[');
        String inner = "";
        for (Object value : values) {
          json.append(inner).append(quote(String.valueOf(value)));
          inner = ", ";
        }
        json.append(']');
      } else {
        json.append(quote(String.valueOf(field.getValue())));
      }
      separator = ", ";
    }
    return json.append('}').toString();
  }

  static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
