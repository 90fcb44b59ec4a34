package io.arca.server.crypto;

/**
 * A MAC computed over data given in several requests, wherever its key lives: in this process
 * ({@link MacEngine.Stream}) or in a PKCS#11 token, which holds a session for it. One request
 * drives it at a time; {@link #close} releases what it holds and is called once or more.
 */
public interface MacParts extends AutoCloseable {

  /** Adds a part. */
  void update(byte[] part);

  /** The MAC of all the parts. */
  byte[] finish();

  @Override
  void close();
}
