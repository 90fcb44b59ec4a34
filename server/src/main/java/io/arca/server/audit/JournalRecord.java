package io.arca.server.audit;

import io.arca.persistence.AuditEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of one entry in the {@link AuditJournal}: a format byte, the time (8 bytes), and each
 * text field as its UTF-8 length plus one, a varint (zero for an absent Result Reason), followed by
 * its UTF-8. Every answered batch item is written so on the thread that answers it, into one
 * reusable buffer of that thread: no line, no escaping, no decimal time. A journal written before
 * this format holds {@link AuditEntry#toLine} lines, which start with a digit; they are still read.
 */
final class JournalRecord {
  /** The first byte of a record in this format (a line starts with an ASCII digit). */
  static final byte BINARY = 1;

  private static final int INITIAL_SCRATCH = 1 << 10;

  /** Each event loop's buffer for the record it is writing; grown when an entry needs more. */
  private static final ThreadLocal<byte[]> SCRATCH =
      ThreadLocal.withInitial(() -> new byte[INITIAL_SCRATCH]);

  private JournalRecord() {}

  /**
   * Encodes {@code entry} into this thread's buffer: the record is what the returned buffer holds
   * from its position to its limit, until this thread encodes the next one.
   */
  static ByteBuffer encode(AuditEntry entry) {
    String reason = entry.resultReason();
    int most =
        1
            + 8
            + 6 * 5
            + 3
                * (entry.user().length()
                    + entry.clientAddress().length()
                    + entry.operation().length()
                    + entry.uniqueIds().length()
                    + entry.resultStatus().length()
                    + (reason == null ? 0 : reason.length()));
    byte[] to = SCRATCH.get();
    if (to.length < most) {
      to = new byte[Math.max(most, to.length * 2)];
      SCRATCH.set(to);
    }
    ByteBuffer out = ByteBuffer.wrap(to);
    out.put(BINARY).putLong(entry.recordedAt());
    text(out, entry.user());
    text(out, entry.clientAddress());
    text(out, entry.operation());
    text(out, entry.uniqueIds());
    text(out, entry.resultStatus());
    if (reason == null) {
      out.put((byte) 0);
    } else {
      text(out, reason);
    }
    return out.flip();
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

  /** Writes the field's length plus one as a varint (zero: absent), then its UTF-8. */
  private static void text(ByteBuffer out, String value) {
    // The JDK's encoder copies an ASCII string's bytes whole: faster than a loop over its chars.
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    varint(out, utf8.length + 1);
    out.put(utf8);
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
