package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.crypto.SymmetricCipher;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import io.arca.server.store.SymmetricKeyMaterial;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the symmetric operations share (Encrypt, Decrypt, MAC, MAC Verify): the key's bytes, read
 * from the store (the key cache makes this a copy from memory once the key is warm), and the tag
 * carried in the data for clients before KMIP 1.4, which has no tag field.
 */
final class SymmetricCrypto {
  private SymmetricCrypto() {}

  /**
   * The Cryptographic Algorithm of a symmetric key that Encrypt and Decrypt can use, or Feature Not
   * Supported naming what the key is.
   */
  static CryptographicAlgorithm cipherAlgorithm(ObjectRecord key) {
    Integer value = AttributeView.of(key).cryptographicAlgorithm();
    CryptographicAlgorithm algorithm = value == null ? null : CryptographicAlgorithm.byValue(value);
    if (key.objectType() != ObjectType.SYMMETRIC_KEY
        || algorithm == null
        || !SymmetricCipher.supports(algorithm)) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "CryptographicAlgorithm: Encrypt and Decrypt support AES, DES3, ChaCha20 and"
              + " ChaCha20Poly1305 symmetric keys (this is a "
              + key.objectType().xmlName()
              + (algorithm == null ? "" : " of " + algorithm.xmlName())
              + ")");
    }
    return algorithm;
  }

  /** A copy of a symmetric key's bytes; the caller wipes it. */
  static byte[] keyBytes(ObjectStore store, ObjectRecord key, ProtocolVersion version) {
    requireSymmetric(key);
    try (ObjectContent content =
        store.content(key.uid()).orElseThrow(() -> Reasons.destroyed(version, key.uid()))) {
      return SymmetricKeyMaterial.bytes(content.structure());
    }
  }

  /**
   * A copy of a symmetric key's bytes if they are in memory already ({@link
   * ObjectStore#contentInMemory}), else empty; the caller wipes it.
   */
  static Optional<byte[]> keyBytesInMemory(ObjectStore store, ObjectRecord key) {
    requireSymmetric(key);
    Optional<ObjectContent> found = store.contentInMemory(key.uid());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    try (ObjectContent content = found.get()) {
      return Optional.of(SymmetricKeyMaterial.bytes(content.structure()));
    }
  }

  private static void requireSymmetric(ObjectRecord key) {
    if (key.objectType() != ObjectType.SYMMETRIC_KEY) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "ObjectType: " + key.objectType().xmlName() + " (expected: SymmetricKey)");
    }
  }

  /** A copy of an optional byte-string field, or null. */
  static byte @Nullable [] bytes(@Nullable ByteString value) {
    return value == null ? null : value.toByteArray();
  }

  /** Before KMIP 1.4 there is no tag field: the tag travels after the ciphertext. */
  static boolean tagInData(ProtocolVersion version) {
    return !version.isAtLeast(ProtocolVersion.V1_4);
  }
}
