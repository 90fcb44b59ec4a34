package io.arca.server.keys;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ResultReason;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A key in the clear with what its Key Block says about it (KMIP 2.1 §2.1.3): the object type,
 * Cryptographic Algorithm and Cryptographic Length that tell Raw bytes of an AES key from those of
 * an Ed25519 key. The Key Format Type is the material's. {@link #close()} wipes the material.
 *
 * @param objectType Symmetric Key, Secret Data, Public Key or Private Key
 * @param algorithm the Cryptographic Algorithm
 * @param length the Cryptographic Length in bits (RSA: modulus bits; EC: the curve's field size)
 * @param material the Key Material
 */
public record ClearKey(
    ObjectType objectType, CryptographicAlgorithm algorithm, int length, KeyMaterial material)
    implements AutoCloseable {
  private static final Set<ObjectType> KEY_OBJECTS =
      EnumSet.of(
          ObjectType.SYMMETRIC_KEY,
          ObjectType.SECRET_DATA,
          ObjectType.PUBLIC_KEY,
          ObjectType.PRIVATE_KEY);

  public ClearKey {
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(material, "material");
    if (!KEY_OBJECTS.contains(objectType)) {
      throw new KmipException(
          ResultReason.INVALID_OBJECT_TYPE,
          "Object Type "
              + objectType.xmlName()
              + " holds no key material (expected: SymmetricKey, SecretData, PublicKey or"
              + " PrivateKey)");
    }
    if (length < 0) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "Cryptographic Length: " + length + " (expected: 0 or more)");
    }
  }

  /** The Key Format Type of the material. */
  public KeyFormatType format() {
    return material.format();
  }

  /** Wipes the material's byte strings. */
  @Override
  public void close() {
    material.close();
  }
}
