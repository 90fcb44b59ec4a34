package io.arca.kmip.ttlv.text;

import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.TtlvException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small, strict JSON parser (RFC 8259) for the KMIP JSON encoding: no comments, no trailing
 * commas, no duplicate keys, no lone surrogates, bounded depth and length. Errors say where, never
 * what was there.
 */
final class JsonParser {
  /** A parsed JSON value. Numbers keep their literal text, so no precision is lost. */
  sealed interface Value permits Obj, Arr, Str, Num, Bool, Null {}

  record Obj(Map<String, Value> members) implements Value {}

  record Arr(List<Value> items) implements Value {}

  record Str(String value) implements Value {}

  record Num(String literal) implements Value {}

  record Bool(boolean value) implements Value {}

  record Null() implements Value {}

  private final String text;
  private final int maxDepth;
  private int pos;

  private JsonParser(String text, int maxDepth) {
    this.text = text;
    this.maxDepth = maxDepth;
  }

  /** Parses one JSON document. */
  static Value parse(String text, int maxChars, int maxDepth) {
    if (text.length() > maxChars) {
      throw new TtlvException(
          ResultReason.INVALID_MESSAGE,
          "JSON input of " + text.length() + " characters is too long");
    }
    JsonParser parser = new JsonParser(text, maxDepth);
    parser.skipSpace();
    Value value = parser.value(0);
    parser.skipSpace();
    if (parser.pos != text.length()) {
      throw parser.error("text after the JSON value");
    }
    return value;
  }

  private Value value(int depth) {
    if (pos >= text.length()) {
      throw error("JSON ends early");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object(depth + 1);
      case '[' -> array(depth + 1);
      case '"' -> new Str(string());
      case 't' -> literal("true", new Bool(true));
      case 'f' -> literal("false", new Bool(false));
      case 'n' -> literal("null", new Null());
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected character");
      }
    };
  }

  private Value object(int depth) {
    checkDepth(depth);
    pos++;
    Map<String, Value> members = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return new Obj(members);
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("expected a member name");
      }
      String key = string();
      skipSpace();
      expect(':');
      skipSpace();
      if (members.put(key, value(depth)) != null) {
        throw error("duplicate member name");
      }
      skipSpace();
      if (peek() == ',') {
        pos++;
      } else {
        expect('}');
        return new Obj(members);
      }
    }
  }

  private Value array(int depth) {
    checkDepth(depth);
    pos++;
    List<Value> items = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      pos++;
      return new Arr(items);
    }
    while (true) {
      skipSpace();
      items.add(value(depth));
      skipSpace();
      if (peek() == ',') {
        pos++;
      } else {
        expect(']');
        return new Arr(items);
      }
    }
  }

  private void checkDepth(int depth) {
    if (depth > maxDepth) {
      throw error("JSON nesting deeper than " + maxDepth);
    }
  }

  private String string() {
    pos++;
    String plain = plainString();
    return plain != null ? plain : escapedString();
  }

  /**
   * The string at {@code pos} when it holds no escape, control character or surrogate, as nearly
   * all do, or null (then nothing is consumed). The scan stops at the closing quote found first, so
   * it tests no position against the length: a fuzzer traces every comparison of two variables, and
   * such a test per character made strings most of the JSON fuzz target's time.
   */
  private @Nullable String plainString() {
    int close = text.indexOf('"', pos);
    if (close < 0) {
      return null;
    }
    int end = pos;
    char c = text.charAt(end);
    while (c != '"') {
      if (c < 0x20 || c == '\\' || Character.isSurrogate(c)) {
        return null;
      }
      c = text.charAt(++end);
    }
    String value = text.substring(pos, end);
    pos = end + 1;
    return value;
  }

  private String escapedString() {
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        break;
      }
      if (c < 0x20) {
        throw error("control character in a string");
      }
      if (c == '\\') {
        out.append(escape());
      } else {
        out.append(c);
      }
    }
    String value = out.toString();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          ? i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(++i))
          : Character.isLowSurrogate(c)) {
        throw error("lone surrogate in a string");
      }
    }
    return value;
  }

  private char escape() {
    if (pos >= text.length()) {
      throw error("unterminated string");
    }
    char c = text.charAt(pos++);
    return switch (c) {
      case '"' -> '"';
      case '\\' -> '\\';
      case '/' -> '/';
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> {
        if (pos + 4 > text.length() || !TextValues.isHex(text.substring(pos, pos + 4))) {
          throw error("bad \\u escape");
        }
        char decoded = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
        pos += 4;
        yield decoded;
      }
      default -> throw error("bad escape");
    };
  }

  private Value number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw error("bad number");
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        throw error("bad number");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw error("bad number");
      }
      digits();
    }
    return new Num(text.substring(start, pos));
  }

  private void digits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private Value literal(String word, Value value) {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected character");
    }
    pos += word.length();
    return value;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private TtlvException error(String detail) {
    return new TtlvException(ResultReason.INVALID_MESSAGE, detail + " at character " + pos);
  }
}
