package io.arca.server.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.jspecify.annotations.Nullable;

/**
 * The port between the transport and KMIP: turns one request frame into one response. It runs on
 * the worker pool, never on the event loop, so it may block on the database or the HSM.
 */
public interface RequestProcessor {
  /**
   * Answers one request. The frame is released by the caller afterwards; the processor must copy
   * what it keeps.
   *
   * @return the encoded response, allocated from {@code allocator}, and whether to close afterwards
   */
  Answer process(ByteBuf frame, Connection connection, ByteBufAllocator allocator);

  /**
   * Answers a request that could not be framed, or returns null when no answer is possible. The
   * connection is closed afterwards either way.
   */
  @Nullable ByteBuf malformed(
      MalformedFrame frame, Connection connection, ByteBufAllocator allocator);
}
