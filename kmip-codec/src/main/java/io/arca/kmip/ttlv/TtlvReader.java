package io.arca.kmip.ttlv;

import io.arca.kmip.ItemType;
import io.arca.kmip.ResultReason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads one binary TTLV item (KMIP 1.4 §9.1.1) strictly and within {@link DecodeLimits}, in one
 * pass over the frame with absolute getters; the frame's indices are left untouched.
 *
 * <p>Every rejection is a {@link TtlvException} with Result Reason {@link
 * ResultReason#INVALID_MESSAGE}: this reader judges only the encoding, and KMIP's reason for a
 * request the server could not parse is Invalid Message. Exceeded limits (size, depth, item count)
 * use it too, because KMIP has no reason for "request too large" and the message is refused before
 * it is understood. Invalid Field is left to the typed layer, which knows what a tag's value means.
 * The exception gives the offset of the offending item's header from the frame's reader index and
 * the tag path (hex tags, outermost first, ending with the item's own tag once it has been read).
 *
 * <p>No length read off the wire sizes an allocation before it has been checked against the bytes
 * actually present, and byte strings are copied exactly once, so the caller may zero and release
 * the frame as soon as this returns.
 */
public final class TtlvReader {
  private static final long NON_ASCII = 0x8080_8080_8080_8080L;

  private final ByteBuf buf;
  private final int start;
  private final int end;
  private final DecodeLimits limits;

  /**
   * The structures being read, outermost first, three ints each: tag, end index, and where their
   * children start in {@link #children}. Flat arrays rather than an object per structure keep the
   * garbage down to what the caller gets back.
   */
  private int[] open = new int[3 * 8];

  /** How many structures are open. */
  private int depth;

  /** The children read so far of every open structure, in order. */
  private Ttlv[] children = new Ttlv[16];

  private int childCount;

  /** The buffer index of the next item header. */
  private int pos;

  private TtlvReader(ByteBuf buf, DecodeLimits limits) {
    this.buf = buf;
    this.start = buf.readerIndex();
    this.end = buf.writerIndex();
    this.limits = limits;
    this.pos = start;
  }

  /** Reads the one item that fills the readable bytes of {@code frame}. */
  public static Ttlv read(ByteBuf frame, DecodeLimits limits) {
    return new TtlvReader(frame, limits).readMessage();
  }

  /** Reads the one item that fills {@code bytes}. */
  public static Ttlv read(byte[] bytes, DecodeLimits limits) {
    return read(Unpooled.wrappedBuffer(bytes), limits);
  }

  private Ttlv readMessage() {
    int size = end - start;
    if (size > limits.maxMessageBytes()) {
      throw fail(
          "message size: " + size + " bytes (expected: <= " + limits.maxMessageBytes() + ")", -1);
    }
    // Iterative rather than recursive, so that no maxDepth can overflow the thread's stack.
    while (true) {
      Ttlv done;
      if (depth > 0 && pos == open[3 * depth - 2]) {
        depth--;
        int from = open[3 * depth + 2];
        done = new TtlvStructure(open[3 * depth], immutableList(children, from, childCount - from));
        childCount = from;
      } else {
        done = readItem(depth == 0 ? end : open[3 * depth - 2]);
        if (done == null) {
          continue; // a structure was opened; its children come next
        }
      }
      if (depth > 0) {
        if (childCount == children.length) {
          children = Arrays.copyOf(children, 2 * childCount);
        }
        children[childCount++] = done;
      } else if (pos != end) {
        throw fail("trailing bytes: " + (end - pos) + " (expected: 0)", -1);
      } else {
        return done;
      }
    }
  }

  /**
   * An immutable copy of {@code count} items from {@code from}. Up to eight items, the fixed-arity
   * {@code List.of} keeps its argument array, where {@code List.copyOf} and {@code List.of(E...)}
   * would copy once more; {@link TtlvStructure} then keeps the list as it is.
   */
  private static List<Ttlv> immutableList(Ttlv[] items, int from, int count) {
    Ttlv[] a = items;
    int i = from;
    return switch (count) {
      case 0 -> List.of();
      case 1 -> List.of(a[i]);
      case 2 -> List.of(a[i], a[i + 1]);
      case 3 -> List.of(a[i], a[i + 1], a[i + 2]);
      case 4 -> List.of(a[i], a[i + 1], a[i + 2], a[i + 3]);
      case 5 -> List.of(a[i], a[i + 1], a[i + 2], a[i + 3], a[i + 4]);
      case 6 -> List.of(a[i], a[i + 1], a[i + 2], a[i + 3], a[i + 4], a[i + 5]);
      case 7 -> List.of(a[i], a[i + 1], a[i + 2], a[i + 3], a[i + 4], a[i + 5], a[i + 6]);
      case 8 -> List.of(a[i], a[i + 1], a[i + 2], a[i + 3], a[i + 4], a[i + 5], a[i + 6], a[i + 7]);
      default -> List.of(Arrays.copyOfRange(items, from, from + count));
    };
  }

  /**
   * Reads the item at {@link #pos}, which must end by {@code limit}, and moves past it. Returns the
   * primitive read, or null after opening a structure, when {@link #pos} is at its first child.
   */
  private @Nullable Ttlv readItem(int limit) {
    if (limit - pos < 8) {
      throw fail("item header: " + (limit - pos) + " bytes remain (expected: 8)", -1);
    }
    int tag = buf.getUnsignedMedium(pos);
    int prefix = tag >>> 16;
    if (prefix != 0x42 && prefix != 0x54) {
      throw fail("tag prefix: 0x" + Integer.toHexString(prefix) + " (expected: 0x42 or 0x54)", -1);
    }
    int typeCode = buf.getUnsignedByte(pos + 3);
    ItemType type = ItemType.byCode(typeCode);
    if (type == null) {
      throw fail(
          "item type: 0x" + Integer.toHexString(typeCode) + " (expected: 0x01 to 0x0b)", tag);
    }
    long length = buf.getUnsignedInt(pos + 4);
    int fixed = type.fixedLength();
    if (fixed >= 0 && length != fixed) {
      throw fail(type.xmlName() + " length: " + length + " (expected: " + fixed + ")", tag);
    }
    int valueStart = pos + 8;
    long padded = (length + 7) & ~7L;
    if (padded > limit - valueStart) {
      throw fail(
          type.xmlName()
              + " length: "
              + length
              + " (expected: <= "
              + (limit - valueStart)
              + " bytes remaining)",
          tag);
    }
    if (depth >= limits.maxDepth()) {
      throw fail(
          "nesting depth: " + (depth + 1) + " (expected: <= " + limits.maxDepth() + ")", tag);
    }
    if (depth > 0 && childCount - open[3 * depth - 1] >= limits.maxItemsPerStructure()) {
      throw fail(
          "items in structure: more than "
              + limits.maxItemsPerStructure()
              + " (expected: <= "
              + limits.maxItemsPerStructure()
              + ")",
          tag);
    }
    int len = (int) length;
    if (type == ItemType.STRUCTURE) {
      if (len != padded) {
        throw fail("Structure length: " + len + " (expected: a multiple of 8)", tag);
      }
      if (3 * depth == open.length) {
        open = Arrays.copyOf(open, 2 * open.length);
      }
      open[3 * depth] = tag;
      open[3 * depth + 1] = valueStart + len;
      open[3 * depth + 2] = childCount;
      depth++;
      pos = valueStart;
      return null;
    }
    int next = valueStart + (int) padded;
    for (int i = valueStart + len; i < next; i++) {
      if (buf.getByte(i) != 0) {
        throw fail(type.xmlName() + " padding: non-zero (expected: zero bytes)", tag);
      }
    }
    Ttlv value = readValue(type, tag, valueStart, len);
    pos = next;
    return value;
  }

  /** Decodes a primitive whose length and padding have been checked. */
  private Ttlv readValue(ItemType type, int tag, int at, int len) {
    return switch (type) {
      case INTEGER -> new TtlvInteger(tag, buf.getInt(at));
      case LONG_INTEGER -> new TtlvLongInteger(tag, buf.getLong(at));
      case BIG_INTEGER -> new TtlvBigInteger(tag, readBigInteger(tag, at, len));
      case ENUMERATION -> new TtlvEnumeration(tag, buf.getInt(at));
      case BOOLEAN -> {
        long flag = buf.getLong(at);
        if (flag != 0 && flag != 1) {
          throw fail("Boolean value (expected: 0 or 1)", tag);
        }
        yield new TtlvBoolean(tag, flag == 1);
      }
      case TEXT_STRING -> {
        if (!isUtf8(at, len)) {
          throw fail("TextString encoding (expected: valid UTF-8)", tag);
        }
        yield new TtlvTextString(tag, buf.toString(at, len, StandardCharsets.UTF_8));
      }
      case BYTE_STRING -> {
        byte[] bytes = new byte[len];
        buf.getBytes(at, bytes);
        yield new TtlvByteString(tag, ByteString.owning(bytes));
      }
      case DATE_TIME -> new TtlvDateTime(tag, buf.getLong(at));
      case INTERVAL -> new TtlvInterval(tag, buf.getUnsignedInt(at));
      case DATE_TIME_EXTENDED -> new TtlvDateTimeExtended(tag, buf.getLong(at));
      case STRUCTURE -> throw new AssertionError(type);
    };
  }

  private BigInteger readBigInteger(int tag, int at, int len) {
    if (len == 0) {
      throw fail("BigInteger length: 0 (expected: a positive multiple of 8)", tag);
    }
    if (len % 8 != 0) {
      throw fail("BigInteger length: " + len + " (expected: a positive multiple of 8)", tag);
    }
    if (buf.hasArray()) {
      return new BigInteger(buf.array(), buf.arrayOffset() + at, len);
    }
    byte[] magnitude = new byte[len];
    buf.getBytes(at, magnitude);
    return new BigInteger(magnitude);
  }

  /**
   * True when the bytes are well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing
   * above U+10FFFF, no truncated sequence.
   */
  private boolean isUtf8(int at, int len) {
    int i = at;
    int stop = at + len;
    while (i + 8 <= stop && (buf.getLong(i) & NON_ASCII) == 0) {
      i += 8;
    }
    while (i < stop) {
      int b0 = buf.getByte(i) & 0xFF;
      if (b0 < 0x80) {
        i++;
        continue;
      }
      int trailing;
      int lo = 0x80;
      int hi = 0xBF;
      if (b0 >= 0xC2 && b0 <= 0xDF) {
        trailing = 1;
      } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        trailing = 2;
        if (b0 == 0xE0) {
          lo = 0xA0; // shorter forms are overlong
        } else if (b0 == 0xED) {
          hi = 0x9F; // U+D800..U+DFFF are surrogates
        }
      } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        trailing = 3;
        if (b0 == 0xF0) {
          lo = 0x90;
        } else if (b0 == 0xF4) {
          hi = 0x8F; // beyond U+10FFFF
        }
      } else {
        return false;
      }
      if (stop - i <= trailing) {
        return false;
      }
      int b1 = buf.getByte(i + 1) & 0xFF;
      if (b1 < lo || b1 > hi) {
        return false;
      }
      for (int k = 2; k <= trailing; k++) {
        int b = buf.getByte(i + k) & 0xFF;
        if (b < 0x80 || b > 0xBF) {
          return false;
        }
      }
      i += trailing + 1;
    }
    return true;
  }

  /** An error about the item at {@link #pos}; {@code tag} is its tag, or -1 if not yet known. */
  private TtlvException fail(String detail, int tag) {
    StringBuilder path = new StringBuilder();
    for (int level = 0; level < depth; level++) {
      appendTag(path, open[3 * level]);
    }
    if (tag >= 0) {
      appendTag(path, tag);
    }
    return new TtlvException(ResultReason.INVALID_MESSAGE, detail, pos - start, path.toString());
  }

  private static void appendTag(StringBuilder path, int tag) {
    if (path.length() > 0) {
      path.append('/');
    }
    String hex = Integer.toHexString(tag).toUpperCase(Locale.ROOT);
    path.append("000000", hex.length(), 6).append(hex);
  }
}
