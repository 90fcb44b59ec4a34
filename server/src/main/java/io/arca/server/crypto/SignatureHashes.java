package io.arca.server.crypto;

import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import org.jspecify.annotations.Nullable;

/**
 * The hash functions the asymmetric operations accept, as KMIP names them and as the JCA does, with
 * the DER prefix of the DigestInfo that PKCS#1 v1.5 signs (RFC 8017 §9.2 note 1), which a signature
 * over Digested Data has to add itself.
 */
enum SignatureHashes {
  SHA1(HashingAlgorithm.SHA_1, "SHA-1", "SHA1", 20, "3021300906052b0e03021a05000414"),
  SHA224(
      HashingAlgorithm.SHA_224, "SHA-224", "SHA224", 28, "302d300d06096086480165030402040500041c"),
  SHA256(
      HashingAlgorithm.SHA_256, "SHA-256", "SHA256", 32, "3031300d060960864801650304020105000420"),
  SHA384(
      HashingAlgorithm.SHA_384, "SHA-384", "SHA384", 48, "3041300d060960864801650304020205000430"),
  SHA512(
      HashingAlgorithm.SHA_512, "SHA-512", "SHA512", 64, "3051300d060960864801650304020305000440"),
  SHA3_256(
      HashingAlgorithm.SHA3_256,
      "SHA3-256",
      "SHA3-256",
      32,
      "3031300d060960864801650304020805000420"),
  SHA3_384(
      HashingAlgorithm.SHA3_384,
      "SHA3-384",
      "SHA3-384",
      48,
      "3041300d060960864801650304020905000430"),
  SHA3_512(
      HashingAlgorithm.SHA3_512,
      "SHA3-512",
      "SHA3-512",
      64,
      "3051300d060960864801650304020a05000440");

  final HashingAlgorithm kmip;

  /** The MessageDigest name (also the one OAEP, PSS and MGF1 parameter specs take). */
  final String jca;

  /** The prefix of the JCA signature names ("SHA256withRSA", "SHA3-256withECDSA"). */
  final String signaturePrefix;

  /** The digest's length in bytes. */
  final int bytes;

  private final String digestInfoPrefix;

  SignatureHashes(
      HashingAlgorithm kmip, String jca, String signaturePrefix, int bytes, String digestInfo) {
    this.kmip = kmip;
    this.jca = jca;
    this.signaturePrefix = signaturePrefix;
    this.bytes = bytes;
    this.digestInfoPrefix = digestInfo;
  }

  /** The DER DigestInfo of {@code digest}: the prefix naming the hash, then the digest. */
  byte[] digestInfo(byte[] digest) {
    byte[] prefix = java.util.HexFormat.of().parseHex(digestInfoPrefix);
    byte[] out = java.util.Arrays.copyOf(prefix, prefix.length + digest.length);
    System.arraycopy(digest, 0, out, prefix.length, digest.length);
    return out;
  }

  /**
   * The digest for a KMIP Hashing Algorithm value, or {@code fallback} when there is none.
   *
   * @param field the parameter's name, for the message when it is refused
   */
  static SignatureHashes of(@Nullable Integer value, SignatureHashes fallback, String field) {
    if (value == null) {
      return fallback;
    }
    for (SignatureHashes digest : values()) {
      if (digest.kmip.value() == value) {
        return digest;
      }
    }
    HashingAlgorithm known = HashingAlgorithm.byValue(value);
    throw new KmipException(
        ResultReason.FEATURE_NOT_SUPPORTED,
        field
            + ": "
            + (known == null ? "0x" + Integer.toHexString(value) : known.xmlName())
            + " is not supported (supported: SHA_1, SHA_224, SHA_256, SHA_384, SHA_512, SHA3_256,"
            + " SHA3_384, SHA3_512)");
  }
}
