package io.arca.hsm;

/**
 * What a caller may learn about an HSM key without touching its value.
 *
 * @param label the key's label
 * @param keyClass secret, private or public key
 * @param algorithm AES or RSA
 * @param lengthBits the AES key length or the RSA modulus length, in bits
 * @param sensitive whether the token keeps the value secret (always false for a public key)
 * @param extractable whether the value may leave the token, wrapped or in clear (always true for a
 *     public key)
 */
public record HsmKeyInfo(
    String label,
    KeyClass keyClass,
    KeyAlgorithm algorithm,
    int lengthBits,
    boolean sensitive,
    boolean extractable) {

  /** The PKCS#11 object class of a key. */
  public enum KeyClass {
    SECRET,
    PRIVATE,
    PUBLIC
  }

  /** The algorithms this module generates and uses. */
  public enum KeyAlgorithm {
    AES,
    RSA
  }

  /** Whether the value may be exported in clear. */
  public boolean exportable() {
    return keyClass == KeyClass.PUBLIC || (!sensitive && extractable);
  }
}
