package io.arca.server.crypto;

import io.arca.kmip.KmipException;
import io.arca.kmip.MaskGenerator;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.jspecify.annotations.Nullable;

/**
 * RSA encryption with the JDK's provider: OAEP (RFC 8017 §7.1: Hashing Algorithm for the label
 * hash, MGF1 with the Mask Generator Hashing Algorithm, P Source as the label) and PKCS#1 v1.5
 * (§7.2). Without a Padding Method the documented default is OAEP; without a Hashing Algorithm,
 * SHA-256; without a Mask Generator Hashing Algorithm, the Hashing Algorithm (as PyKMIP does, so
 * that one hash named by a client means one hash). Raw RSA (Padding Method None) is refused: it
 * leaks structure of the plaintext.
 */
public final class RsaCipher {
  private final SecureRandom random;

  /** A cipher drawing OAEP seeds and PKCS#1 padding from {@code random}. */
  public RsaCipher(SecureRandom random) {
    this.random = random;
  }

  /** Encrypts {@code plaintext} with the public key. */
  public byte[] encrypt(PublicKey key, CryptographicParameters parameters, byte[] plaintext) {
    Scheme scheme = Scheme.of(parameters);
    try {
      Cipher cipher = Cipher.getInstance(scheme.transformation);
      if (scheme.oaep == null) {
        cipher.init(Cipher.ENCRYPT_MODE, key, random);
      } else {
        cipher.init(Cipher.ENCRYPT_MODE, key, scheme.oaep, random);
      }
      int room = modulusBytes(key) - scheme.overhead;
      if (plaintext.length > room) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "Data: "
                + plaintext.length
                + " bytes, more than the "
                + Math.max(room, 0)
                + " that "
                + scheme.name
                + " with this key can encrypt");
      }
      return cipher.doFinal(plaintext);
    } catch (InvalidKeyException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "the key cannot encrypt with " + scheme.name);
    } catch (GeneralSecurityException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, scheme.name + " encryption failed");
    }
  }

  /**
   * Decrypts {@code ciphertext} with the private key. Every way the ciphertext can be wrong gives
   * the same answer, so that the answers are no padding oracle.
   */
  public byte[] decrypt(PrivateKey key, CryptographicParameters parameters, byte[] ciphertext) {
    Scheme scheme = Scheme.of(parameters);
    try {
      Cipher cipher = Cipher.getInstance(scheme.transformation);
      if (scheme.oaep == null) {
        cipher.init(Cipher.DECRYPT_MODE, key);
      } else {
        cipher.init(Cipher.DECRYPT_MODE, key, scheme.oaep);
      }
      return cipher.doFinal(ciphertext);
    } catch (BadPaddingException | IllegalBlockSizeException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, scheme.name + " decryption failed");
    } catch (InvalidKeyException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "the key cannot decrypt with " + scheme.name);
    } catch (GeneralSecurityException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, scheme.name + " decryption failed");
    }
  }

  private static int modulusBytes(PublicKey key) {
    if (!(key instanceof RSAKey rsa)) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "the key is not an RSA key: " + key.getAlgorithm());
    }
    return (rsa.getModulus().bitLength() + 7) / 8;
  }

  /** A Padding Method and its parameters as a JCA transformation. */
  private static final class Scheme {
    final String name;
    final String transformation;
    final @Nullable OAEPParameterSpec oaep;
    final int overhead;

    private Scheme(
        String name, String transformation, @Nullable OAEPParameterSpec oaep, int overhead) {
      this.name = name;
      this.transformation = transformation;
      this.oaep = oaep;
      this.overhead = overhead;
    }

    static Scheme of(CryptographicParameters parameters) {
      Integer padding = parameters.paddingMethod();
      if (padding == null || padding == PaddingMethod.OAEP.value()) {
        SignatureHashes hash =
            SignatureHashes.of(
                parameters.hashingAlgorithm(), SignatureHashes.SHA256, "HashingAlgorithm");
        SignatureHashes mgfHash =
            SignatureHashes.of(
                parameters.maskGeneratorHashingAlgorithm(), hash, "MaskGeneratorHashingAlgorithm");
        requireMgf1(parameters.maskGenerator());
        byte[] label =
            parameters.pSource() == null ? new byte[0] : parameters.pSource().toByteArray();
        OAEPParameterSpec spec =
            new OAEPParameterSpec(
                hash.jca,
                "MGF1",
                new MGF1ParameterSpec(mgfHash.jca),
                new PSource.PSpecified(label));
        return new Scheme(
            "RSA-OAEP (" + hash.jca + ", MGF1 " + mgfHash.jca + ")",
            "RSA/ECB/OAEPPadding",
            spec,
            2 * hash.bytes + 2);
      }
      if (padding == PaddingMethod.PKCS1_V1_5.value()) {
        return new Scheme("RSA PKCS#1 v1.5", "RSA/ECB/PKCS1Padding", null, 11);
      }
      PaddingMethod known = PaddingMethod.byValue(padding);
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "PaddingMethod: "
              + (known == null ? "0x" + Integer.toHexString(padding) : known.xmlName())
              + " is not supported for RSA encryption (supported: OAEP, PKCS1V1_5)");
    }
  }

  /** Only MGF1 exists today; another (vendor) value is refused by name. */
  static void requireMgf1(@Nullable Integer maskGenerator) {
    if (maskGenerator != null && maskGenerator != MaskGenerator.MGF1.value()) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "MaskGenerator: 0x" + Integer.toHexString(maskGenerator) + " is not supported (MGF1 is)");
    }
  }
}
