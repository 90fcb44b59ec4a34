package io.arca.kmip.ttlv;

import io.arca.kmip.ItemType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.math.BigInteger;
import java.util.List;

/**
 * Writes TTLV items in the binary encoding (KMIP 1.4 §9.1.1): big-endian, every value padded with
 * zeros to a multiple of eight bytes, structure lengths back-patched once the children are written.
 *
 * <p>Tags are written as they are; the reader accepts only the 0x42 and 0x54 ranges. Text is
 * encoded as UTF-8 the way the JDK does it, so an unpaired surrogate becomes {@code '?'}.
 */
public final class TtlvWriter {
  private static final int HEADER = 8;

  private TtlvWriter() {}

  /** Appends the encoding of {@code item} at the writer index of {@code out}. */
  public static void write(Ttlv item, ByteBuf out) {
    int header = item.tag() << 8 | item.type().code();
    switch (item.type()) {
      case STRUCTURE -> {
        out.writeInt(header);
        int lengthAt = out.writerIndex();
        out.writeInt(0); // back-patched below
        List<Ttlv> items = ((TtlvStructure) item).items();
        // Indexed, not for-each: the recursion defeats escape analysis of the iterator.
        for (int i = 0; i < items.size(); i++) {
          write(items.get(i), out);
        }
        out.setInt(lengthAt, out.writerIndex() - lengthAt - 4);
      }
      case INTEGER -> writeInt(out, header, ((TtlvInteger) item).value());
      case ENUMERATION -> writeInt(out, header, ((TtlvEnumeration) item).value());
      case INTERVAL -> writeInt(out, header, (int) ((TtlvInterval) item).seconds());
      case LONG_INTEGER -> writeLong(out, header, ((TtlvLongInteger) item).value());
      case BOOLEAN -> writeLong(out, header, ((TtlvBoolean) item).value() ? 1 : 0);
      case DATE_TIME -> writeLong(out, header, ((TtlvDateTime) item).epochSeconds());
      case DATE_TIME_EXTENDED ->
          writeLong(out, header, ((TtlvDateTimeExtended) item).epochMicros());
      case BIG_INTEGER -> writeBigInteger(out, header, ((TtlvBigInteger) item).value());
      case TEXT_STRING -> {
        String text = ((TtlvTextString) item).value();
        // Counting first lets the encoder reserve exactly the bytes it needs, not 3 per char.
        int utf8 = ByteBufUtil.utf8Bytes(text);
        out.writeInt(header);
        out.writeInt(utf8);
        ByteBufUtil.reserveAndWriteUtf8(out, text, utf8);
        out.writeZero(padding(utf8));
      }
      case BYTE_STRING -> {
        byte[] bytes = ((TtlvByteString) item).value().unsafeArray();
        out.writeInt(header);
        out.writeInt(bytes.length);
        out.writeBytes(bytes);
        out.writeZero(padding(bytes.length));
      }
    }
  }

  /** The encoding of {@code item} in a new array of exactly the right size. */
  public static byte[] toBytes(Ttlv item) {
    byte[] bytes = new byte[encodedLength(item)];
    write(item, Unpooled.wrappedBuffer(bytes).clear());
    return bytes;
  }

  /** The number of bytes {@link #write} appends for {@code item}. */
  public static int encodedLength(Ttlv item) {
    long length = lengthOf(item);
    if (length > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "encoded length: " + length + " (expected: <= " + Integer.MAX_VALUE + ")");
    }
    return (int) length;
  }

  private static long lengthOf(Ttlv item) {
    ItemType type = item.type();
    if (type.fixedLength() >= 0) {
      return HEADER + 8;
    }
    return switch (type) {
      case STRUCTURE -> {
        long sum = HEADER;
        List<Ttlv> items = ((TtlvStructure) item).items();
        for (int i = 0; i < items.size(); i++) {
          sum += lengthOf(items.get(i));
        }
        yield sum;
      }
      case BIG_INTEGER -> HEADER + bigIntegerLength(((TtlvBigInteger) item).value());
      case TEXT_STRING ->
          HEADER + padded((long) ByteBufUtil.utf8Bytes(((TtlvTextString) item).value()));
      case BYTE_STRING -> HEADER + padded((long) ((TtlvByteString) item).value().length());
      default -> throw new AssertionError(type);
    };
  }

  private static void writeInt(ByteBuf out, int header, int value) {
    out.writeInt(header);
    out.writeInt(4);
    out.writeInt(value);
    out.writeInt(0);
  }

  private static void writeLong(ByteBuf out, int header, long value) {
    out.writeInt(header);
    out.writeInt(8);
    out.writeLong(value);
  }

  /** Two's complement, the minimal length sign-extended to a multiple of eight bytes. */
  private static void writeBigInteger(ByteBuf out, int header, BigInteger value) {
    out.writeInt(header);
    if (value.bitLength() < 64) {
      // Fits a long: sign extension to eight bytes is what writeLong does anyway.
      out.writeInt(8);
      out.writeLong(value.longValue());
      return;
    }
    byte[] minimal = value.toByteArray();
    int length = padded(minimal.length);
    out.writeInt(length);
    int fill = value.signum() < 0 ? 0xFF : 0;
    for (int i = minimal.length; i < length; i++) {
      out.writeByte(fill);
    }
    out.writeBytes(minimal);
  }

  private static int bigIntegerLength(BigInteger value) {
    // toByteArray's length, without making the array: the bits plus a sign bit, in whole bytes.
    return padded(value.bitLength() / 8 + 1);
  }

  private static int padded(int length) {
    return (length + 7) & ~7;
  }

  private static long padded(long length) {
    return (length + 7) & ~7L;
  }

  private static int padding(int length) {
    return padded(length) - length;
  }
}
