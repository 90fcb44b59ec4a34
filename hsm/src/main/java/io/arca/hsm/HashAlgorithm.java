package io.arca.hsm;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKG_MGF1_SHA256;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKG_MGF1_SHA384;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKG_MGF1_SHA512;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA256;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA256_HMAC;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA384;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA384_HMAC;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA512;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_SHA512_HMAC;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-2 hashes of the HSM's signatures and MACs (FIPS 180-4), with what PKCS#11 and PKCS#1 call
 * them.
 */
public enum HashAlgorithm {
  SHA256(
      "SHA-256",
      32,
      CKM_SHA256,
      CKG_MGF1_SHA256,
      CKM_SHA256_HMAC,
      "3031300d060960864801650304020105000420"),
  SHA384(
      "SHA-384",
      48,
      CKM_SHA384,
      CKG_MGF1_SHA384,
      CKM_SHA384_HMAC,
      "3041300d060960864801650304020205000430"),
  SHA512(
      "SHA-512",
      64,
      CKM_SHA512,
      CKG_MGF1_SHA512,
      CKM_SHA512_HMAC,
      "3051300d060960864801650304020305000440");

  private final String jcaName;
  private final int length;
  private final long ckm;
  private final long mgf1;
  private final long hmac;
  // RFC 8017 §9.2 note 1: the DER of DigestInfo up to the digest itself.
  // Hex, since an enum holds no arrays (they could be changed).
  private final String digestInfoPrefix;

  HashAlgorithm(String jcaName, int length, long ckm, long mgf1, long hmac, String prefixHex) {
    this.jcaName = jcaName;
    this.length = length;
    this.ckm = ckm;
    this.mgf1 = mgf1;
    this.hmac = hmac;
    this.digestInfoPrefix = prefixHex;
  }

  /** The digest length in bytes (also the PSS salt length and the shortest HMAC key used). */
  public int length() {
    return length;
  }

  /** The hash's name in {@link MessageDigest}. */
  public String jcaName() {
    return jcaName;
  }

  long ckm() {
    return ckm;
  }

  long mgf1() {
    return mgf1;
  }

  /** CKM_SHA*_HMAC. */
  long hmac() {
    return hmac;
  }

  byte[] digest(byte[] data) {
    try {
      return MessageDigest.getInstance(jcaName).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + jcaName, e);
    }
  }

  /** The DER DigestInfo that PKCS#1 v1.5 signs (CKM_RSA_PKCS signs it as it is). */
  byte[] digestInfo(byte[] digest) {
    byte[] prefix = HexFormat.of().parseHex(digestInfoPrefix);
    byte[] out = java.util.Arrays.copyOf(prefix, prefix.length + digest.length);
    System.arraycopy(digest, 0, out, prefix.length, digest.length);
    return out;
  }

  /** Refuses a precomputed digest of the wrong length before it reaches the token. */
  void checkDigest(byte[] digest) {
    if (digest.length != length) {
      throw new HsmException(
          HsmException.Kind.INVALID_ARGUMENT,
          jcaName + " digest length: " + digest.length + " (expected: " + length + ")");
    }
  }
}
