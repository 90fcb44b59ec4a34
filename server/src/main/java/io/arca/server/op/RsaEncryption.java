package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.crypto.RsaCipher;
import io.arca.server.store.ObjectRecord;
import java.util.Arrays;

/**
 * The asymmetric branch of Encrypt and Decrypt: RSA public keys encrypt, RSA private keys decrypt
 * (OAEP or PKCS#1 v1.5, see {@link RsaCipher}). The handlers check state, dates and usage mask
 * first, as for AES; this only fetches the key and runs the cipher.
 */
final class RsaEncryption {
  private final AsymmetricKeys keys;
  private final RsaCipher rsa;

  RsaEncryption(AsymmetricKeys keys, RsaCipher rsa) {
    this.keys = keys;
    this.rsa = rsa;
  }

  /** Whether this branch, rather than AES, takes the key. */
  static boolean handles(ObjectRecord key) {
    return AsymmetricKeys.isAsymmetric(key);
  }

  ByteString encrypt(
      ObjectRecord key,
      CryptographicParameters parameters,
      ByteString data,
      ProtocolVersion version) {
    requireRsa(key, "Encrypt");
    byte[] plaintext = data.toByteArray();
    try {
      return ByteString.copyOf(
          rsa.encrypt(keys.publicKey(key, "Encrypt", version), parameters, plaintext));
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  ByteString decrypt(
      ObjectRecord key,
      CryptographicParameters parameters,
      ByteString data,
      ProtocolVersion version) {
    requireRsa(key, "Decrypt");
    byte[] plaintext =
        rsa.decrypt(keys.privateKey(key, "Decrypt", version), parameters, data.toByteArray());
    try {
      return ByteString.copyOf(plaintext);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static void requireRsa(ObjectRecord key, String operation) {
    Integer algorithm = AttributeView.of(key).cryptographicAlgorithm();
    if (algorithm == null || algorithm != CryptographicAlgorithm.RSA.value()) {
      CryptographicAlgorithm known =
          algorithm == null ? null : CryptographicAlgorithm.byValue(algorithm);
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "CryptographicAlgorithm: "
              + operation
              + " with "
              + (known == null ? "this" : "an " + known.xmlName())
              + " key is not supported (asymmetric: RSA)");
    }
  }
}
