package io.arca.server.crypto;

import org.jspecify.annotations.Nullable;

/**
 * A cipher in the middle of a multi-part operation (KMIP streaming), wherever its key lives: in
 * this process ({@link AesCipher.Started}) or in a PKCS#11 token, which holds a session for it. One
 * request drives it at a time; {@link #close} releases what it holds and is called once or more.
 */
public interface CipherParts extends AutoCloseable {

  /** The IV, counter or nonce in use, or null for a mode without one. */
  byte @Nullable [] iv();

  /** The tag length in bytes, or 0 for modes without a tag. */
  int tagBytes();

  /** Whether the cipher holds all its input until the last part (AEAD decryption). */
  boolean buffers();

  /** Processes one middle part; the output may be shorter or longer than the input. */
  byte[] update(byte[] input);

  /** Processes the last part; for AEAD encryption the output ends with the tag. */
  byte[] doFinal(byte[] input);

  @Override
  void close();
}
