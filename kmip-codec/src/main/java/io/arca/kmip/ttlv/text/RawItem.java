package io.arca.kmip.ttlv.text;

import io.arca.kmip.ItemType;
import java.util.List;

/**
 * One item as a text form spells it, before its value is interpreted: the XML and JSON parsers
 * produce these, and {@link TextDecoder} turns them into TTLV once the siblings that name an
 * Attribute Value are known.
 *
 * @param text the value as written; empty for a structure
 * @param kind how the value was written (a JSON number is decimal, a string may be hex)
 * @param path the tag path, for error messages
 */
record RawItem(
    int tag, ItemType type, String text, ValueKind kind, List<RawItem> children, String path) {
  RawItem {
    children = List.copyOf(children);
  }

  /** How a value was written. */
  enum ValueKind {
    STRING,
    NUMBER,
    BOOLEAN,
    STRUCTURE
  }
}
