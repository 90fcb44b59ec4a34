package io.arca.server.transport;

import io.arca.kmip.ResultReason;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cuts the byte stream into KMIP requests on the 8-byte TTLV header. It judges the header before
 * waiting for the body: the first four bytes must be a RequestMessage structure ({@code 42 00 78
 * 01}) and the length must fit the configured maximum, so a client cannot make the server buffer
 * more than one maximum-size message. A header and its body may arrive in separate writes (libkmip
 * sends them so). After a bad header the decoder passes one {@link MalformedFrame} on and discards
 * everything that follows.
 */
public final class TtlvFrameDecoder extends ByteToMessageDecoder {
  static final int HEADER_BYTES = 8;
  static final int REQUEST_MESSAGE_HEADER = 0x42007801;

  private final int maxMessageBytes;
  private final @Nullable RequestDeadline deadline;
  private boolean failed;

  /** A decoder that accepts requests of up to {@code maxMessageBytes}, header included. */
  public TtlvFrameDecoder(int maxMessageBytes) {
    this(maxMessageBytes, null);
  }

  /**
   * A decoder that accepts requests of up to {@code maxMessageBytes} and tells {@code deadline}
   * when each one is whole.
   */
  public TtlvFrameDecoder(int maxMessageBytes, @Nullable RequestDeadline deadline) {
    if (maxMessageBytes < HEADER_BYTES) {
      throw new IllegalArgumentException(
          "maxMessageBytes: " + maxMessageBytes + " (expected: >= " + HEADER_BYTES + ")");
    }
    this.maxMessageBytes = maxMessageBytes;
    this.deadline = deadline;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (in.readableBytes() < 4) {
      waitingForTheRest(in);
      return;
    }
    int start = in.readerIndex();
    if (in.getInt(start) != REQUEST_MESSAGE_HEADER) {
      fail(in, out, "the stream does not start with a RequestMessage structure (42 00 78 01)");
      return;
    }
    if (in.readableBytes() < HEADER_BYTES) {
      waitingForTheRest(in);
      return;
    }
    long length = in.getUnsignedInt(start + 4);
    long frameBytes = HEADER_BYTES + length;
    if (frameBytes > maxMessageBytes) {
      fail(
          in,
          out,
          "request length: " + frameBytes + " bytes (expected: <= " + maxMessageBytes + ")");
      return;
    }
    if (in.readableBytes() < frameBytes) {
      waitingForTheRest(in);
      return;
    }
    out.add(in.readRetainedSlice((int) frameBytes));
    if (deadline != null) {
      deadline.requestDone(in.isReadable());
    }
  }

  /**
   * Part of a request is here: its deadline runs. The deadline's own handler starts the clock on
   * the first read after the handshake, but the first bytes of a request can come in the very read
   * that finishes the handshake, before the handshake counts as done; this starts it then.
   */
  private void waitingForTheRest(ByteBuf in) {
    if (deadline != null && in.isReadable()) {
      deadline.requestStarted();
    }
  }

  private void fail(ByteBuf in, List<Object> out, String message) {
    failed = true;
    in.skipBytes(in.readableBytes());
    out.add(new MalformedFrame(ResultReason.INVALID_MESSAGE, message));
  }
}
