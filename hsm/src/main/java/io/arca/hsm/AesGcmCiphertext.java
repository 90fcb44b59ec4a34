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

  /** The tag length: 128 bits. */
  public static final int TAG_LENGTH = 16;

  private final byte[] iv;
  private final byte[] ciphertext;
  private final byte[] tag;

  public AesGcmCiphertext(byte[] iv, byte[] ciphertext, byte[] tag) {
    if (iv.length != IV_LENGTH) {
      throw new HsmException(
          HsmException.Kind.INVALID_ARGUMENT,
          "AES-GCM IV length: " + iv.length + " (expected: " + IV_LENGTH + ")");
    }
    if (tag.length != TAG_LENGTH) {
      throw new HsmException(
          HsmException.Kind.INVALID_ARGUMENT,
          "AES-GCM tag length: " + tag.length + " (expected: " + TAG_LENGTH + ")");
    }
    this.iv = iv.clone();
    this.ciphertext = ciphertext.clone();
    this.tag = tag.clone();
  }

  /** Splits what PKCS#11 returns (ciphertext followed by the tag). */
  static AesGcmCiphertext fromToken(byte[] iv, byte[] ciphertextAndTag) {
    int n = ciphertextAndTag.length - TAG_LENGTH;
    return new AesGcmCiphertext(
        iv,
        Arrays.copyOfRange(ciphertextAndTag, 0, n),
        Arrays.copyOfRange(ciphertextAndTag, n, ciphertextAndTag.length));
  }

  /** What PKCS#11 expects to decrypt: ciphertext followed by the tag. */
  byte[] toToken() {
    byte[] out = Arrays.copyOf(ciphertext, ciphertext.length + TAG_LENGTH);
    System.arraycopy(tag, 0, out, ciphertext.length, TAG_LENGTH);
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
