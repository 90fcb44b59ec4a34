package io.arca.persistence;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One stored attribute value of an object: a name, the index among values of that name, and the
 * value as text (searchable) and/or bytes. The module does not interpret names or values.
 */
public record ObjectAttribute(String name, int index, @Nullable String text, @Nullable Blob bytes) {
  public ObjectAttribute {
    Objects.requireNonNull(name, "name");
    if (index < 0) {
      throw new IllegalArgumentException("attribute index: " + index + " (expected: >= 0)");
    }
    if (text == null && bytes == null) {
      throw new IllegalArgumentException("attribute " + name + " has neither text nor bytes");
    }
  }

  /** A text-valued attribute. */
  public static ObjectAttribute text(String name, int index, String text) {
    return new ObjectAttribute(name, index, text, null);
  }
}
