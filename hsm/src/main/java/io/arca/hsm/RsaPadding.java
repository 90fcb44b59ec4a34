package io.arca.hsm;

/**
 * The RSA encryption schemes the HSM adapter offers: OAEP with SHA-256 (and MGF1-SHA-256), OAEP
 * with SHA-1 for tokens that have nothing better (SoftHSM2 2.6), and PKCS#1 v1.5.
 */
public enum RsaPadding {
  OAEP_SHA256,
  OAEP_SHA1,
  PKCS1_V1_5
}
