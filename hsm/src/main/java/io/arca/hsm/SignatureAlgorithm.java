package io.arca.hsm;

/**
 * The signature schemes {@link HsmSlot#sign} offers: RSA PKCS#1 v1.5 and RSA-PSS (RFC 8017; PSS
 * with MGF1 over the same hash and a salt as long as the hash) and ECDSA (FIPS 186-4), each with
 * SHA-2.
 */
public enum SignatureAlgorithm {
  RSA_PKCS1_V1_5_SHA256(Scheme.RSA_PKCS1_V1_5, HashAlgorithm.SHA256),
  RSA_PKCS1_V1_5_SHA384(Scheme.RSA_PKCS1_V1_5, HashAlgorithm.SHA384),
  RSA_PKCS1_V1_5_SHA512(Scheme.RSA_PKCS1_V1_5, HashAlgorithm.SHA512),
  RSA_PSS_SHA256(Scheme.RSA_PSS, HashAlgorithm.SHA256),
  RSA_PSS_SHA384(Scheme.RSA_PSS, HashAlgorithm.SHA384),
  RSA_PSS_SHA512(Scheme.RSA_PSS, HashAlgorithm.SHA512),
  ECDSA_SHA256(Scheme.ECDSA, HashAlgorithm.SHA256),
  ECDSA_SHA384(Scheme.ECDSA, HashAlgorithm.SHA384),
  ECDSA_SHA512(Scheme.ECDSA, HashAlgorithm.SHA512);

  /** The padding or algorithm family, which decides the key type. */
  public enum Scheme {
    RSA_PKCS1_V1_5,
    RSA_PSS,
    ECDSA
  }

  private final Scheme scheme;
  private final HashAlgorithm hash;

  SignatureAlgorithm(Scheme scheme, HashAlgorithm hash) {
    this.scheme = scheme;
    this.hash = hash;
  }

  public Scheme scheme() {
    return scheme;
  }

  public HashAlgorithm hash() {
    return hash;
  }

  /** The algorithm of this scheme and hash. */
  public static SignatureAlgorithm of(Scheme scheme, HashAlgorithm hash) {
    for (SignatureAlgorithm a : values()) {
      if (a.scheme == scheme && a.hash == hash) {
        return a;
      }
    }
    throw new IllegalStateException("no " + scheme + " with " + hash);
  }
}
