package io.arca.kmip.ttlv;

import io.arca.kmip.ItemType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of random TTLV trees that favours edge values: extreme numbers, empty and
 * multi-byte strings, big integers of many lengths and both signs.
 */
final class RandomTtlv {
  private static final ItemType[] TYPES = ItemType.values();
  private static final int[] INT_EDGES = {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1, 255};
  private static final long[] LONG_EDGES = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1};
  private static final long[] INTERVAL_EDGES = {0, 1, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL};

  /** Code points of 1, 2, 3 and 4 UTF-8 bytes, around the boundaries between them. */
  private static final int[] CODE_POINT_EDGES = {
    0, 'A', 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x20AC, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000,
    0x1F600, 0x10FFFF
  };

  private final Random random;
  private final int maxDepth;

  RandomTtlv(long seed, int maxDepth) {
    this.random = new Random(seed);
    this.maxDepth = maxDepth;
  }

  /** A random structure, so that most trees have some shape. */
  TtlvStructure structure() {
    return structure(1);
  }

  /** A random item of any type. */
  Ttlv item() {
    return item(1);
  }

  private Ttlv item(int depth) {
    ItemType type = TYPES[random.nextInt(TYPES.length)];
    if (type == ItemType.STRUCTURE && depth >= maxDepth) {
      type = ItemType.INTEGER;
    }
    int tag = tag();
    return switch (type) {
      case STRUCTURE -> structure(depth);
      case INTEGER -> new TtlvInteger(tag, anInt());
      case LONG_INTEGER -> new TtlvLongInteger(tag, aLong());
      case BIG_INTEGER -> new TtlvBigInteger(tag, aBigInteger());
      case ENUMERATION -> new TtlvEnumeration(tag, anInt());
      case BOOLEAN -> new TtlvBoolean(tag, random.nextBoolean());
      case TEXT_STRING -> new TtlvTextString(tag, aString());
      case BYTE_STRING -> TtlvByteString.of(tag, someBytes());
      case DATE_TIME -> new TtlvDateTime(tag, aLong());
      case INTERVAL -> new TtlvInterval(tag, anInterval());
      case DATE_TIME_EXTENDED -> new TtlvDateTimeExtended(tag, aLong());
    };
  }

  private TtlvStructure structure(int depth) {
    int count = random.nextInt(depth == 1 ? 8 : 5);
    List<Ttlv> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(item(depth + 1));
    }
    return new TtlvStructure(tag(), items);
  }

  private int tag() {
    return (random.nextInt(4) == 0 ? 0x540000 : 0x420000) | random.nextInt(0x10000);
  }

  private int anInt() {
    return random.nextInt(3) == 0 ? INT_EDGES[random.nextInt(INT_EDGES.length)] : random.nextInt();
  }

  private long aLong() {
    return random.nextInt(3) == 0
        ? LONG_EDGES[random.nextInt(LONG_EDGES.length)]
        : random.nextLong();
  }

  private long anInterval() {
    return random.nextInt(3) == 0
        ? INTERVAL_EDGES[random.nextInt(INTERVAL_EDGES.length)]
        : random.nextLong() & 0xFFFF_FFFFL;
  }

  private BigInteger aBigInteger() {
    // Bit lengths around the 64-bit word boundaries matter most: that is where padding changes.
    int bits =
        random.nextBoolean()
            ? 64 * random.nextInt(6) + random.nextInt(3) - 1
            : random.nextInt(1100);
    BigInteger magnitude = new BigInteger(Math.max(bits, 0), random);
    if (random.nextInt(4) == 0 && bits > 0) {
      magnitude = BigInteger.ONE.shiftLeft(bits - 1); // a power of two: the sign-bit edge
    }
    return random.nextBoolean() ? magnitude.negate() : magnitude;
  }

  private String aString() {
    int length = random.nextInt(5) == 0 ? 0 : random.nextInt(40);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int codePoint =
          switch (random.nextInt(4)) {
            case 0 -> CODE_POINT_EDGES[random.nextInt(CODE_POINT_EDGES.length)];
            case 1 -> 0x20 + random.nextInt(0x5F);
            default -> {
              int c = random.nextInt(Character.MAX_CODE_POINT + 1);
              // Lone surrogates have no UTF-8 form; move them out of the surrogate block.
              yield c >= 0xD800 && c <= 0xDFFF ? c + 0x800 : c;
            }
          };
      text.appendCodePoint(codePoint);
    }
    return text.toString();
  }

  private byte[] someBytes() {
    byte[] bytes = new byte[random.nextInt(5) == 0 ? 0 : random.nextInt(70)];
    random.nextBytes(bytes);
    return bytes;
  }
}
