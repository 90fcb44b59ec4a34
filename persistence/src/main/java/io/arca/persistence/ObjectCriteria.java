package io.arca.persistence;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to look for: every non-null field and every attribute match must hold (AND); results come
 * ordered by uid, {@code offset} rows skipped, at most {@code limit} returned.
 */
public record ObjectCriteria(
    @Nullable String owner,
    @Nullable String objectType,
    @Nullable String state,
    List<AttributeMatch> attributes,
    int offset,
    int limit) {

  public ObjectCriteria {
    attributes = List.copyOf(attributes);
    if (offset < 0) {
      throw new IllegalArgumentException("offset: " + offset + " (expected: >= 0)");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit: " + limit + " (expected: >= 1)");
    }
  }

  /** Matches everything, first {@code limit} objects. */
  public static ObjectCriteria all(int limit) {
    return new ObjectCriteria(null, null, null, List.of(), 0, limit);
  }

  public ObjectCriteria withOwner(String newOwner) {
    return new ObjectCriteria(newOwner, objectType, state, attributes, offset, limit);
  }

  public ObjectCriteria withType(String newType) {
    return new ObjectCriteria(owner, newType, state, attributes, offset, limit);
  }

  public ObjectCriteria withState(String newState) {
    return new ObjectCriteria(owner, objectType, newState, attributes, offset, limit);
  }

  public ObjectCriteria withOffset(int newOffset) {
    return new ObjectCriteria(owner, objectType, state, attributes, newOffset, limit);
  }

  /** Adds a match on an attribute's text value (any index). */
  public ObjectCriteria withAttribute(String name, String text) {
    var list = new java.util.ArrayList<>(attributes);
    list.add(new AttributeMatch(name, text));
    return new ObjectCriteria(owner, objectType, state, list, offset, limit);
  }

  /** An object has an attribute called {@code name} with this text value. */
  public record AttributeMatch(String name, String text) {
    public AttributeMatch {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(text, "text");
    }
  }
}
