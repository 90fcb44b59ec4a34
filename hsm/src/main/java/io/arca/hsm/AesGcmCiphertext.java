package io.arca.hsm;

import java.util.Arrays;

/**
 * The result of an AES-GCM encryption, with the IV and the authentication tag kept apart from the
 * ciphertext so that the caller (KMIP's IV/Counter/Nonce and Authenticated Encryption Tag) never
 * has to split bytes itself.
 */
public final class AesGcmCiphertext {

  /** The IV length this module uses and expects: 96 bits, as NIST SP 800-38D recommends. */
  public static final int IV_LENGTH = 12;

  /** The tag length unless the caller chooses another: 128 bits. */
  public static final int TAG_LENGTH = 16;

  /**
   * The shortest tag accepted: 96 bits. NIST SP 800-38D allows 32 and 64 bits only with limits on
   * the data and the number of failed checks that nothing here enforces, so they are refused.
   */
  public static final int MIN_TAG_LENGTH = 12;

  private final byte[] iv;
  private final byte[] ciphertext;
  private final byte[] tag;

  public AesGcmCiphertext(byte[] iv, byte[] ciphertext, byte[] tag) {
    if (iv.length != IV_LENGTH) {
      throw new HsmException(
          HsmException.Kind.INVALID_ARGUMENT,
          "AES-GCM IV length: " + iv.length + " (expected: " + IV_LENGTH + ")");
    }
    checkTagLength(tag.length);
    this.iv = iv.clone();
    this.ciphertext = ciphertext.clone();
    this.tag = tag.clone();
  }

  /** Refuses a tag length outside 12-16 bytes (96-128 bits). */
  static void checkTagLength(int bytes) {
    if (bytes < MIN_TAG_LENGTH || bytes > TAG_LENGTH) {
      throw new HsmException(
          HsmException.Kind.INVALID_ARGUMENT,
          "AES-GCM tag length: "
              + bytes
              + " (expected: "
              + MIN_TAG_LENGTH
              + "-"
              + TAG_LENGTH
              + ")");
    }
  }

  /** Splits what PKCS#11 returns (ciphertext followed by a 128-bit tag). */
  static AesGcmCiphertext fromToken(byte[] iv, byte[] ciphertextAndTag) {
    return fromToken(iv, ciphertextAndTag, TAG_LENGTH);
  }

  /** Splits what PKCS#11 returns (ciphertext followed by a tag of {@code tagLength} bytes). */
  static AesGcmCiphertext fromToken(byte[] iv, byte[] ciphertextAndTag, int tagLength) {
    int n = ciphertextAndTag.length - tagLength;
    return new AesGcmCiphertext(
        iv,
        Arrays.copyOfRange(ciphertextAndTag, 0, n),
        Arrays.copyOfRange(ciphertextAndTag, n, ciphertextAndTag.length));
  }

  /** What PKCS#11 expects to decrypt: ciphertext followed by the tag. */
  byte[] toToken() {
    byte[] out = Arrays.copyOf(ciphertext, ciphertext.length + tag.length);
    System.arraycopy(tag, 0, out, ciphertext.length, tag.length);
    return out;
  }

  public byte[] iv() {
    return iv.clone();
  }

  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  public byte[] tag() {
    return tag.clone();
  }

  /** The tag length in bytes, 12 to 16. */
  public int tagLength() {
    return tag.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AesGcmCiphertext other
        && Arrays.equals(iv, other.iv)
        && Arrays.equals(ciphertext, other.ciphertext)
        && Arrays.equals(tag, other.tag);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(iv) + Arrays.hashCode(ciphertext)) + Arrays.hashCode(tag);
  }

  @Override
  public String toString() {
    return "AesGcmCiphertext[" + ciphertext.length + " bytes]";
  }
}
