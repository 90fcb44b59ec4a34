package io.arca.server;

import io.arca.kmip.Tag;
import io.netty.buffer.ByteBuf;

/**
 * The operation of a request of one batch item, read from the frame's first bytes without decoding
 * it, so that the event loop decodes only requests it may answer (KMIP 1.4 §9.1, 2.1 §9.1: every
 * item is a tag, a type, a length and a value, lengths of structures padded to 8 bytes). It expects
 * the layout clients write: the Request Header first, then the Batch Item with its Operation first.
 * Anything else gives {@link #UNKNOWN} and goes to a worker, which decodes and judges it.
 */
final class InlinePeek {
  /** No single operation could be read: not one batch item, or not the usual layout. */
  static final int UNKNOWN = -1;

  private static final int STRUCTURE = 0x01;
  private static final int ENUMERATION = 0x05;

  private InlinePeek() {}

  /** The Operation value of the message's only batch item, or {@link #UNKNOWN}. */
  static int operation(ByteBuf frame) {
    int start = frame.readerIndex();
    int end = start + frame.readableBytes();
    if (end - start < 8 || frame.getInt(start) != (Tag.REQUEST_MESSAGE.code() << 8 | STRUCTURE)) {
      return UNKNOWN;
    }
    int header = start + 8;
    if (header + 8 > end || frame.getInt(header) != (Tag.REQUEST_HEADER.code() << 8 | STRUCTURE)) {
      return UNKNOWN;
    }
    long item = (long) header + 8 + frame.getUnsignedInt(header + 4);
    if (item + 24 > end || frame.getInt((int) item) != (Tag.BATCH_ITEM.code() << 8 | STRUCTURE)) {
      return UNKNOWN;
    }
    long itemEnd = item + 8 + frame.getUnsignedInt((int) item + 4);
    int operation = (int) item + 8;
    if (itemEnd != end
        || frame.getInt(operation) != (Tag.OPERATION.code() << 8 | ENUMERATION)
        || frame.getInt(operation + 4) != 4) {
      return UNKNOWN;
    }
    return frame.getInt(operation + 8);
  }
}
