package io.arca.server.crypto;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.KmipException;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Triple DES (KMIP's DES3) in ECB and CBC, for the legacy data the OASIS 1.x cases encrypt. Keys
 * are 24 bytes (three keys) or 16 (two keys, the first used again as the third); the mode defaults
 * to ECB, the padding to none, as with AES. New keys should be AES: this is here to read old data.
 */
public final class TripleDesCipher {
  private static final int BLOCK_BYTES = 8;

  private final SecureRandom random;

  /** A cipher drawing the CBC IVs the client leaves to the server from {@code random}. */
  public TripleDesCipher(SecureRandom random) {
    this.random = random;
  }

  /** Encrypts {@code plaintext}; a CBC {@code iv} null means the server draws one. */
  public AesCipher.Encrypted encrypt(
      byte[] key, CryptographicParameters parameters, byte[] plaintext, byte @Nullable [] iv) {
    boolean cbc = cbc(parameters);
    byte[] chosen = iv;
    if (cbc && chosen == null) {
      chosen = new byte[BLOCK_BYTES];
      random.nextBytes(chosen);
    }
    return new AesCipher.Encrypted(
        run(Cipher.ENCRYPT_MODE, key, parameters, cbc, chosen, plaintext),
        cbc ? chosen : null,
        null);
  }

  /** Decrypts {@code ciphertext}. */
  public byte[] decrypt(
      byte[] key, CryptographicParameters parameters, byte[] ciphertext, byte @Nullable [] iv) {
    boolean cbc = cbc(parameters);
    if (cbc && iv == null) {
      throw new KmipException(
          ResultReason.INVALID_MESSAGE,
          "IVCounterNonce: missing (expected: the one used to encrypt)");
    }
    return run(Cipher.DECRYPT_MODE, key, parameters, cbc, iv, ciphertext);
  }

  /**
   * A cipher for a multi-part operation (KMIP streaming); a CBC {@code iv} null means the server
   * draws one when encrypting.
   */
  public AesCipher.Started start(
      boolean encrypt, byte[] key, CryptographicParameters parameters, byte @Nullable [] iv) {
    boolean cbc = cbc(parameters);
    byte[] chosen = iv;
    if (cbc && chosen == null) {
      if (!encrypt) {
        throw new KmipException(
            ResultReason.INVALID_MESSAGE,
            "IVCounterNonce: missing (expected: the one used to encrypt)");
      }
      chosen = new byte[BLOCK_BYTES];
      random.nextBytes(chosen);
    }
    Cipher cipher =
        cipher(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, key, parameters, cbc, chosen);
    return new AesCipher.Started(cipher, cbc ? chosen : null, 0, 0, false);
  }

  private static byte[] run(
      int direction,
      byte[] key,
      CryptographicParameters parameters,
      boolean cbc,
      byte @Nullable [] iv,
      byte[] input) {
    Cipher cipher = cipher(direction, key, parameters, cbc, iv);
    try {
      return cipher.doFinal(input);
    } catch (BadPaddingException e) {
      throw new KmipException(ResultReason.CRYPTOGRAPHIC_FAILURE, "decryption failed: bad padding");
    } catch (IllegalBlockSizeException e) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "Data: not a whole number of 8-byte blocks (use PaddingMethod PKCS5, or pad the data)");
    }
  }

  private static Cipher cipher(
      int direction,
      byte[] key,
      CryptographicParameters parameters,
      boolean cbc,
      byte @Nullable [] iv) {
    byte[] threeKeys = threeKeys(key);
    String padding = padded(parameters) ? "PKCS5Padding" : "NoPadding";
    try {
      Cipher cipher = Cipher.getInstance("DESede/" + (cbc ? "CBC" : "ECB") + "/" + padding);
      SecretKeySpec spec = new SecretKeySpec(threeKeys, "DESede");
      if (cbc) {
        byte[] vector = java.util.Objects.requireNonNull(iv);
        if (vector.length != BLOCK_BYTES) {
          throw new KmipException(
              ResultReason.INVALID_FIELD,
              "IVCounterNonce: " + vector.length + " bytes (expected: " + BLOCK_BYTES + ")");
        }
        cipher.init(direction, spec, new IvParameterSpec(vector));
      } else {
        cipher.init(direction, spec);
      }
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new KmipException(ResultReason.CRYPTOGRAPHIC_FAILURE, "3DES is not available");
    } finally {
      if (threeKeys != key) {
        Arrays.fill(threeKeys, (byte) 0);
      }
    }
  }

  private static byte[] threeKeys(byte[] key) {
    if (key.length == 24) {
      return key;
    }
    if (key.length == 16) {
      byte[] expanded = Arrays.copyOf(key, 24);
      System.arraycopy(key, 0, expanded, 16, 8);
      return expanded;
    }
    throw new KmipException(
        ResultReason.CRYPTOGRAPHIC_FAILURE,
        "the key is not a 3DES key (" + key.length + " bytes, expected 16 or 24)");
  }

  private static boolean cbc(CryptographicParameters parameters) {
    Integer mode = parameters.blockCipherMode();
    if (mode == null || mode == BlockCipherMode.ECB.value()) {
      return false;
    }
    if (mode == BlockCipherMode.CBC.value()) {
      return true;
    }
    BlockCipherMode known = BlockCipherMode.byValue(mode);
    throw new KmipException(
        ResultReason.FEATURE_NOT_SUPPORTED,
        "BlockCipherMode: "
            + (known == null ? "0x" + Integer.toHexString(mode) : known.xmlName())
            + " is not supported for 3DES (supported: ECB, CBC)");
  }

  private static boolean padded(CryptographicParameters parameters) {
    Integer padding = parameters.paddingMethod();
    if (padding == null || padding == PaddingMethod.NONE.value()) {
      return false;
    }
    if (padding == PaddingMethod.PKCS5.value()) {
      return true;
    }
    throw new KmipException(
        ResultReason.FEATURE_NOT_SUPPORTED,
        "PaddingMethod: only PKCS5 and None are supported for 3DES");
  }
}
