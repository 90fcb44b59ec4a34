package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.ManagedObject;
import io.arca.server.crypto.JcaKeyCache;
import io.arca.server.keys.ClearKey;
import io.arca.server.keys.JcaKeys;
import io.arca.server.keys.KeyBlocks;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The JCA keys of managed public and private keys for Encrypt, Decrypt, Sign and Signature Verify:
 * read through the store (whose key cache holds the unwrapped material) and parsed once per version
 * of the object into the {@link JcaKeyCache}. Callers have already resolved the record, checked the
 * caller's access, the key's state and usage mask: this only fetches.
 */
public final class AsymmetricKeys {
  private final ObjectStore store;
  private final JcaKeyCache cache;

  /** Keys of {@code store}, parsed into {@code cache}. */
  public AsymmetricKeys(ObjectStore store, JcaKeyCache cache) {
    this.store = store;
    this.cache = cache;
  }

  /** Whether the key is a public or private key (and so not for the AES path). */
  static boolean isAsymmetric(ObjectRecord key) {
    return key.objectType() == ObjectType.PUBLIC_KEY || key.objectType() == ObjectType.PRIVATE_KEY;
  }

  /**
   * The private key's JCA object.
   *
   * @throws KmipException Invalid Object Type when the object is not a private key
   */
  PrivateKey privateKey(ObjectRecord key, String operation, ProtocolVersion version) {
    requireType(key, ObjectType.PRIVATE_KEY, operation);
    return cache.get(
        key.uid(),
        key.version(),
        PrivateKey.class,
        () -> {
          try (ClearKey clear = clearKey(key, version)) {
            return JcaKeys.privateKey(clear);
          }
        });
  }

  /**
   * The public key's JCA object.
   *
   * @throws KmipException Invalid Object Type when the object is not a public key
   */
  PublicKey publicKey(ObjectRecord key, String operation, ProtocolVersion version) {
    requireType(key, ObjectType.PUBLIC_KEY, operation);
    return cache.get(
        key.uid(),
        key.version(),
        PublicKey.class,
        () -> {
          try (ClearKey clear = clearKey(key, version)) {
            return JcaKeys.publicKey(clear);
          }
        });
  }

  private ClearKey clearKey(ObjectRecord key, ProtocolVersion version) {
    try (ObjectContent content =
        store.content(key.uid()).orElseThrow(() -> Reasons.destroyed(version, key.uid()))) {
      ManagedObject object = ManagedObject.decode(content.structure(), StoredForm.VERSION);
      KeyBlock block = object.keyBlock();
      if (block == null) {
        throw new KmipException(ResultReason.INVALID_FIELD, key.uid() + " has no key block");
      }
      return KeyBlocks.toClearKey(key.objectType(), block);
    }
  }

  /** Refuses, with Invalid Object Type, an object that is not an {@code expected}. */
  static void requireType(ObjectRecord key, ObjectType expected, String operation) {
    if (key.objectType() != expected) {
      throw new KmipException(
          ResultReason.INVALID_OBJECT_TYPE,
          operation
              + " needs a "
              + expected.xmlName()
              + ", and "
              + key.uid()
              + " is a "
              + key.objectType().xmlName());
    }
  }
}
