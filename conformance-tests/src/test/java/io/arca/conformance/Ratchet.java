package io.arca.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A checked-in list of names (one per line, {@code #} comments) of cases that pass: a listed case
 * that fails breaks the build, an unlisted one that fails is only reported, and an unlisted one
 * that passes is announced so that it joins the list in the same commit.
 */
final class Ratchet {
  private final String resource;
  private final Set<String> passing;

  private Ratchet(String resource, Set<String> passing) {
    this.resource = resource;
    this.passing = passing;
  }

  /** The list in this classpath resource. */
  static Ratchet load(String resource) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    try (InputStream in = Ratchet.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing ratchet list " + resource);
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
    }
    return new Ratchet(resource, names);
  }

  boolean listed(String name) {
    return passing.contains(name);
  }

  Set<String> names() {
    return passing;
  }

  /** The message for a case that passes but is not listed yet. */
  String announce(String name) {
    return name + " now passes: add it to src/test/resources" + resource;
  }
}
