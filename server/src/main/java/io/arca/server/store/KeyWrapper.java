package io.arca.server.store;

import io.arca.kmip.ttlv.ByteString;

/**
 * The port that turns key material into what may be written to disk and back. Adapters: the local
 * server KEK ({@link LocalKek}) and, later, a key inside the HSM, which unwraps inside the HSM.
 */
public interface KeyWrapper {
  /** The identifier recorded with every key this wrapper wraps. */
  String id();

  /** Wraps {@code plaintext}; the caller still owns (and wipes) the plaintext. */
  WrappedKey wrap(ByteString plaintext);

  /** Unwraps a key this wrapper wrapped; the caller must wipe the result when done. */
  ByteString unwrap(WrappedKey wrapped);
}
