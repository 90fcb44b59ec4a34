package io.arca.kmip.ttlv.text;

import io.arca.kmip.ItemType;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Writes TTLV in the KMIP XML encoding, indented by two spaces as the OASIS test cases are: one
 * element per item, named by tag ({@code <TTLV tag="0x540001">} where the tag has no name).
 */
final class XmlWriter {
  private final NameTable table;
  private final StringBuilder out = new StringBuilder();

  XmlWriter(NameTable table) {
    this.table = table;
  }

  XmlWriter item(Ttlv item, int indent) {
    write(item, indent, null, "");
    return this;
  }

  XmlWriter raw(String text) {
    out.append(text);
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void write(Ttlv item, int indent, @Nullable String attributeName, String parentPath) {
    String name = table.tagName(item.tag());
    String path = (parentPath.isEmpty() ? "" : parentPath + "/") + (name == null ? "TTLV" : name);
    out.append("  ".repeat(indent)).append('<');
    if (name == null) {
      out.append("TTLV tag=\"")
          .append(String.format(Locale.ROOT, "0x%06X", item.tag()))
          .append('"');
    } else {
      out.append(name);
    }
    if (item instanceof TtlvStructure structure) {
      if (structure.items().isEmpty()) {
        out.append("/>\n");
        return;
      }
      out.append(">\n");
      String childAttributeName = TextEncoder.attributeName(structure);
      for (Ttlv child : structure.items()) {
        write(child, indent + 1, childAttributeName, path);
      }
      out.append("  ".repeat(indent))
          .append("</")
          .append(name == null ? "TTLV" : name)
          .append(">\n");
      return;
    }
    ItemType type = item.type();
    String value =
        TextEncoder.xmlValue(item, NameContext.namesFor(table, item.tag(), type, attributeName));
    out.append(" type=\"").append(type.xmlName()).append("\" value=\"");
    escape(value, path);
    out.append("\"/>\n");
  }

  /** Escapes an attribute value; whitespace other than space is kept as character references. */
  private void escape(String value, String path) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\t' -> out.append("&#9;");
        case '\n' -> out.append("&#10;");
        case '\r' -> out.append("&#13;");
        default -> {
          if (!isXmlChar(value, i)) {
            throw new TtlvException(
                ResultReason.INVALID_FIELD,
                "TextString has a character XML 1.0 cannot carry",
                -1,
                path);
          }
          out.append(c);
        }
      }
    }
  }

  private static boolean isXmlChar(String value, int i) {
    char c = value.charAt(i);
    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
      return false;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
    return true;
  }
}
