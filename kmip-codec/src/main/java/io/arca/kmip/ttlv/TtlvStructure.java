package io.arca.kmip.ttlv;

import io.arca.kmip.ItemType;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A Structure: an ordered list of items. Immutable; the list is copied on construction. */
public record TtlvStructure(int tag, List<Ttlv> items) implements Ttlv {
  public TtlvStructure {
    Ttlv.checkTag(tag);
    items = List.copyOf(items);
  }

  /** A structure of the given items. */
  public static TtlvStructure of(int tag, Ttlv... items) {
    return new TtlvStructure(tag, List.of(items));
  }

  @Override
  public ItemType type() {
    return ItemType.STRUCTURE;
  }

  /** The first direct child with this tag, or null. */
  public @Nullable Ttlv first(int childTag) {
    for (Ttlv item : items) {
      if (item.tag() == childTag) {
        return item;
      }
    }
    return null;
  }

  /** Every direct child with this tag, in order. */
  public List<Ttlv> all(int childTag) {
    List<Ttlv> found = new ArrayList<>();
    for (Ttlv item : items) {
      if (item.tag() == childTag) {
        found.add(item);
      }
    }
    return found;
  }
}
