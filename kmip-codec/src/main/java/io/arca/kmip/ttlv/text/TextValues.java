package io.arca.kmip.ttlv.text;

import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.text.NameTable.EnumNames;
import io.arca.kmip.ttlv.text.RawItem.ValueKind;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The scalar spellings both text forms share: decimal and {@code 0x} hex numbers, enumeration and
 * mask names, ISO 8601 date-times, hex byte strings and big integers. Errors name the type and the
 * path but never repeat the value, which may be secret.
 */
final class TextValues {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx", Locale.ROOT);
  // Years 0000-9999 print in the four-digit ISO form; anything else is written in hex.
  private static final long MIN_ISO_SECONDS = -62_167_219_200L;
  private static final long MAX_ISO_SECONDS = 253_402_300_799L;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private TextValues() {}

  static TtlvException invalid(String detail, String path) {
    return new TtlvException(ResultReason.INVALID_FIELD, detail, -1, path);
  }

  // ---- numbers

  /** A 32-bit Integer: decimal, {@code 0x} hex of up to 8 digits, or mask names and hex parts. */
  static int parseInteger(String text, @Nullable EnumNames names, String separator, String path) {
    if (names == null) {
      return (int) parseNumber(text, 32, true, "Integer", path);
    }
    String[] parts = text.trim().split(separator, -1);
    int mask = 0;
    for (String raw : parts) {
      String part = raw.trim();
      if (part.isEmpty()) {
        throw invalid("Integer mask has an empty part", path);
      }
      Integer bit = names.value(part);
      if (bit != null) {
        mask |= bit;
      } else if (startsNumeric(part)) {
        mask |= (int) parseNumber(part, 32, true, "Integer", path);
      } else {
        throw invalid("Integer mask has an unknown name", path);
      }
    }
    return mask;
  }

  private static boolean startsNumeric(String part) {
    char c = part.charAt(0);
    return (c >= '0' && c <= '9') || c == '-';
  }

  /**
   * A number of {@code bits} bits: {@code 0x} hex (at most bits/4 digits, read as two's complement
   * when signed) or decimal (within the signed or unsigned range).
   */
  static long parseNumber(String text, int bits, boolean signed, String type, String path) {
    if (text.startsWith("0x") || text.startsWith("0X")) {
      String digits = text.substring(2);
      if (digits.isEmpty() || digits.length() > bits / 4 || !isHex(digits)) {
        throw invalid(type + " hex value is not 1-" + bits / 4 + " hex digits", path);
      }
      long value = Long.parseUnsignedLong(digits, 16);
      return signed && bits < 64 ? signExtend(value, bits) : value;
    }
    if (!isDecimal(text)) {
      throw invalid(type + " value is not a number", path);
    }
    long min = signed ? -(1L << (bits - 1)) : 0;
    long max = signed ? (1L << (bits - 1)) - 1 : (1L << bits) - 1;
    try {
      long value = Long.parseLong(text);
      if (bits < 64 && (value < min || value > max)) {
        throw invalid(type + " value out of range (expected: " + min + ".." + max + ")", path);
      }
      return value;
    } catch (NumberFormatException e) {
      throw invalid(type + " value out of range", path);
    }
  }

  private static long signExtend(long value, int bits) {
    return (value << (64 - bits)) >> (64 - bits);
  }

  private static boolean isDecimal(String text) {
    return isDecimal(text, 20);
  }

