package io.arca.kmip.ttlv.text;

import io.arca.kmip.ItemType;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBigInteger;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvInterval;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.text.JsonParser.Arr;
import io.arca.kmip.ttlv.text.JsonParser.Bool;
import io.arca.kmip.ttlv.text.JsonParser.Num;
import io.arca.kmip.ttlv.text.JsonParser.Obj;
import io.arca.kmip.ttlv.text.JsonParser.Str;
import io.arca.kmip.ttlv.text.JsonParser.Value;
import io.arca.kmip.ttlv.text.NameTable.EnumNames;
import io.arca.kmip.ttlv.text.RawItem.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The KMIP JSON encoding (KMIP Profiles 2.1 §5.5), both ways: each item an object with {@code tag},
 * {@code type} (omitted for a Structure) and {@code value}; a structure's value is an array of
 * items; masks join their names with {@code |}; 64-bit and big integers that a JavaScript number
 * cannot hold exactly are {@code 0x} hex strings. Strict as {@link KmipXml}.
 */
public final class KmipJson {
  // JavaScript numbers hold integers exactly only below 2^53; the encoding draws the line at 2^52.
  private static final long MAX_PLAIN = 1L << 52;

  private KmipJson() {}

  /** Reads one item with the default options. */
  public static Ttlv read(String json) {
    return read(json, TextOptions.DEFAULTS);
  }

  /** Reads one item. */
  public static Ttlv read(String json, TextOptions options) {
    return read(json, options, StandardNames.INSTANCE);
  }

  static Ttlv read(String json, TextOptions options, NameTable table) {
    // An item nests two JSON levels (object, array) per structure.
    Value value = JsonParser.parse(json, options.maxChars(), 2 * options.maxDepth() + 1);
    RawItem item = raw(value, "", 1, table, options);
    return new TextDecoder(table, options, true).decode(item);
  }

  private static RawItem raw(
      Value value, String parentPath, int depth, NameTable table, TextOptions options) {
    if (!(value instanceof Obj object)) {
      throw malformed("item is not a JSON object", parentPath);
    }
    Map<String, Value> members = object.members();
    for (String key : members.keySet()) {
      if (!key.equals("tag") && !key.equals("type") && !key.equals("value")) {
        throw malformed("unknown member " + XmlReader.shorten(key), parentPath);
      }
    }
    if (!(members.get("tag") instanceof Str tagText)) {
      throw malformed("item has no tag string", parentPath);
    }
    String name = tagText.value();
    int tag;
    if (name.startsWith("0x")) {
      tag = XmlReader.parseTag(name, parentPath);
    } else {
      tag = table.tagCode(name);
      if (tag < 0) {
        throw malformed("unknown tag " + XmlReader.shorten(name), parentPath);
      }
    }
    String path = (parentPath.isEmpty() ? "" : parentPath + "/") + XmlReader.shorten(name);
    Value typeValue = members.get("type");
    ItemType type = ItemType.STRUCTURE;
    if (typeValue != null) {
      type = typeValue instanceof Str s ? ItemType.byXmlName(s.value()) : null;
      if (type == null) {
        throw malformed("unknown type", path);
      }
    }
    Value content = members.get("value");
    if (content == null) {
      throw malformed("item has no value", path);
    }
    if (type == ItemType.STRUCTURE) {
      if (!(content instanceof Arr array)) {
        throw malformed("Structure value is not an array", path);
      }
      if (depth > options.maxDepth()) {
        throw malformed("nesting deeper than " + options.maxDepth(), path);
      }
      List<RawItem> children = new ArrayList<>(array.items().size());
      for (Value child : array.items()) {
        children.add(raw(child, path, depth + 1, table, options));
      }
      return new RawItem(tag, type, "", ValueKind.STRUCTURE, children, path);
    }
    if (content instanceof Str s) {
      return new RawItem(tag, type, s.value(), ValueKind.STRING, List.of(), path);
    } else if (content instanceof Num n) {
      return new RawItem(tag, type, n.literal(), ValueKind.NUMBER, List.of(), path);
    } else if (content instanceof Bool b) {
      return new RawItem(
          tag, type, Boolean.toString(b.value()), ValueKind.BOOLEAN, List.of(), path);
    }
    throw malformed(type.xmlName() + " value is not a string, number or boolean", path);
  }

  private static TtlvException malformed(String detail, String path) {
    return new TtlvException(ResultReason.INVALID_MESSAGE, detail, -1, path);
  }

  /** Writes one item as indented JSON; like the XML form, for tests and tools only. */
  public static String write(Ttlv item) {
    return write(item, StandardNames.INSTANCE);
  }

  static String write(Ttlv item, NameTable table) {
    StringBuilder out = new StringBuilder();
    write(out, item, 0, null, table, "");
    return out.append('\n').toString();
  }

  private static void write(
      StringBuilder out,
      Ttlv item,
      int indent,
      @Nullable String attributeName,
      NameTable table,
      String parentPath) {
    String name = table.tagName(item.tag());
    String tag = name != null ? name : String.format(Locale.ROOT, "0x%06X", item.tag());
    String path = (parentPath.isEmpty() ? "" : parentPath + "/") + tag;
    out.append("  ".repeat(indent)).append("{\"tag\": \"").append(tag).append('"');
    if (item instanceof TtlvStructure structure) {
      out.append(", \"value\": [");
      String childName = TextEncoder.attributeName(structure);
      String separator = "\n";
      for (Ttlv child : structure.items()) {
        out.append(separator);
        write(out, child, indent + 1, childName, table, path);
        separator = ",\n";
      }
      if (!structure.items().isEmpty()) {
        out.append('\n').append("  ".repeat(indent));
      }
      out.append("]}");
      return;
    }
    out.append(", \"type\": \"").append(item.type().xmlName()).append("\", \"value\": ");
    EnumNames names = NameContext.namesFor(table, item.tag(), item.type(), attributeName);
    if (item instanceof TtlvInteger v && names == null) {
      out.append(v.value());
    } else if (item instanceof TtlvInteger v) {
      quote(out, TextValues.formatInteger(v.value(), names, "|"), path);
    } else if (item instanceof TtlvLongInteger v
        && v.value() > -MAX_PLAIN
        && v.value() < MAX_PLAIN) {
      out.append(v.value());
    } else if (item instanceof TtlvLongInteger v) {
      quote(out, TextValues.hex64(v.value()), path);
    } else if (item instanceof TtlvBigInteger v) {
      quote(out, "0x" + TextValues.bigHex(v.value()), path);
    } else if (item instanceof TtlvEnumeration v) {
      quote(out, TextValues.formatEnumeration(v.value(), names), path);
    } else if (item instanceof TtlvBoolean v) {
      out.append(v.value());
    } else if (item instanceof TtlvInterval v) {
      out.append(v.seconds());
    } else if (item instanceof TtlvByteString v) {
      quote(out, TextEncoder.byteHex(v), path);
    } else {
      quote(out, TextEncoder.xmlValue(item, names), path);
    }
    out.append('}');
  }

  private static void quote(StringBuilder out, String value, String path) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1)))) {
        if (Character.isLowSurrogate(c)
            && i > 0
            && Character.isHighSurrogate(value.charAt(i - 1))) {
          out.append(c);
          continue;
        }
        throw new TtlvException(
            ResultReason.INVALID_FIELD, "TextString has a lone surrogate", -1, path);
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
