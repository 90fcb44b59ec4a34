package io.arca.server.transport;

import io.netty.buffer.ByteBuf;

/**
 * A response to write back, and whether the connection must close after it (a request that could
 * not be decoded leaves the stream in doubt, so the server answers once and hangs up).
 *
 * @param bytes the encoded response; the transport releases it
 * @param closeAfter close the connection once the response is written
 */
public record Answer(ByteBuf bytes, boolean closeAfter) {
  /** A response after which the connection stays open. */
  public static Answer keepOpen(ByteBuf bytes) {
    return new Answer(bytes, false);
  }

  /** A response after which the connection is closed. */
  public static Answer thenClose(ByteBuf bytes) {
    return new Answer(bytes, true);
  }
}
