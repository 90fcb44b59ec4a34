package io.arca.server.transport;

import org.jspecify.annotations.Nullable;

/**
 * What the transport tells the server's metrics: each TLS handshake as it ends, and each refusal
 * the {@link RefusalLog} records. Called on event loops, so it must be cheap and must not block or
 * throw.
 */
public interface TransportEvents {
  /** Tells nothing. */
  TransportEvents NONE =
      new TransportEvents() {
        @Override
        public void handshake(@Nullable Throwable failure, long nanos) {}

        @Override
        public void refused(Refusal reason) {}
      };

  /**
   * A TLS handshake ended.
   *
   * @param failure why it failed, or null when it succeeded
   * @param nanos from the connection's acceptance to the end of the handshake
   */
  void handshake(@Nullable Throwable failure, long nanos);

  /** A connection or request was refused (counted whether or not the log line was written). */
  void refused(Refusal reason);
}
