package io.arca.server.crypto;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.KmipException;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * AES in the block cipher modes KMIP names: GCM (tag length from Tag Length, 16 bytes by default;
 * 12-byte nonce), CBC and ECB (PKCS#5 padding or none), CTR, and the key wraps of RFC 3394 and RFC
 * 5649. Without a Block Cipher Mode the documented default is GCM. An IV the client did not give is
 * drawn by the server and returned.
 */
public final class AesCipher {
  private static final int GCM_NONCE_BYTES = 12;
  private static final int BLOCK_BYTES = 16;

  private final SecureRandom random;

  /** A cipher drawing IVs and nonces from {@code random}. */
  public AesCipher(SecureRandom random) {
    this.random = random;
  }

  /**
   * The result of an encryption: the ciphertext without the tag, the IV, counter or nonce used
   * (null for modes without one) and the authentication tag (null for modes without one). Not a
   * record, because records compare arrays by reference.
   */
  public static final class Encrypted {
    private final byte[] data;
    private final byte @Nullable [] iv;
    private final byte @Nullable [] tag;

    public Encrypted(byte[] data, byte @Nullable [] iv, byte @Nullable [] tag) {
      this.data = data;
      this.iv = iv;
      this.tag = tag;
    }

    /** The ciphertext, without the tag. */
    public byte[] data() {
      return data;
    }

    /** The IV, counter or nonce used, or null. */
    public byte @Nullable [] iv() {
      return iv;
    }

    /** The authentication tag, or null. */
    public byte @Nullable [] tag() {
      return tag;
    }
  }

  /** Encrypts {@code plaintext}; {@code iv} null means the server chooses one. */
  public Encrypted encrypt(
      byte[] key,
      CryptographicParameters parameters,
      byte[] plaintext,
      byte @Nullable [] iv,
      byte @Nullable [] additionalData) {
    Mode mode = Mode.of(parameters);
    byte[] chosenIv = iv;
    if (chosenIv == null && mode.ivBytes > 0) {
      chosenIv = new byte[mode.ivBytes];
      random.nextBytes(chosenIv);
    }
    Cipher cipher =
        init(Cipher.ENCRYPT_MODE, key, mode, parameters, chosenIv, additionalData, true);
    byte[] out = run(cipher, plaintext);
    if (mode.block != BlockCipherMode.GCM) {
      return new Encrypted(out, chosenIv, null);
    }
    int tagBytes = tagBytes(parameters);
    byte[] data = java.util.Arrays.copyOf(out, out.length - tagBytes);
    byte[] tag = java.util.Arrays.copyOfRange(out, out.length - tagBytes, out.length);
    return new Encrypted(data, chosenIv, tag);
  }

  /**
   * A JCA cipher set up for a multi-part operation (KMIP streaming), with the IV the server drew
   * when the client gave none. The caller feeds it with {@code update} and ends with {@code
   * doFinal}; for GCM decryption the tag ends the last part's input.
   */
  public Started start(
      boolean encrypt,
      byte[] key,
      CryptographicParameters parameters,
      byte @Nullable [] iv,
      byte @Nullable [] additionalData) {
    Mode mode = Mode.of(parameters);
    if (mode.block == BlockCipherMode.NISTKEYWRAP
        || mode.block == BlockCipherMode.AESKEYWRAPPADDING) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "BlockCipherMode: "
              + mode.block.xmlName()
              + " wraps a key in one piece, not as a stream");
    }
    byte[] chosenIv = iv;
    if (chosenIv == null && mode.ivBytes > 0) {
      if (!encrypt) {
        throw new KmipException(
            ResultReason.INVALID_MESSAGE,
            "IVCounterNonce: missing (expected: the one used to encrypt)");
      }
      chosenIv = new byte[mode.ivBytes];
      random.nextBytes(chosenIv);
    }
    Cipher cipher =
        init(
            encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE,
            key,
            mode,
            parameters,
            chosenIv,
            additionalData,
            false);
    int tagBytes = mode.block == BlockCipherMode.GCM ? tagBytes(parameters) : 0;
    return new Started(cipher, chosenIv, tagBytes, 0, tagBytes > 0 && !encrypt);
  }

  /**
   * A cipher in the middle of a multi-part operation, of any algorithm ({@link SymmetricCipher}).
   * Not a record: it holds an array.
   */
  public static final class Started implements CipherParts {
    private final Cipher cipher;
    private final byte @Nullable [] iv;
    private final int tagBytes;
    private final int droppedTagBytes;
    private final boolean buffers;

    /**
     * {@code droppedTagBytes}: how much shorter than the cipher's tag the client's is (a truncated
     * tag is the full tag's first bytes); {@code buffers}: whether the cipher holds its input until
     * the last part (AEAD decryption, which checks the tag before it lets plaintext out).
     */
    Started(
        Cipher cipher, byte @Nullable [] iv, int tagBytes, int droppedTagBytes, boolean buffers) {
      this.cipher = cipher;
      this.iv = iv;
      this.tagBytes = tagBytes;
      this.droppedTagBytes = droppedTagBytes;
      this.buffers = buffers;
    }

    @Override
    public byte @Nullable [] iv() {
      return iv;
    }

    @Override
    public int tagBytes() {
      return tagBytes;
    }

    @Override
    public boolean buffers() {
      return buffers;
    }

    @Override
    public byte[] update(byte[] input) {
      byte[] out = cipher.update(input);
      return out == null ? new byte[0] : out;
    }

    @Override
    public byte[] doFinal(byte[] input) {
      byte[] out = run(cipher, input);
      if (droppedTagBytes == 0) {
        return out;
      }
      byte[] kept = java.util.Arrays.copyOf(out, out.length - droppedTagBytes);
      java.util.Arrays.fill(out, (byte) 0);
      return kept;
    }

    /**
     * Drops nothing: the key bytes the cipher was built from were wiped when it started, and the
     * JCA cipher keeps its own expanded key, which the JDK gives no way to wipe.
     */
    @Override
    public void close() {}
  }

  /** Decrypts {@code ciphertext}, checking {@code tag} for GCM. */
  public byte[] decrypt(
      byte[] key,
      CryptographicParameters parameters,
      byte[] ciphertext,
      byte @Nullable [] iv,
      byte @Nullable [] additionalData,
      byte @Nullable [] tag) {
    Mode mode = Mode.of(parameters);
    if (mode.ivBytes > 0 && iv == null) {
      // Invalid Message, as the OASIS cases answer a Decrypt without its IV (CS-BC-M-11).
      throw new KmipException(
          ResultReason.INVALID_MESSAGE,
          "IVCounterNonce: missing (expected: the one used to encrypt)");
    }
    byte[] input = ciphertext;
    if (mode.block == BlockCipherMode.GCM) {
      if (tag == null) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "AuthenticatedEncryptionTag: missing (expected: the tag Encrypt returned)");
      }
      if (tag.length != tagBytes(parameters)) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "AuthenticatedEncryptionTag: " + tag.length + " bytes (expected: TagLength)");
      }
      input = new byte[ciphertext.length + tag.length];
      System.arraycopy(ciphertext, 0, input, 0, ciphertext.length);
      System.arraycopy(tag, 0, input, ciphertext.length, tag.length);
    }
    return run(init(Cipher.DECRYPT_MODE, key, mode, parameters, iv, additionalData, true), input);
  }

  /** The tag length in bytes: Tag Length, else 16. */
  public static int tagBytes(CryptographicParameters parameters) {
    Integer length = parameters.tagLength();
    if (length == null) {
      return 16;
    }
    if (length < 12 || length > 16) {
      // General Failure is what the OASIS GCM cases expect (CS-BC-M-GCM-1), in 1.4 and 2.1.
      throw new KmipException(
          ResultReason.GENERAL_FAILURE, "TagLength: " + length + " (expected: 12 to 16 bytes)");
    }
    return length;
  }

  /**
   * Each thread's ciphers for one-shot operations, by transformation. {@code Cipher.getInstance}
   * looks the provider up and builds the engine anew, and a fresh engine expands the key schedule
   * again: together most of a 64-byte Encrypt's work. An engine re-initialised with the key it had
   * keeps its schedule. What a thread's cipher retains is the schedule of the key it last used,
   * which the key cache holds in plaintext anyway; it is replaced at the thread's next use.
   */
  private static final ThreadLocal<Map<String, Cipher>> ONE_SHOT =
      ThreadLocal.withInitial(HashMap::new);

  private static Cipher oneShot(String transformation) throws GeneralSecurityException {
    Map<String, Cipher> ciphers = ONE_SHOT.get();
    Cipher cipher = ciphers.get(transformation);
    if (cipher == null) {
      cipher = Cipher.getInstance(transformation);
      ciphers.put(transformation, cipher);
    }
    return cipher;
  }

  private static Cipher init(
      int direction,
      byte[] key,
      Mode mode,
      CryptographicParameters parameters,
      byte @Nullable [] iv,
      byte @Nullable [] additionalData,
      boolean reuse) {
    if (key.length != 16 && key.length != 24 && key.length != 32) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE,
          "the key is not an AES key (" + key.length + " bytes)");
    }
    if (additionalData != null && mode.block != BlockCipherMode.GCM) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "AuthenticatedEncryptionAdditionalData: only GCM takes additional data");
    }
    try {
      Cipher cipher =
          reuse ? oneShot(mode.transformation) : Cipher.getInstance(mode.transformation);
      SecretKeySpec spec = new SecretKeySpec(key, "AES");
      AlgorithmParameterSpec ivSpec = null;
      if (mode.block == BlockCipherMode.GCM) {
        ivSpec =
            new GCMParameterSpec(tagBytes(parameters) * 8, java.util.Objects.requireNonNull(iv));
      } else if (mode.ivBytes > 0) {
        if (java.util.Objects.requireNonNull(iv).length != BLOCK_BYTES) {
          throw new KmipException(
              ResultReason.INVALID_FIELD,
              "IVCounterNonce: " + iv.length + " bytes (expected: " + BLOCK_BYTES + ")");
        }
        ivSpec = new IvParameterSpec(iv);
      }
      if (ivSpec == null) {
        cipher.init(direction, spec);
      } else {
        cipher.init(direction, spec, ivSpec);
      }
      if (additionalData != null) {
        cipher.updateAAD(additionalData);
      }
      return cipher;
    } catch (InvalidAlgorithmParameterException e) {
      if (reuse) {
        // A GCM engine refuses the key and IV it has just encrypted with; a client that repeats
        // its IV gets what a fresh engine answers, as before engines were kept.
        return init(direction, key, mode, parameters, iv, additionalData, false);
      }
      throw new KmipException(
          ResultReason.INVALID_FIELD, "IVCounterNonce: not usable with " + mode.block.xmlName());
    } catch (GeneralSecurityException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "AES " + mode.block.xmlName() + " is not available");
    }
  }

  private static byte[] run(Cipher cipher, byte[] input) {
    try {
      return cipher.doFinal(input);
    } catch (AEADBadTagException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "authentication failed: the tag does not match");
    } catch (BadPaddingException e) {
      throw new KmipException(ResultReason.CRYPTOGRAPHIC_FAILURE, "decryption failed: bad padding");
    } catch (IllegalBlockSizeException e) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "Data: not a whole number of blocks (use PaddingMethod PKCS5, or pad the data)");
    }
  }

  /** A KMIP Block Cipher Mode and Padding Method as a JCA transformation. */
  private record Mode(BlockCipherMode block, String transformation, int ivBytes) {
    static Mode of(CryptographicParameters parameters) {
      Integer value = parameters.blockCipherMode();
      BlockCipherMode block = value == null ? BlockCipherMode.GCM : BlockCipherMode.byValue(value);
      if (block == null) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "BlockCipherMode: 0x" + Integer.toHexString(value == null ? 0 : value) + " is unknown");
      }
      boolean pad = padded(parameters);
      return switch (block) {
        case GCM -> new Mode(block, "AES/GCM/NoPadding", GCM_NONCE_BYTES);
        case CBC ->
            new Mode(block, pad ? "AES/CBC/PKCS5Padding" : "AES/CBC/NoPadding", BLOCK_BYTES);
        case ECB -> new Mode(block, pad ? "AES/ECB/PKCS5Padding" : "AES/ECB/NoPadding", 0);
        case CTR -> new Mode(block, "AES/CTR/NoPadding", BLOCK_BYTES);
        case NISTKEYWRAP -> new Mode(block, "AES/KW/NoPadding", 0);
        case AESKEYWRAPPADDING -> new Mode(block, "AES/KWP/NoPadding", 0);
        default ->
            throw new KmipException(
                ResultReason.FEATURE_NOT_SUPPORTED,
                "BlockCipherMode: "
                    + block.xmlName()
                    + " is not supported for AES"
                    + " (supported: GCM, CBC, ECB, CTR, NISTKeyWrap, AESKeyWrapPadding)");
      };
    }

    private static boolean padded(CryptographicParameters parameters) {
      Integer padding = parameters.paddingMethod();
      if (padding == null) {
        // No padding unless asked for: the OASIS cases encrypt one block with ECB and expect one
        // block back (CS-BC-M-1), and decrypt whole blocks that carry no padding.
        return false;
      }
      if (padding == PaddingMethod.PKCS5.value()) {
        return true;
      }
      if (padding == PaddingMethod.NONE.value()) {
        return false;
      }
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "PaddingMethod: only PKCS5 and None are supported for AES");
    }
  }
}
