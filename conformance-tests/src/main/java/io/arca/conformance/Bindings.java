package io.arca.conformance;

import io.arca.kmip.ItemType;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.kmip.ttlv.text.Placeholders;
import io.arca.kmip.ttlv.text.TextOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The placeholders of one test case ({@code $UNIQUE_IDENTIFIER_0}, {@code $IV_COUNTER_NONCE},
 * {@code $NOW-3600} and the like) and what the server answered for them.
 *
 * <p>The XML reader keeps {@code $NAME} in Text Strings as text; in Byte Strings it asks a {@link
 * Placeholders}, so this class marks them with a sentinel value; {@code $NOW} is read against a
 * fixed instant far in the future, so every date at or near it is known to be relative to now. A
 * response binds a name to the value the server chose; a later request gets that value.
 */
final class Bindings {
  /**
   * What {@code $NOW} means while reading: 2100-01-01, later than every literal date in the files.
   */
  static final Instant READ_NOW = Instant.ofEpochSecond(4_102_444_800L);

  /** Offsets from {@code $NOW} in the files stay well within this many seconds. */
  private static final long MAX_OFFSET = 10L * 365 * 24 * 3600;

  private static final byte[] SENTINEL = "\0arca-placeholder:".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern TEXT_PLACEHOLDER = Pattern.compile("\\$[A-Z][A-Z0-9_]*");

  private final Map<String, Ttlv> values = new HashMap<>();
  private final Map<Integer, Ttlv> lastBytesByTag = new HashMap<>();
  private final Set<Long> sentDates = new HashSet<>();
  private final Map<ByteString, TtlvByteString> outputs = new HashMap<>();

  /** The options to read a test-case file with. */
  static TextOptions readOptions() {
    Placeholders marker =
        (tag, type, name) ->
            type == ItemType.BYTE_STRING ? TtlvByteString.of(tag, sentinel(name)) : null;
    return TextOptions.DEFAULTS.withNow(READ_NOW).withPlaceholders(marker);
  }

  private static byte[] sentinel(String name) {
    byte[] suffix = name.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[SENTINEL.length + suffix.length];
    System.arraycopy(SENTINEL, 0, bytes, 0, SENTINEL.length);
    System.arraycopy(suffix, 0, bytes, SENTINEL.length, suffix.length);
    return bytes;
  }

  /** The placeholder name an item read from a file stands for, or null if it is a plain value. */
  static @Nullable String placeholder(Ttlv item) {
    if (item instanceof TtlvTextString text && TEXT_PLACEHOLDER.matcher(text.value()).matches()) {
      return text.value().substring(1);
    }
    if (item instanceof TtlvByteString bytes && startsWithSentinel(bytes.value())) {
      byte[] all = bytes.value().toByteArray();
      return new String(all, SENTINEL.length, all.length - SENTINEL.length, StandardCharsets.UTF_8);
    }
    return null;
  }

  private static boolean startsWithSentinel(ByteString value) {
    if (value.length() < SENTINEL.length) {
      return false;
    }
    for (int i = 0; i < SENTINEL.length; i++) {
      if (value.byteAt(i) != SENTINEL[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The offset in seconds from {@code $NOW} of a date read from a file, or null for a literal date.
   */
  static @Nullable Long nowOffset(TtlvDateTime date) {
    long offset = date.epochSeconds() - READ_NOW.getEpochSecond();
    return Math.abs(offset) <= MAX_OFFSET ? offset : null;
  }

  /** Whether a request of the case so far carried this literal date. */
  boolean sent(TtlvDateTime date) {
    return sentDates.contains(date.epochSeconds());
  }

  /** The value bound to a name, or null. */
  @Nullable Ttlv get(String name) {
    return values.get(name);
  }

  /** Binds a name to what the server answered. */
  void bind(String name, Ttlv value) {
    values.put(name, value);
  }

  /**
   * Remembers the Byte Strings of a response by tag: some files use a name in a request ({@code
   * $MAC_DATA}, {@code $DATA_0}) for a value the previous response holds as a literal, so an
   * unbound byte-string name means the latest value of its tag.
   */
  void remember(Ttlv response) {
    if (response instanceof TtlvStructure structure) {
      for (Ttlv child : structure.items()) {
        remember(child);
      }
    } else if (response instanceof TtlvByteString) {
      lastBytesByTag.put(response.tag(), response);
    }
  }

  /**
   * Remembers that the server answered {@code actual} where the file recorded {@code expected}, an
   * output that depends on a key or IV the server chose (Relaxation.OUTPUT_OF_SERVER_CHOICE). The
   * files feed such outputs to later requests as literals (CS-BC-M-3 decrypts the ciphertext the
   * Encrypt before it returned): those requests get the server's own output instead, so that the
   * round trip is checked rather than skipped.
   */
  void rememberOutput(TtlvByteString expected, TtlvByteString actual) {
    outputs.put(expected.value(), actual);
  }

  /** Whether {@code value} is an output of the server's that a request was given back. */
  boolean isServerOutput(ByteString value) {
    for (TtlvByteString output : outputs.values()) {
      if (output.value().equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** A copy of the current bindings, to restore if a tentative match fails. */
  Map<String, Ttlv> snapshot() {
    return new HashMap<>(values);
  }

  /** Puts back a snapshot. */
  void restore(Map<String, Ttlv> snapshot) {
    values.clear();
    values.putAll(snapshot);
  }

  /**
   * A request from the file made ready to send: bound placeholders replaced by their values, and
   * {@code $NOW}-relative dates by dates relative to {@code now}. An unbound placeholder is sent as
   * written (the server will then refuse it, and the response will not match).
   */
  Ttlv resolve(Ttlv item, Instant now) {
    if (item instanceof TtlvStructure structure) {
      List<Ttlv> items = new ArrayList<>(structure.items().size());
      for (Ttlv child : structure.items()) {
        items.add(resolve(child, now));
      }
      return new TtlvStructure(structure.tag(), items);
    }
    if (item instanceof TtlvDateTime date) {
      Long offset = nowOffset(date);
      if (offset == null) {
        sentDates.add(date.epochSeconds());
        return date;
      }
      return new TtlvDateTime(date.tag(), now.getEpochSecond() + offset);
    }
    TtlvByteString output =
        item instanceof TtlvByteString bytes ? outputs.get(bytes.value()) : null;
    if (output != null) {
      return retag(output, item.tag());
    }
    String name = placeholder(item);
    if (name != null) {
      Ttlv bound = values.get(name);
      if (bound == null && item instanceof TtlvByteString) {
        bound = lastBytesByTag.get(item.tag());
      }
      if (bound != null && bound.type() == item.type()) {
        return retag(bound, item.tag());
      }
    }
    return item;
  }

  private static Ttlv retag(Ttlv value, int tag) {
    if (value.tag() == tag) {
      return value;
    }
    if (value instanceof TtlvTextString text) {
      return new TtlvTextString(tag, text.value());
    }
    if (value instanceof TtlvByteString bytes) {
      return new TtlvByteString(tag, bytes.value());
    }
    return value;
  }
}
