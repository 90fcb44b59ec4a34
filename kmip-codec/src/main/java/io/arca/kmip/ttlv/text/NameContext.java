package io.arca.kmip.ttlv.text;

import io.arca.kmip.ItemType;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.text.NameTable.EnumNames;
import org.jspecify.annotations.Nullable;

/**
 * Which names an Integer or Enumeration item takes where it stands. Most tags name their own
 * values; a 1.x Attribute Value takes those of the attribute its sibling Attribute Name names, and
 * a 2.x Attribute Reference in Enumeration form holds a tag.
 */
final class NameContext {
  static final int ATTRIBUTE_NAME = Tag.ATTRIBUTE_NAME.code();
  static final int ATTRIBUTE_VALUE = Tag.ATTRIBUTE_VALUE.code();
  static final int ATTRIBUTE_REFERENCE = Tag.ATTRIBUTE_REFERENCE.code();

  private NameContext() {}

  /**
   * The names for an item of this tag and type, given the text of the Attribute Name beside it (if
   * any), or null when its values are written as numbers.
   */
  static @Nullable EnumNames namesFor(
      NameTable table, int tag, ItemType type, @Nullable String attributeName) {
    if (type != ItemType.INTEGER && type != ItemType.ENUMERATION) {
      return null;
    }
    int lookup = tag;
    if (tag == ATTRIBUTE_VALUE) {
      lookup = attributeName == null ? -1 : table.tagCodeBySpecName(attributeName);
    } else if (tag == ATTRIBUTE_REFERENCE && type == ItemType.ENUMERATION) {
      return new TagNames(table);
    }
    EnumNames names = lookup < 0 ? null : table.enumeration(lookup);
    if (names == null || names.isMask() != (type == ItemType.INTEGER)) {
      return null;
    }
    return names;
  }

  /** Tags named as enumeration values, as Attribute Reference holds them. */
  private record TagNames(NameTable table) implements EnumNames {
    @Override
    public boolean isMask() {
      return false;
    }

    @Override
    public @Nullable String name(int value) {
      return table.tagName(value);
    }

    @Override
    public @Nullable Integer value(String name) {
      int code = table.tagCode(name);
      return code < 0 ? null : code;
    }
  }
}
