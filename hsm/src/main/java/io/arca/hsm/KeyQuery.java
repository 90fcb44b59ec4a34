package io.arca.hsm;

import io.arca.hsm.HsmKeyInfo.KeyAlgorithm;
import io.arca.hsm.HsmKeyInfo.KeyClass;
import org.jspecify.annotations.Nullable;

/**
 * What {@link HsmSlot#findKeys} looks for (KMIP Locate by attributes); a null or 0 field matches
 * anything. Start from {@link #upTo} and add criteria with the {@code with*} methods.
 *
 * @param labelPrefix the start of the label
 * @param keyClass secret, private or public key
 * @param algorithm the key's algorithm; {@link KeyAlgorithm#GENERIC_SECRET} finds the HMAC keys too
 * @param lengthBits the key length, modulus length or field size
 * @param curve the curve of an EC key
 * @param maxKeys how many keys to return at most, 1 to {@link #MAX_KEYS}
 */
public record KeyQuery(
    @Nullable String labelPrefix,
    @Nullable KeyClass keyClass,
    @Nullable KeyAlgorithm algorithm,
    int lengthBits,
    @Nullable EcCurve curve,
    int maxKeys) {

  /** The most keys one search returns. */
  public static final int MAX_KEYS = 1024;

  public KeyQuery {
    if (maxKeys < 1 || maxKeys > MAX_KEYS) {
      throw new HsmException(
          HsmException.Kind.INVALID_ARGUMENT,
          "maximum keys: " + maxKeys + " (expected: 1-" + MAX_KEYS + ")");
    }
    if (lengthBits < 0) {
      throw new HsmException(
          HsmException.Kind.INVALID_ARGUMENT,
          "key length: " + lengthBits + " (expected: 0 or more)");
    }
    if (curve != null && algorithm != null && algorithm != KeyAlgorithm.EC) {
      throw new HsmException(
          HsmException.Kind.INVALID_ARGUMENT,
          "a curve with algorithm " + algorithm + " (expected: EC)");
    }
  }

  /** Every key, at most {@code maxKeys} of them. */
  public static KeyQuery upTo(int maxKeys) {
    return new KeyQuery(null, null, null, 0, null, maxKeys);
  }

  public KeyQuery withLabelPrefix(String prefix) {
    return new KeyQuery(prefix, keyClass, algorithm, lengthBits, curve, maxKeys);
  }

  public KeyQuery withKeyClass(KeyClass wanted) {
    return new KeyQuery(labelPrefix, wanted, algorithm, lengthBits, curve, maxKeys);
  }

  public KeyQuery withAlgorithm(KeyAlgorithm wanted) {
    return new KeyQuery(labelPrefix, keyClass, wanted, lengthBits, curve, maxKeys);
  }

  public KeyQuery withLengthBits(int wanted) {
    return new KeyQuery(labelPrefix, keyClass, algorithm, wanted, curve, maxKeys);
  }

  /** EC keys on this curve. */
  public KeyQuery withCurve(EcCurve wanted) {
    return new KeyQuery(labelPrefix, keyClass, KeyAlgorithm.EC, lengthBits, wanted, maxKeys);
  }

  /** Whether a key's description matches every criterion. */
  boolean matches(HsmKeyInfo key) {
    return (labelPrefix == null || key.label().startsWith(labelPrefix))
        && (keyClass == null || key.keyClass() == keyClass)
        && (algorithm == null
            || key.algorithm() == algorithm
            || (algorithm == KeyAlgorithm.GENERIC_SECRET
                && KeyAttributes.hmacHash(key.algorithm()) != null))
        && (lengthBits == 0 || key.lengthBits() == lengthBits)
        && (curve == null || key.curve() == curve);
  }
}
