package io.arca.server.crypto;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * ChaCha20 (RFC 8439 §2.4) and ChaCha20-Poly1305 (RFC 8439 §2.8) with the JDK's provider.
 *
 * <p>ChaCha20 takes a 12-byte nonce, or the 8-byte nonce of the original design, which is the
 * 12-byte nonce with four leading zero bytes (the two layouts give the same key stream while the
 * block counter fits in 32 bits, i.e. for messages under 256 GiB); the block counter starts at the
 * Initial Counter Value, else 0. ChaCha20-Poly1305 takes a 12-byte nonce and a Tag Length of 12 to
 * 16 bytes (16 by default); a shorter tag is the full Poly1305 tag truncated, which is why a short
 * tag is checked by recomputing the full one rather than by the JDK's AEAD decryption, which knows
 * only 16 bytes.
 */
public final class ChaChaCipher {
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int ORIGINAL_NONCE_BYTES = 8;
  private static final int FULL_TAG_BYTES = 16;
  private static final int MIN_TAG_BYTES = 12;

  private final SecureRandom random;

  /** A cipher drawing the nonces the client leaves to the server from {@code random}. */
  public ChaChaCipher(SecureRandom random) {
    this.random = random;
  }

  /** ChaCha20 encryption; {@code nonce} null means the server draws a 12-byte one. */
  public AesCipher.Encrypted encrypt(
      byte[] key, CryptographicParameters parameters, byte[] plaintext, byte @Nullable [] nonce) {
    noModeFor(parameters, "ChaCha20");
    byte[] chosen = nonce == null ? drawNonce() : nonce;
    return new AesCipher.Encrypted(
        stream(Cipher.ENCRYPT_MODE, key, parameters, plaintext, chosen), chosen, null);
  }

