package io.arca.server.crypto;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import java.security.SecureRandom;
import org.jspecify.annotations.Nullable;

/**
 * Encryption and decryption with a symmetric key, sent to the cipher of the key's Cryptographic
 * Algorithm: AES ({@link AesCipher}), 3DES ({@link TripleDesCipher}), ChaCha20 and
 * ChaCha20-Poly1305 ({@link ChaChaCipher}). Any other algorithm is refused with Feature Not
 * Supported, naming it.
 */
public final class SymmetricCipher {
  private final AesCipher aes;
  private final TripleDesCipher tripleDes;
  private final ChaChaCipher chaCha;

  /** The ciphers, drawing server-chosen IVs and nonces from {@code random}. */
  public SymmetricCipher(SecureRandom random) {
    this.aes = new AesCipher(random);
    this.tripleDes = new TripleDesCipher(random);
    this.chaCha = new ChaChaCipher(random);
  }

  /**
   * A cipher of {@code algorithm} set up for a multi-part operation (KMIP streaming), with the IV
   * or nonce the server drew when encrypting without one.
   */
  public AesCipher.Started start(
      CryptographicAlgorithm algorithm,
      boolean encrypt,
      byte[] key,
      CryptographicParameters parameters,
      byte @Nullable [] iv,
      byte @Nullable [] additionalData) {
    return switch (algorithm) {
      case AES -> aes.start(encrypt, key, parameters, iv, additionalData);
      case DES3 -> {
        noAdditionalData(new byte[0], additionalData, algorithm);
        yield tripleDes.start(encrypt, key, parameters, iv);
      }
      case CHACHA20 -> {
        noAdditionalData(new byte[0], additionalData, algorithm);
        yield chaCha.start(encrypt, false, key, parameters, iv, null);
      }
      case CHACHA20POLY1305 -> chaCha.start(encrypt, true, key, parameters, iv, additionalData);
      default -> throw unsupported(algorithm);
    };
  }

  /** Encrypts {@code plaintext} with a key of {@code algorithm}. */
  public AesCipher.Encrypted encrypt(
      CryptographicAlgorithm algorithm,
      byte[] key,
      CryptographicParameters parameters,
      byte[] plaintext,
      byte @Nullable [] iv,
      byte @Nullable [] additionalData) {
    return switch (algorithm) {
      case AES -> aes.encrypt(key, parameters, plaintext, iv, additionalData);
      case DES3 ->
          tripleDes.encrypt(
              key, parameters, noAdditionalData(plaintext, additionalData, algorithm), iv);
      case CHACHA20 ->
          chaCha.encrypt(
              key, parameters, noAdditionalData(plaintext, additionalData, algorithm), iv);
      case CHACHA20POLY1305 -> chaCha.seal(key, parameters, plaintext, iv, additionalData);
      default -> throw unsupported(algorithm);
    };
  }

  /** Decrypts {@code ciphertext} with a key of {@code algorithm}, checking the tag of an AEAD. */
  public byte[] decrypt(
      CryptographicAlgorithm algorithm,
      byte[] key,
      CryptographicParameters parameters,
      byte[] ciphertext,
      byte @Nullable [] iv,
      byte @Nullable [] additionalData,
      byte @Nullable [] tag) {
    return switch (algorithm) {
      case AES -> aes.decrypt(key, parameters, ciphertext, iv, additionalData, tag);
      case DES3 ->
          tripleDes.decrypt(
              key, parameters, noAdditionalData(ciphertext, additionalData, algorithm), iv);
      case CHACHA20 ->
          chaCha.decrypt(
              key, parameters, noAdditionalData(ciphertext, additionalData, algorithm), iv);
      case CHACHA20POLY1305 -> chaCha.open(key, parameters, ciphertext, iv, additionalData, tag);
      default -> throw unsupported(algorithm);
    };
  }

  /**
   * The length of the authentication tag that travels after the ciphertext for clients before KMIP
   * 1.4, or 0 when {@code algorithm} and {@code parameters} make no tag.
   */
  public static int tagBytes(CryptographicAlgorithm algorithm, CryptographicParameters parameters) {
    Integer mode = parameters.blockCipherMode();
    if (algorithm == CryptographicAlgorithm.AES
        && (mode == null || mode == BlockCipherMode.GCM.value())) {
      return AesCipher.tagBytes(parameters);
    }
    if (algorithm == CryptographicAlgorithm.CHACHA20POLY1305) {
      return ChaChaCipher.tagBytes(parameters);
    }
    return 0;
  }

  /** Whether Encrypt and Decrypt take keys of {@code algorithm}. */
  public static boolean supports(CryptographicAlgorithm algorithm) {
    return algorithm == CryptographicAlgorithm.AES
        || algorithm == CryptographicAlgorithm.DES3
        || algorithm == CryptographicAlgorithm.CHACHA20
        || algorithm == CryptographicAlgorithm.CHACHA20POLY1305;
  }

  private static byte[] noAdditionalData(
      byte[] data, byte @Nullable [] additionalData, CryptographicAlgorithm algorithm) {
    if (additionalData != null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "AuthenticatedEncryptionAdditionalData: " + algorithm.xmlName() + " takes none");
    }
    return data;
  }

  private static KmipException unsupported(CryptographicAlgorithm algorithm) {
    return new KmipException(
        ResultReason.FEATURE_NOT_SUPPORTED,
        "CryptographicAlgorithm: "
            + algorithm.xmlName()
            + " keys do not encrypt here (supported: AES, DES3, ChaCha20, ChaCha20Poly1305)");
  }
}
