package io.arca.hsm;

import org.jspecify.annotations.Nullable;

/**
 * What a caller may learn about an HSM key without touching its value.
 *
 * @param label the key's label
 * @param keyClass secret, private or public key
 * @param algorithm what the key is for
 * @param lengthBits the AES or HMAC key length, the RSA modulus length or the EC field size, in
 *     bits
 * @param sensitive whether the token keeps the value secret (always false for a public key)
 * @param extractable whether the value may leave the token, wrapped or in clear (always true for a
 *     public key)
 * @param curve the curve of an EC key, else null
 */
public record HsmKeyInfo(
    String label,
    KeyClass keyClass,
    KeyAlgorithm algorithm,
    int lengthBits,
    boolean sensitive,
    boolean extractable,
    @Nullable EcCurve curve) {

  /** The PKCS#11 object class of a key. */
  public enum KeyClass {
    SECRET,
    PRIVATE,
    PUBLIC
  }

  /**
   * The algorithms this module generates and uses. An HMAC key made here is bound to one hash
   * (CKA_ALLOWED_MECHANISMS); a generic secret made elsewhere, with no such binding, may MAC with
   * any hash its length suits.
   */
  public enum KeyAlgorithm {
    AES,
    RSA,
    EC,
    HMAC_SHA256,
    HMAC_SHA384,
    HMAC_SHA512,
    GENERIC_SECRET
  }

  /** A key of an algorithm without a curve (AES, RSA, HMAC). */
  public HsmKeyInfo(
      String label,
      KeyClass keyClass,
      KeyAlgorithm algorithm,
      int lengthBits,
      boolean sensitive,
      boolean extractable) {
    this(label, keyClass, algorithm, lengthBits, sensitive, extractable, null);
  }

  /** Whether the value may be exported in clear. */
  public boolean exportable() {
    return keyClass == KeyClass.PUBLIC || (!sensitive && extractable);
  }
}
