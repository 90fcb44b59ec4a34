package io.arca.server.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.jspecify.annotations.Nullable;

/**
 * The port between the transport and KMIP: turns one request frame into one response. {@link
 * #process} runs on the worker pool, never on the event loop, so it may block on the database or
 * the HSM; {@link #tryInline} runs on the event loop and must not.
 */
public interface RequestProcessor {
  /**
   * Answers one request on the event loop when that needs no blocking call (a warm key, a request
   * that reads no store), or hands back the rest of the work for the worker pool, which continues
   * from what was read here. The caller releases the frame after the answer, or after the rest has
   * run. By default everything goes to {@link #process}.
   */
  default InlineAttempt tryInline(
      ByteBuf frame, Connection connection, ByteBufAllocator allocator) {
    return InlineAttempt.toWorkers(() -> process(frame, connection, allocator));
  }

  /**
   * Answers one request. The frame is released by the caller afterwards; the processor must copy
   * what it keeps.
   *
   * @return the encoded response, allocated from {@code allocator}, and whether to close afterwards
   */
  Answer process(ByteBuf frame, Connection connection, ByteBufAllocator allocator);

  /**
   * Forgets what {@code connection} left open between requests (multi-part streams), wiping it.
   * Called once, on the worker pool, after the connection closed.
   */
  default void closed(Connection connection) {}

  /**
   * Answers a request that could not be framed, or returns null when no answer is possible. The
   * connection is closed afterwards either way.
   */
  @Nullable ByteBuf malformed(
      MalformedFrame frame, Connection connection, ByteBufAllocator allocator);

  /**
   * Answers the first request of a client whose certificate names no acceptable user
   * (Authentication Not Successful, in the request's protocol version when its header is readable),
   * or returns null when no answer is possible. The connection is closed afterwards either way.
   *
   * @param frame the request, or null when it could not be framed
   * @param why what is wrong with the certificate, fit to be sent and logged
   */
  @Nullable ByteBuf unauthenticated(
      @Nullable ByteBuf frame, String why, ByteBufAllocator allocator);
}
