package io.arca.server.transport;

import io.netty.buffer.ByteBuf;
import org.jspecify.annotations.Nullable;

/**
 * A response to write back, and whether the connection must close after it (a request that could
 * not be decoded leaves the stream in doubt, so the server answers once and hangs up).
 *
 * @param bytes the encoded response; the transport releases it
 * @param closeAfter close the connection once the response is written
 * @param refusal why the request was refused, for the refusal log (no value from the request), or
 *     null when it was served
 * @param kind the kind of refusal the log counts it as
 */
public record Answer(ByteBuf bytes, boolean closeAfter, @Nullable String refusal, Refusal kind) {
  /** A response after which the connection stays open. */
  public static Answer keepOpen(ByteBuf bytes) {
    return new Answer(bytes, false, null, Refusal.MALFORMED_REQUEST);
  }

  /** A response after which the connection is closed. */
  public static Answer thenClose(ByteBuf bytes) {
    return new Answer(bytes, true, null, Refusal.MALFORMED_REQUEST);
  }

  /** The answer to a request that could not be decoded, after which the connection is closed. */
  public static Answer refused(ByteBuf bytes, String why) {
    return new Answer(bytes, true, why, Refusal.MALFORMED_REQUEST);
  }

  /**
   * The answer to a request whose Credential was refused; the connection stays open (the client may
   * try again, within the failure limit).
   */
  public static Answer credentialRefused(ByteBuf bytes, String why) {
    return new Answer(bytes, false, why, Refusal.CREDENTIAL);
  }
}