  /** ChaCha20 decryption, which is the same key stream applied again. */
  public byte[] decrypt(
      byte[] key, CryptographicParameters parameters, byte[] ciphertext, byte @Nullable [] nonce) {
    noModeFor(parameters, "ChaCha20");
    if (nonce == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "IVCounterNonce: missing (expected: the nonce used to encrypt)");
    }
    return stream(Cipher.DECRYPT_MODE, key, parameters, ciphertext, nonce);
  }

  /** ChaCha20-Poly1305 encryption; the tag is returned apart from the ciphertext. */
  public AesCipher.Encrypted seal(
      byte[] key,
      CryptographicParameters parameters,
      byte[] plaintext,
      byte @Nullable [] nonce,
      byte @Nullable [] additionalData) {
    aeadModeOnly(parameters);
    int tagBytes = tagBytes(parameters);
    byte[] chosen = nonce == null ? drawNonce() : nonce;
    byte[] sealed = aead(key, plaintext, chosen, additionalData);
    int dataBytes = sealed.length - FULL_TAG_BYTES;
    byte[] data = Arrays.copyOf(sealed, dataBytes);
    byte[] tag = Arrays.copyOfRange(sealed, dataBytes, dataBytes + tagBytes);
    Arrays.fill(sealed, (byte) 0);
    return new AesCipher.Encrypted(data, chosen, tag);
  }

  /** ChaCha20-Poly1305 decryption, refused with Cryptographic Failure unless the tag matches. */
  public byte[] open(
      byte[] key,
      CryptographicParameters parameters,
      byte[] ciphertext,
      byte @Nullable [] nonce,
      byte @Nullable [] additionalData,
      byte @Nullable [] tag) {
    aeadModeOnly(parameters);
    int tagBytes = tagBytes(parameters);
    if (nonce == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "IVCounterNonce: missing (expected: the nonce used to encrypt)");
    }
    if (tag == null || tag.length != tagBytes) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "AuthenticatedEncryptionTag: "
              + (tag == null ? "missing" : tag.length + " bytes")
              + " (expected: TagLength, "
              + tagBytes
              + " bytes)");
    }
    // The AEAD's key stream starts at block 1 (block 0 makes the Poly1305 key, RFC 8439 §2.8).
    byte[] plaintext = chacha20(Cipher.DECRYPT_MODE, key, ciphertext, nonce, 1);
    byte[] resealed = aead(key, plaintext, nonce, additionalData);
    byte[] expected =
        Arrays.copyOfRange(
            resealed,
            resealed.length - FULL_TAG_BYTES,
            resealed.length - FULL_TAG_BYTES + tagBytes);
    Arrays.fill(resealed, (byte) 0);
    if (!MessageDigest.isEqual(expected, tag)) {
      Arrays.fill(plaintext, (byte) 0);
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "authentication failed: the tag does not match");
    }
    return plaintext;
  }

  /**
   * A ChaCha20 (no {@code aead}) or ChaCha20-Poly1305 cipher for a multi-part operation; {@code
   * nonce} null means the server draws one when encrypting. ChaCha20-Poly1305 decryption holds the
   * ciphertext until the last part and checks a full 16-byte tag there: a shorter one cannot be
   * checked by the JDK's cipher, so it is refused, as Feature Not Supported, before anything runs.
   */
  public AesCipher.Started start(
      boolean encrypt,
      boolean aead,
      byte[] key,
      CryptographicParameters parameters,
      byte @Nullable [] nonce,
      byte @Nullable [] additionalData) {
    if (nonce == null && !encrypt) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "IVCounterNonce: missing (expected: the nonce used to encrypt)");
    }
    byte[] chosen = nonce == null ? drawNonce() : nonce;
    int direction = encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
    checkKey(key);
    if (!aead) {
      noModeFor(parameters, "ChaCha20");
      Integer counter = parameters.initialCounterValue();
      if (counter != null && counter < 0) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "InitialCounterValue: " + counter + " (expected: 0 or more)");
      }
      Cipher cipher =
          init(direction, key, "ChaCha20", chacha20Spec(chosen, counter == null ? 0 : counter));
      return new AesCipher.Started(cipher, chosen, 0, 0, false);
    }
    aeadModeOnly(parameters);
    int tagBytes = tagBytes(parameters);
    if (!encrypt && tagBytes != FULL_TAG_BYTES) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "TagLength: "
              + tagBytes
              + " (a ChaCha20-Poly1305 stream decrypts with 16-byte tags; send a shorter tag's"
              + " data in one request)");
    }
    if (chosen.length != NONCE_BYTES) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "IVCounterNonce: " + chosen.length + " bytes (expected: 12 for ChaCha20-Poly1305)");
    }
    Cipher cipher = init(direction, key, "ChaCha20-Poly1305", new IvParameterSpec(chosen));
    if (additionalData != null) {
      cipher.updateAAD(additionalData);
    }
    return new AesCipher.Started(cipher, chosen, tagBytes, FULL_TAG_BYTES - tagBytes, !encrypt);
  }

  private static Cipher init(
      int direction, byte[] key, String algorithm, java.security.spec.AlgorithmParameterSpec spec) {
    try {
      Cipher cipher = Cipher.getInstance(algorithm);
      cipher.init(direction, new SecretKeySpec(key, "ChaCha20"), spec);
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new KmipException(ResultReason.CRYPTOGRAPHIC_FAILURE, algorithm + " is not available");
    }
  }

  private static ChaCha20ParameterSpec chacha20Spec(byte[] nonce, int counter) {
    if (nonce.length == NONCE_BYTES) {
      return new ChaCha20ParameterSpec(nonce, counter);
    }
    if (nonce.length == ORIGINAL_NONCE_BYTES) {
      byte[] ietfNonce = new byte[NONCE_BYTES];
      System.arraycopy(nonce, 0, ietfNonce, NONCE_BYTES - ORIGINAL_NONCE_BYTES, nonce.length);
      return new ChaCha20ParameterSpec(ietfNonce, counter);
    }
    throw new KmipException(
        ResultReason.INVALID_FIELD,
        "IVCounterNonce: " + nonce.length + " bytes (expected: 12, or 8 for original ChaCha20)");
  }

  private byte[] drawNonce() {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    return nonce;
  }

  private static byte[] stream(
      int direction, byte[] key, CryptographicParameters parameters, byte[] input, byte[] nonce) {
    Integer counter = parameters.initialCounterValue();
    if (counter != null && counter < 0) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "InitialCounterValue: " + counter + " (expected: 0 or more)");
    }
    return chacha20(direction, key, input, nonce, counter == null ? 0 : counter);
  }

  private static byte[] chacha20(int direction, byte[] key, byte[] input, byte[] nonce, int from) {
    checkKey(key);
    byte[] ietfNonce;
    if (nonce.length == NONCE_BYTES) {
      ietfNonce = nonce;
    } else if (nonce.length == ORIGINAL_NONCE_BYTES) {
      ietfNonce = new byte[NONCE_BYTES];
      System.arraycopy(nonce, 0, ietfNonce, NONCE_BYTES - ORIGINAL_NONCE_BYTES, nonce.length);
    } else {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "IVCounterNonce: " + nonce.length + " bytes (expected: 12, or 8 for original ChaCha20)");
    }
    try {
      Cipher cipher = Cipher.getInstance("ChaCha20");
      cipher.init(
          direction,
          new SecretKeySpec(key, "ChaCha20"),
          new ChaCha20ParameterSpec(ietfNonce, from));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new KmipException(ResultReason.CRYPTOGRAPHIC_FAILURE, "ChaCha20 is not available");
    }
  }

  private static byte[] aead(
      byte[] key, byte[] plaintext, byte[] nonce, byte @Nullable [] additionalData) {
    checkKey(key);
    if (nonce.length != NONCE_BYTES) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "IVCounterNonce: " + nonce.length + " bytes (expected: 12 for ChaCha20-Poly1305)");
    }
    try {
      Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
      cipher.init(
          Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
      if (additionalData != null) {
        cipher.updateAAD(additionalData);
      }
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "ChaCha20-Poly1305 is not available");
    }
  }

  private static void checkKey(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE,
          "the key is not a ChaCha20 key (" + key.length + " bytes, expected 32)");
    }
  }

  /** The tag length in bytes: Tag Length, else 16. */
  static int tagBytes(CryptographicParameters parameters) {
    Integer length = parameters.tagLength();
    if (length == null) {
      return FULL_TAG_BYTES;
    }
    if (length < MIN_TAG_BYTES || length > FULL_TAG_BYTES) {
      // General Failure, as the OASIS case answers (CS-BC-M-CHACHA20POLY1305-1).
      throw new KmipException(
          ResultReason.GENERAL_FAILURE,
          "TagLength: " + length + " (expected: " + MIN_TAG_BYTES + " to 16 bytes)");
    }
    return length;
  }

  private static void noModeFor(CryptographicParameters parameters, String algorithm) {
    Integer mode = parameters.blockCipherMode();
    if (mode != null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "BlockCipherMode: "
              + modeName(mode)
              + " does not apply to "
              + algorithm
              + ", a stream"
              + " cipher (expected: none)");
    }
  }

  private static void aeadModeOnly(CryptographicParameters parameters) {
    Integer mode = parameters.blockCipherMode();
    if (mode != null && mode != BlockCipherMode.AEAD.value()) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "BlockCipherMode: "
              + modeName(mode)
              + " does not apply to ChaCha20-Poly1305"
              + " (expected: AEAD or none)");
    }
  }

  private static String modeName(int mode) {
    BlockCipherMode known = BlockCipherMode.byValue(mode);
    return known == null ? "0x" + Integer.toHexString(mode) : known.xmlName();
  }
}
