package io.arca.server.crypto;

import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PBKDF2 (RFC 8018 §5.2) over the JDK's HMAC, on the password's bytes as they are: the JDK's own
 * PBKDF2 takes a char[] and re-encodes it, which would change a binary password.
 */
public final class KeyDerivation {
  /** The most iterations one request may ask for, so that one request cannot hold a worker long. */
  public static final int MAX_ITERATIONS = 10_000_000;

  private KeyDerivation() {}

  /** {@code length} bytes of PBKDF2 with HMAC {@code hmacName} (a JCA name such as HmacSHA256). */
  public static byte[] pbkdf2(
      String hmacName, byte[] password, byte[] salt, int iterations, int length) {
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "IterationCount: " + iterations + " (expected: 1 to " + MAX_ITERATIONS + ")");
    }
    Mac prf;
    try {
      prf = Mac.getInstance(hmacName);
      // HMAC's key may be empty (RFC 2104), SecretKeySpec's may not; HMAC pads its key with
      // zeros to a block, so one zero byte is the same key.
      prf.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, hmacName));
    } catch (GeneralSecurityException e) {
      throw new KmipException(ResultReason.CRYPTOGRAPHIC_FAILURE, hmacName + " is not available");
    }
    int hashBytes = prf.getMacLength();
    byte[] out = new byte[length];
    byte[] block = new byte[hashBytes];
    byte[] u = new byte[hashBytes];
    for (int index = 1, offset = 0; offset < length; index++, offset += hashBytes) {
      prf.update(salt);
      prf.update(
          new byte[] {
            (byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index
          });
      byte[] first = prf.doFinal();
      System.arraycopy(first, 0, u, 0, hashBytes);
      System.arraycopy(first, 0, block, 0, hashBytes);
      for (int i = 1; i < iterations; i++) {
        prf.update(u);
        byte[] next = prf.doFinal();
        System.arraycopy(next, 0, u, 0, hashBytes);
        for (int j = 0; j < hashBytes; j++) {
          block[j] ^= next[j];
        }
      }
      System.arraycopy(block, 0, out, offset, Math.min(hashBytes, length - offset));
    }
    Arrays.fill(block, (byte) 0);
    Arrays.fill(u, (byte) 0);
    return out;
  }
}
