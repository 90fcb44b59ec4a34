package io.arca.server.store;

import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.ByteString;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wraps with an AES key in memory by AES key wrap with padding (RFC 5649, the JDK's {@code
 * AES/KWP/NoPadding}), whose integrity check also tells a wrong key from a changed blob. Used for
 * the local server KEK and for managed AES keys a client chose to protect an object at rest.
 */
final class AesKwpWrapper implements KeyWrapper {
  private static final String TRANSFORMATION = "AES/KWP/NoPadding";

  private final String id;
  private final SecretKeySpec key;

  /** A wrapper known as {@code id}; copies {@code key}, which the caller still wipes. */
  AesKwpWrapper(String id, byte[] key) {
    if (key.length != 16 && key.length != 24 && key.length != 32) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "wrapping key " + id + ": " + key.length * 8 + " bits (expected: an AES key)");
    }
    this.id = id;
    this.key = new SecretKeySpec(key, "AES");
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public WrappedKey wrap(ByteString plaintext) {
    byte[] clear = plaintext.toByteArray();
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key);
      return new WrappedKey(id, WrappedKey.AES_KWP, ByteString.copyOf(cipher.doFinal(clear)));
    } catch (GeneralSecurityException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "wrapping with " + id + " failed");
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  @Override
  public ByteString unwrap(WrappedKey wrapped) {
    if (!id.equals(wrapped.wrappingKeyId()) || !WrappedKey.AES_KWP.equals(wrapped.mechanism())) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE,
          "the key was wrapped by "
              + wrapped.wrappingKeyId()
              + " with "
              + wrapped.mechanism()
              + ", not by "
              + id
              + " with "
              + WrappedKey.AES_KWP);
    }
    byte[] clear = null;
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key);
      clear = cipher.doFinal(wrapped.bytes().toByteArray());
      return ByteString.copyOf(clear);
    } catch (GeneralSecurityException e) {
      // The integrity check failed: the blob was changed, or another key wrapped it.
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "unwrapping with " + id + " failed: integrity check");
    } finally {
      if (clear != null) {
        Arrays.fill(clear, (byte) 0);
      }
    }
  }

  @Override
  public String toString() {
    return "AesKwpWrapper[" + id + "]";
  }
}
