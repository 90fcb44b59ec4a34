package io.arca.server.store;

import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.ByteString;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wraps under a managed RSA public key the way PKCS#11's {@code CKM_RSA_AES_KEY_WRAP} does: a fresh
 * AES-256 key, encrypted by RSA-OAEP (SHA-256, MGF1 with SHA-256, no label), followed by the
 * content wrapped under that AES key by AES key wrap with padding (RFC 5649). An HSM holding the
 * RSA private key could therefore unwrap these blobs itself. Unwrapping needs the private key,
 * which the caller supplies only when asked, so wrapping never touches it.
 */
final class RsaAesKwpWrapper implements KeyWrapper {
  private static final String RSA = "RSA/ECB/OAEPPadding";
  private static final String KWP = "AES/KWP/NoPadding";
  private static final OAEPParameterSpec OAEP =
      new OAEPParameterSpec(
          "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
  private static final int EPHEMERAL_BYTES = 32;

  private final String id;
  private final RSAPublicKey publicKey;
  private final Supplier<PrivateKey> privateKey;
  private final SecureRandom random;

  /**
   * A wrapper known as {@code id} (the public key's uid), asking {@code privateKey} for the private
   * half only to unwrap.
   */
  RsaAesKwpWrapper(
      String id, RSAPublicKey publicKey, Supplier<PrivateKey> privateKey, SecureRandom random) {
    this.id = id;
    this.publicKey = publicKey;
    this.privateKey = privateKey;
    this.random = random;
  }

  @Override
  public String id() {
    return id;
  }

  private int modulusBytes() {
    return (publicKey.getModulus().bitLength() + 7) / 8;
  }

  @Override
  public WrappedKey wrap(ByteString plaintext) {
    byte[] ephemeral = new byte[EPHEMERAL_BYTES];
    byte[] clear = plaintext.toByteArray();
    try {
      random.nextBytes(ephemeral);
      Cipher rsa = Cipher.getInstance(RSA);
      rsa.init(Cipher.ENCRYPT_MODE, publicKey, OAEP, random);
      byte[] wrappedKey = rsa.doFinal(ephemeral);
      Cipher kwp = Cipher.getInstance(KWP);
      kwp.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(ephemeral, "AES"));
      byte[] wrappedContent = kwp.doFinal(clear);
      byte[] out = Arrays.copyOf(wrappedKey, wrappedKey.length + wrappedContent.length);
      System.arraycopy(wrappedContent, 0, out, wrappedKey.length, wrappedContent.length);
      return new WrappedKey(id, WrappedKey.RSA_OAEP_SHA256_AES_KWP, ByteString.copyOf(out));
    } catch (GeneralSecurityException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "wrapping with RSA key " + id + " failed");
    } finally {
      Arrays.fill(ephemeral, (byte) 0);
      Arrays.fill(clear, (byte) 0);
    }
  }

  @Override
  public ByteString unwrap(WrappedKey wrapped) {
    if (!id.equals(wrapped.wrappingKeyId())
        || !WrappedKey.RSA_OAEP_SHA256_AES_KWP.equals(wrapped.mechanism())) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE,
          "the key was wrapped by "
              + wrapped.wrappingKeyId()
              + " with "
              + wrapped.mechanism()
              + ", not by "
              + id
              + " with "
              + WrappedKey.RSA_OAEP_SHA256_AES_KWP);
    }
    byte[] blob = wrapped.bytes().toByteArray();
    int split = modulusBytes();
    if (blob.length <= split) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE,
          "unwrapping with " + id + " failed: the blob is shorter than the RSA modulus");
    }
    byte[] ephemeral = null;
    byte[] clear = null;
    try {
      Cipher rsa = Cipher.getInstance(RSA);
      rsa.init(Cipher.DECRYPT_MODE, privateKey.get(), OAEP);
      ephemeral = rsa.doFinal(blob, 0, split);
      Cipher kwp = Cipher.getInstance(KWP);
      kwp.init(Cipher.DECRYPT_MODE, new SecretKeySpec(ephemeral, "AES"));
      clear = kwp.doFinal(blob, split, blob.length - split);
      return ByteString.copyOf(clear);
    } catch (GeneralSecurityException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "unwrapping with " + id + " failed: integrity check");
    } finally {
      if (ephemeral != null) {
        Arrays.fill(ephemeral, (byte) 0);
      }
      if (clear != null) {
        Arrays.fill(clear, (byte) 0);
      }
    }
  }

  @Override
  public String toString() {
    return "RsaAesKwpWrapper[" + id + "]";
  }
}
