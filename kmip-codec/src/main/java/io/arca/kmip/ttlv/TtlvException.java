package io.arca.kmip.ttlv;

import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;

/**
 * The one error the codec raises: the input breaks a rule of the encoding. It carries the KMIP
 * Result Reason the server answers with, and says where (byte offset and tag path) but never what
 * value was there. It is a {@link KmipException}, so the server answers it like any other failure.
 */
public final class TtlvException extends KmipException {
  private static final long serialVersionUID = 1L;

  private final long offset;
  private final String path;

  /** An error with no position, e.g. from a text form. */
  public TtlvException(ResultReason reason, String message) {
    this(reason, message, -1, "");
  }

  /**
   * An error at a byte offset inside a tag path such as {@code RequestMessage/BatchItem}. The
   * message reads like Netty's: {@code "Integer length: 2 (expected: 4) at offset 40 in
   * RequestMessage/BatchItem"}.
   */
  public TtlvException(ResultReason reason, String detail, long offset, String path) {
    super(reason, describe(detail, offset, path));
    this.offset = offset;
    this.path = path;
  }

  private static String describe(String detail, long offset, String path) {
    StringBuilder message = new StringBuilder(detail);
    if (offset >= 0) {
      message.append(" at offset ").append(offset);
    }
    if (!path.isEmpty()) {
      message.append(" in ").append(path);
    }
    return message.toString();
  }

  /** The byte offset of the offending item in the message, or -1 where it has none. */
  public long offset() {
    return offset;
  }

  /** The tag path to the offending item, or empty. */
  public String path() {
    return path;
  }
}
