package io.arca.server.store;

import io.arca.kmip.ttlv.ByteString;

/**
 * The port that turns key material into what may be written to disk and back. Adapters: the local
 * server KEK ({@link LocalKek}) and, later, a key inside the HSM, which unwraps inside the HSM.
 */
public interface KeyWrapper {
  /** The identifier recorded with every key this wrapper wraps. */
  String id();

  /**
   * Whether this wrapper unwraps what names {@code wrappingKeyId} (the server's KEKs answer for
   * every KEK of the database: {@link KekRing}).
   */
  default boolean opens(String wrappingKeyId) {
    return id().equals(wrappingKeyId);
  }

  /** Wraps {@code plaintext}; the caller still owns (and wipes) the plaintext. */
  WrappedKey wrap(ByteString plaintext);

  /** Unwraps a key this wrapper wrapped; the caller must wipe the result when done. */
  ByteString unwrap(WrappedKey wrapped);
}
