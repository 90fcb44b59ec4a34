package io.arca.kmip.attribute;

import io.arca.kmip.ttlv.TtlvStructure;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An ordered, immutable list of attributes, the content of a 1.x Template-Attribute or a 2.x
 * Attributes structure. {@code templateNames} holds the Names of templates a 1.x request refers to
 * (deprecated in 1.x, dropped in 2.x); they are kept so that a handler can refuse them rather than
 * silently ignore them. It is always empty for 2.x.
 */
public record Attributes(List<Attribute> items, List<TtlvStructure> templateNames) {
  /** No attributes and no template names. */
  public static final Attributes EMPTY = new Attributes(List.of(), List.of());

  public Attributes {
    items = List.copyOf(items);
    templateNames = List.copyOf(templateNames);
  }

  /** These attributes, with no template names. */
  public static Attributes of(Attribute... items) {
    return new Attributes(List.of(items), List.of());
  }

  /** The first instance of the attribute, or null. */
  public @Nullable Attribute first(AttributeReference reference) {
    for (Attribute item : items) {
      if (item.reference().equals(reference)) {
        return item;
      }
    }
    return null;
  }

  /** The first instance of the standard attribute with this tag, or null. */
  public @Nullable Attribute first(int tag) {
    return first(new AttributeReference.Tagged(tag));
  }

  /** Every instance of the attribute, in order. */
  public List<Attribute> all(AttributeReference reference) {
    List<Attribute> found = new ArrayList<>();
    for (Attribute item : items) {
      if (item.reference().equals(reference)) {
        found.add(item);
      }
    }
    return found;
  }

  /** Every instance of the standard attribute with this tag, in order. */
  public List<Attribute> all(int tag) {
    return all(new AttributeReference.Tagged(tag));
  }

  /** The first instance of a custom attribute by its 1.x name, such as "x-ID", or null. */
  public @Nullable Attribute custom(String name) {
    return first(AttributeReference.fromName(name));
  }

  /** True if there are no attributes and no template names. */
  public boolean isEmpty() {
    return items.isEmpty() && templateNames.isEmpty();
  }
}