  /** Whether the text is an optional minus and 1..maxLength-1 decimal digits. */
  static boolean isDecimal(String text, int maxLength) {
    int start = text.startsWith("-") ? 1 : 0;
    if (text.length() == start || text.length() > maxLength) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  static boolean isHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** An Enumeration: a name, {@code 0x} hex, or (in JSON) a non-negative decimal number. */
  static int parseEnumeration(String text, ValueKind kind, @Nullable EnumNames names, String path) {
    if (kind == ValueKind.NUMBER) {
      return (int) parseNumber(text, 32, false, "Enumeration", path);
    }
    if (text.startsWith("0x") || text.startsWith("0X")) {
      return (int) parseNumber(text, 32, false, "Enumeration", path);
    }
    Integer value = names == null ? null : names.value(text);
    if (value == null) {
      throw invalid(
          names == null
              ? "Enumeration value is a name but the tag has no named values"
              : "Enumeration value has an unknown name",
          path);
    }
    return value;
  }

  /** A Big Integer from hex digits, two's complement, big-endian; an empty value is zero. */
  static BigInteger parseBigHex(String digits, String path) {
    if (digits.length() % 2 != 0 || !isHex(digits)) {
      throw invalid("BigInteger value is not an even number of hex digits", path);
    }
    return digits.isEmpty() ? BigInteger.ZERO : new BigInteger(parseHexBytes(digits, path));
  }

  /** The bytes of an even-length hex string. */
  static byte[] parseHexBytes(String digits, String path) {
    if (digits.length() % 2 != 0) {
      throw invalid("ByteString value is not an even number of hex digits", path);
    }
    byte[] bytes = new byte[digits.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      int hi = Character.digit(digits.charAt(2 * i), 16);
      int lo = Character.digit(digits.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw invalid("ByteString value is not hex", path);
      }
      bytes[i] = (byte) (hi << 4 | lo);
    }
    return bytes;
  }

  // ---- dates

  /** A Date-Time (seconds) or Date-Time Extended (microseconds) in ISO 8601 with an offset. */
  static long parseDate(String text, boolean micros, String path) {
    String type = micros ? "DateTimeExtended" : "DateTime";
    if (text.startsWith("0x") || text.startsWith("0X")) {
      return parseNumber(text, 64, true, type, path);
    }
    try {
      Instant instant = OffsetDateTime.parse(text).toInstant();
      int nanos = instant.getNano();
      if (micros) {
        if (nanos % 1000 != 0) {
          throw invalid(type + " value is finer than a microsecond", path);
        }
        return epochMicros(instant, path);
      }
      if (nanos != 0) {
        throw invalid(type + " value has a fraction of a second", path);
      }
      return instant.getEpochSecond();
    } catch (DateTimeException e) {
      throw invalid(type + " value is not an ISO 8601 date-time with an offset", path);
    }
  }

  /** Microseconds since the epoch, or Invalid Field where they overflow 64 bits. */
  static long epochMicros(Instant instant, String path) {
    try {
      long seconds = instant.getEpochSecond();
      return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), instant.getNano() / 1000);
    } catch (ArithmeticException e) {
      throw invalid("DateTimeExtended value out of range", path);
    }
  }

  /** {@code $NOW}, {@code $NOW+n} or {@code $NOW-n} (seconds) against the reader's clock. */
  static Instant parseNow(String text, @Nullable Instant now, String path) {
    if (now == null) {
      throw invalid("$NOW placeholder but the reader has no clock", path);
    }
    if (text.equals("$NOW")) {
      return now;
    }
    char sign = text.length() > 4 ? text.charAt(4) : ' ';
    String digits = text.substring(Math.min(5, text.length()));
    if ((sign != '+' && sign != '-') || digits.isEmpty() || !isDecimal(digits)) {
      throw invalid("DateTime placeholder is not $NOW, $NOW+n or $NOW-n", path);
    }
    long seconds = parseNumber(digits, 32, false, "DateTime offset", path);
    try {
      return sign == '+' ? now.plusSeconds(seconds) : now.minusSeconds(seconds);
    } catch (DateTimeException | ArithmeticException e) {
      throw invalid("DateTime placeholder out of range", path);
    }
  }

  static String formatDateTime(long epochSeconds) {
    if (epochSeconds < MIN_ISO_SECONDS || epochSeconds > MAX_ISO_SECONDS) {
      return hex64(epochSeconds);
    }
    return SECONDS.format(Instant.ofEpochSecond(epochSeconds).atOffset(ZoneOffset.UTC));
  }

  static String formatDateTimeExtended(long epochMicros) {
    long seconds = Math.floorDiv(epochMicros, 1_000_000L);
    if (seconds < MIN_ISO_SECONDS || seconds > MAX_ISO_SECONDS) {
      return hex64(epochMicros);
    }
    Instant instant = Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS);
    return MICROS.format(instant.atOffset(ZoneOffset.UTC));
  }

  // ---- formatting

  /** An Integer, as mask names (and a hex rest) where the tag has a mask, else decimal. */
  static String formatInteger(int value, @Nullable EnumNames names, String separator) {
    if (names == null || value == 0) {
      return Integer.toString(value);
    }
    List<String> parts = new ArrayList<>();
    int rest = value;
    for (int bit = 0; bit < 32; bit++) {
      int flag = 1 << bit;
      String name = (value & flag) == 0 ? null : names.name(flag);
      if (name != null) {
        parts.add(name);
        rest &= ~flag;
      }
    }
    if (rest != 0) {
      parts.add(hex32(rest));
    }
    return String.join(separator, parts);
  }

  /** An Enumeration by name, or {@code 0x} and eight hex digits where it has none. */
  static String formatEnumeration(int value, @Nullable EnumNames names) {
    String name = names == null ? null : names.name(value);
    return name != null ? name : hex32(value);
  }

  static String hex32(int value) {
    return String.format(Locale.ROOT, "0x%08X", value);
  }

  static String hex64(long value) {
    return String.format(Locale.ROOT, "0x%016X", value);
  }

  /** Lower-case hex of the bytes. */
  static String hexBytes(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
      out[2 * i + 1] = HEX[bytes[i] & 0xF];
    }
    return new String(out);
  }

  /**
   * A Big Integer's two's complement bytes, sign-extended to a multiple of eight as on the wire.
   */
  static String bigHex(BigInteger value) {
    byte[] minimal = value.toByteArray();
    int length = (minimal.length + 7) / 8 * 8;
    byte[] padded = new byte[length];
    byte fill = value.signum() < 0 ? (byte) 0xFF : 0;
    for (int i = 0; i < length - minimal.length; i++) {
      padded[i] = fill;
    }
    System.arraycopy(minimal, 0, padded, length - minimal.length, minimal.length);
    return hexBytes(padded);
  }
}
