package io.arca.kmip.ttlv.text;

import io.arca.kmip.ItemType;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBigInteger;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvDateTimeExtended;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvInterval;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.kmip.ttlv.text.NameTable.EnumNames;
import io.arca.kmip.ttlv.text.RawItem.ValueKind;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Turns parsed items into TTLV: interprets each value by its declared type, names enumerations in
 * context, and resolves placeholders. Shared by the XML and JSON readers, which differ only in how
 * a mask separates its names and whether a bare Big Integer string is hex.
 */
final class TextDecoder {
  private final NameTable table;
  private final TextOptions options;
  private final boolean json;

  TextDecoder(NameTable table, TextOptions options, boolean json) {
    this.table = table;
    this.options = options;
    this.json = json;
  }

  Ttlv decode(RawItem item) {
    return decode(item, null);
  }

  private Ttlv decode(RawItem item, @Nullable String attributeName) {
    if (item.type() == ItemType.STRUCTURE) {
      String name = null;
      for (RawItem child : item.children()) {
        if (child.tag() == NameContext.ATTRIBUTE_NAME && child.type() == ItemType.TEXT_STRING) {
          name = child.text();
        }
      }
      List<Ttlv> items = new ArrayList<>(item.children().size());
      for (RawItem child : item.children()) {
        items.add(decode(child, name));
      }
      return new TtlvStructure(item.tag(), items);
    }
    String text = item.text();
    if (text.startsWith("$") && item.kind() == ValueKind.STRING) {
      Ttlv resolved = placeholder(item);
      if (resolved != null) {
        return resolved;
      }
    }
    EnumNames names = NameContext.namesFor(table, item.tag(), item.type(), attributeName);
    return scalar(item, names);
  }

  /** The item a placeholder stands for, or null for a Text String, which keeps it as text. */
  private @Nullable Ttlv placeholder(RawItem item) {
    int tag = item.tag();
    String text = item.text();
    boolean now = text.startsWith("$NOW");
    switch (item.type()) {
      case TEXT_STRING -> {
        return null;
      }
      case DATE_TIME -> {
        if (now) {
          return TtlvDateTime.of(tag, TextValues.parseNow(text, options.now(), item.path()));
        }
      }
      case DATE_TIME_EXTENDED -> {
        if (now) {
          Instant at = TextValues.parseNow(text, options.now(), item.path());
          return new TtlvDateTimeExtended(tag, TextValues.epochMicros(at, item.path()));
        }
      }
      default -> {}
    }
    Ttlv resolved = options.placeholders().resolve(tag, item.type(), text.substring(1));
    if (resolved == null) {
      throw TextValues.invalid(
          "placeholder in a " + item.type().xmlName() + " value is not resolved", item.path());
    }
    if (resolved.tag() != tag || resolved.type() != item.type()) {
      throw new IllegalStateException(
          "placeholder resolved to tag 0x"
              + Integer.toHexString(resolved.tag())
              + " type "
              + resolved.type().xmlName()
              + " (expected: the placeholder's own)");
    }
    return resolved;
  }

  private Ttlv scalar(RawItem item, @Nullable EnumNames names) {
    int tag = item.tag();
    String text = item.text();
    String path = item.path();
    ItemType type = item.type();
    requireKind(item, type);
    return switch (type) {
      case INTEGER ->
          new TtlvInteger(tag, TextValues.parseInteger(text, names, json ? "\\|" : "\\s+", path));
      case LONG_INTEGER ->
          new TtlvLongInteger(tag, TextValues.parseNumber(text, 64, true, "LongInteger", path));
      case BIG_INTEGER -> new TtlvBigInteger(tag, bigInteger(item));
      case ENUMERATION ->
          new TtlvEnumeration(tag, TextValues.parseEnumeration(text, item.kind(), names, path));
      case BOOLEAN -> new TtlvBoolean(tag, bool(item));
      case TEXT_STRING -> new TtlvTextString(tag, text);
      case BYTE_STRING -> byteString(tag, text, path);
      case DATE_TIME -> new TtlvDateTime(tag, TextValues.parseDate(text, false, path));
      case INTERVAL ->
          new TtlvInterval(tag, TextValues.parseNumber(text, 32, false, "Interval", path));
      case DATE_TIME_EXTENDED ->
          new TtlvDateTimeExtended(tag, TextValues.parseDate(text, true, path));
      case STRUCTURE -> throw new IllegalStateException("structure reached scalar decoding");
    };
  }

  private static Ttlv byteString(int tag, String text, String path) {
    byte[] bytes = TextValues.parseHexBytes(text, path);
    try {
      return new TtlvByteString(tag, ByteString.copyOf(bytes));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** JSON numbers and booleans are allowed only where the type can hold them. */
  private static void requireKind(RawItem item, ItemType type) {
    boolean ok =
        switch (item.kind()) {
          case STRING -> true;
          case NUMBER ->
              type == ItemType.INTEGER
                  || type == ItemType.LONG_INTEGER
                  || type == ItemType.BIG_INTEGER
                  || type == ItemType.ENUMERATION
                  || type == ItemType.INTERVAL;
          case BOOLEAN -> type == ItemType.BOOLEAN;
          case STRUCTURE -> false;
        };
    if (!ok) {
      throw new TtlvException(
          ResultReason.INVALID_FIELD,
          type.xmlName() + " value is a JSON " + item.kind().name().toLowerCase(Locale.ROOT),
          -1,
          item.path());
    }
  }

  private BigInteger bigInteger(RawItem item) {
    String text = item.text();
    if (item.kind() == ValueKind.NUMBER) {
      if (!TextValues.isDecimal(text, 4096)) {
        throw TextValues.invalid("BigInteger value is not an integer", item.path());
      }
      return new BigInteger(text);
    }
    boolean prefixed = text.startsWith("0x") || text.startsWith("0X");
    if (json && !prefixed) {
      throw TextValues.invalid("BigInteger string value does not start with 0x", item.path());
    }
    return TextValues.parseBigHex(prefixed ? text.substring(2) : text, item.path());
  }

  private static boolean bool(RawItem item) {
    String text = item.text();
    if (item.kind() == ValueKind.BOOLEAN || !text.startsWith("0x")) {
      if (text.equals("true")) {
        return true;
      }
      if (text.equals("false")) {
        return false;
      }
      throw TextValues.invalid("Boolean value is not true, false or hex 0 or 1", item.path());
    }
    long value = TextValues.parseNumber(text, 64, false, "Boolean", item.path());
    if (value != 0 && value != 1) {
      throw TextValues.invalid("Boolean value is not true, false or hex 0 or 1", item.path());
    }
    return value == 1;
  }
}
