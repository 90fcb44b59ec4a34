package io.arca.server.audit;

import io.arca.persistence.AuditEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of one entry in the {@link AuditJournal}: a format byte, the time (8 bytes), and each
 * text field as its UTF-8 length plus one, a varint (zero for an absent Result Reason), followed by
 * its UTF-8. Every answered batch item is written so on the thread that answers it: no line, no
 * escaping, no decimal time. A journal written before this format holds {@link AuditEntry#toLine}
 * lines, which start with a digit; they are still read.
 */
final class JournalRecord {
  /** The first byte of a record in this format (a line starts with an ASCII digit). */
  static final byte BINARY = 1;

  private JournalRecord() {}

  /** The record of {@code entry}, from the returned buffer's position to its limit. */
  static ByteBuffer encode(AuditEntry entry) {
    String reason = entry.resultReason();
    byte[][] fields = {
      utf8(entry.user()),
      utf8(entry.clientAddress()),
      utf8(entry.operation()),
      utf8(entry.uniqueIds()),
      utf8(entry.resultStatus()),
      reason == null ? null : utf8(reason)
    };
    int size = 1 + 8;
    for (byte[] field : fields) {
      size += field == null ? 1 : varintSize(field.length + 1) + field.length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(BINARY).putLong(entry.recordedAt());
    for (byte[] field : fields) {
      if (field == null) {
        out.put((byte) 0); // an absent Result Reason
      } else {
        varint(out, field.length + 1);
        out.put(field);
      }
    }
    return out.flip();
  }

  private static byte[] utf8(String value) {
    // The JDK's encoder copies an ASCII string's bytes whole: faster than a loop over its chars.
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static int varintSize(int value) {
    return (38 - Integer.numberOfLeadingZeros(value | 1)) / 7;
  }

  /**
   * Reads a record of either format.
   *
   * @throws IllegalArgumentException if it is neither
   */
  static AuditEntry decode(byte[] record) {
    if (record.length == 0 || record[0] != BINARY) {
      return AuditEntry.parseLine(new String(record, StandardCharsets.UTF_8));
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(record, 1, record.length - 1);
      long recordedAt = in.getLong();
      String user = requiredText(in, record);
      String clientAddress = requiredText(in, record);
      String operation = requiredText(in, record);
      String uniqueIds = requiredText(in, record);
      String resultStatus = requiredText(in, record);
      String reason = text(in, record);
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("an audit journal record with bytes after its fields");
      }
      return new AuditEntry(
          recordedAt, user, clientAddress, operation, uniqueIds, resultStatus, reason);
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      throw new IllegalArgumentException("a truncated audit journal record", e);
    }
  }

  private static void varint(ByteBuffer out, int value) {
    int rest = value;
    while ((rest & ~0x7F) != 0) {
      out.put((byte) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    out.put((byte) rest);
  }

  private static int varint(ByteBuffer in) {
    int value = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      byte b = in.get();
      value |= (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw new IllegalArgumentException("an audit journal length of more than 5 bytes");
  }

  private static String requiredText(ByteBuffer in, byte[] record) {
    String value = text(in, record);
    if (value == null) {
      throw new IllegalArgumentException("an audit journal record without a required field");
    }
    return value;
  }

  private static @Nullable String text(ByteBuffer in, byte[] record) {
    int length = varint(in) - 1; // -1: absent
    if (length < -1 || length > in.remaining()) {
      throw new IllegalArgumentException("an audit journal field of length " + length);
    }
    if (length == -1) {
      return null;
    }
    String value = new String(record, in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return value;
  }
}
