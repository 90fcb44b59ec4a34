package io.arca.server.keys;

import java.util.Objects;

/**
 * The two halves made by Create Key Pair (KMIP 2.1 §6.1.9), each in its default Key Format Type.
 *
 * @param privateKey the private key
 * @param publicKey the public key derived from it
 */
public record ClearKeyPair(ClearKey privateKey, ClearKey publicKey) implements AutoCloseable {
  public ClearKeyPair {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(publicKey, "publicKey");
  }

  /** Wipes both halves. */
  @Override
  public void close() {
    privateKey.close();
    publicKey.close();
  }
}
