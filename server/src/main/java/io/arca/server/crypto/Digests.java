package io.arca.server.crypto;

import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The hashes of KMIP's Hash operation, with the JDK's provider: MD5, SHA-1, SHA-2 (including
 * SHA-512/224 and SHA-512/256) and SHA-3. One reused {@link MessageDigest} per algorithm and thread
 * serves single requests; a stream gets its own.
 */
public final class Digests {
  private static final ThreadLocal<Map<String, MessageDigest>> REUSED =
      ThreadLocal.withInitial(HashMap::new);

  private Digests() {}

  /** The JCA name of a Hashing Algorithm value, or Feature Not Supported naming it. */
  public static String jcaName(@Nullable Integer hashingAlgorithm) {
    if (hashingAlgorithm == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicParameters/HashingAlgorithm: missing (expected: the hash to compute)");
    }
    HashingAlgorithm known = HashingAlgorithm.byValue(hashingAlgorithm);
    String name = known == null ? null : name(known);
    if (name == null) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "HashingAlgorithm: "
              + (known == null ? "0x" + Integer.toHexString(hashingAlgorithm) : known.xmlName())
              + " is not supported (supported: MD5, SHA_1, SHA_224, SHA_256, SHA_384, SHA_512,"
              + " SHA_512_224, SHA_512_256, SHA3_224, SHA3_256, SHA3_384, SHA3_512)");
    }
    return name;
  }

  /** The digest of {@code data}. */
  public static byte[] digest(String jcaName, byte[] data) {
    MessageDigest digest = REUSED.get().computeIfAbsent(jcaName, Digests::newDigest);
    digest.reset();
    return digest.digest(data);
  }

  /** A digest of its own, for data given in parts. */
  public static MessageDigest newDigest(String jcaName) {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new KmipException(ResultReason.CRYPTOGRAPHIC_FAILURE, jcaName + " is not available");
    }
  }

  private static @Nullable String name(HashingAlgorithm algorithm) {
    return switch (algorithm) {
      case MD5 -> "MD5";
      case SHA_1 -> "SHA-1";
      case SHA_224 -> "SHA-224";
      case SHA_256 -> "SHA-256";
      case SHA_384 -> "SHA-384";
      case SHA_512 -> "SHA-512";
      case SHA_512_224 -> "SHA-512/224";
      case SHA_512_256 -> "SHA-512/256";
      case SHA3_224 -> "SHA3-224";
      case SHA3_256 -> "SHA3-256";
      case SHA3_384 -> "SHA3-384";
      case SHA3_512 -> "SHA3-512";
      default -> null;
    };
  }
}
