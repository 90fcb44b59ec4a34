package io.arca.server.store;

import io.arca.kmip.ObjectType;
import io.arca.kmip.State;
import io.arca.kmip.attribute.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What Locate asks the store: every non-null field and every attribute match must hold; results
 * come in a stable order, {@code offset} skipped, at most {@code limit} returned. Attribute values
 * are matched by their search text ({@link AttributeRows#searchText}); finer comparisons (date
 * ranges, masks) are the handler's, on the records it reads back.
 */
public record ObjectQuery(
    @Nullable String owner,
    @Nullable ObjectType objectType,
    @Nullable State state,
    List<Match> attributes,
    int offset,
    int limit) {

  public ObjectQuery {
    attributes = List.copyOf(attributes);
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException(
          "offset: " + offset + ", limit: " + limit + " (expected: offset >= 0, limit >= 1)");
    }
  }

  /** Everything, the first {@code limit} objects. */
  public static ObjectQuery all(int limit) {
    return new ObjectQuery(null, null, null, List.of(), 0, limit);
  }

  public ObjectQuery withOwner(String newOwner) {
    return new ObjectQuery(newOwner, objectType, state, attributes, offset, limit);
  }

  public ObjectQuery withType(ObjectType newType) {
    return new ObjectQuery(owner, newType, state, attributes, offset, limit);
  }

  public ObjectQuery withState(State newState) {
    return new ObjectQuery(owner, objectType, newState, attributes, offset, limit);
  }

  /** Adds a match: the object has {@code attribute} with this value (any index). */
  public ObjectQuery withAttribute(Attribute attribute) {
    List<Match> more = new ArrayList<>(attributes);
    more.add(
        new Match(
            AttributeRows.columnName(attribute.reference()),
            Objects.requireNonNull(
                AttributeRows.searchText(attribute.value()),
                "this attribute's values cannot be searched by text")));
    return new ObjectQuery(owner, objectType, state, more, offset, limit);
  }

  /** A stored attribute column name and search text. */
  public record Match(String name, String text) {
    public Match {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(text, "text");
    }
  }
}
