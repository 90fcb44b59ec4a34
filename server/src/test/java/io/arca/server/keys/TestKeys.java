package io.arca.server.keys;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.RecommendedCurve;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Key pairs for the tests, made once per kind from a seed ({@code -Darca.keys.seed} replays one)
 * and shared, because RSA generation is slow. Tests must not close the shared keys; they convert
 * them and close the copies.
 */
final class TestKeys {
  static final long SEED = Long.getLong("arca.keys.seed", System.nanoTime());

  /** One kind of key pair: algorithm, length and curve. */
  record Kind(CryptographicAlgorithm algorithm, int length, @Nullable RecommendedCurve curve) {
    @Override
    public String toString() {
      return algorithm.xmlName() + "-" + (curve == null ? String.valueOf(length) : curve.xmlName());
    }
  }

  /** Every kind KeyMaker makes, RSA 4096 once. */
  static final List<Kind> KINDS =
      List.of(
          new Kind(CryptographicAlgorithm.RSA, 1024, null),
          new Kind(CryptographicAlgorithm.RSA, 2048, null),
          new Kind(CryptographicAlgorithm.RSA, 3072, null),
          new Kind(CryptographicAlgorithm.RSA, 4096, null),
          new Kind(CryptographicAlgorithm.EC, 0, RecommendedCurve.P_224),
          new Kind(CryptographicAlgorithm.EC, 0, RecommendedCurve.P_256),
          new Kind(CryptographicAlgorithm.ECDSA, 384, RecommendedCurve.P_384),
          new Kind(CryptographicAlgorithm.ECDH, 0, RecommendedCurve.P_521),
          new Kind(CryptographicAlgorithm.EC, 0, RecommendedCurve.SECP256K1),
          new Kind(CryptographicAlgorithm.ED25519, 0, null));

  private static final Map<Kind, ClearKeyPair> PAIRS = new ConcurrentHashMap<>();

  private TestKeys() {}

  static ClearKeyPair pair(Kind kind) {
    return PAIRS.computeIfAbsent(
        kind,
        k ->
            new KeyMaker(seeded(SEED + k.toString().hashCode()))
                .keyPair(k.algorithm(), k.length(), k.curve()));
  }

  /** A deterministic SecureRandom: SHA1PRNG seeded before its first use. */
  static SecureRandom seeded(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static List<KeyFormatType> formats(ObjectType objectType, CryptographicAlgorithm algorithm) {
    return List.copyOf(KeyFormats.supportedFormats(objectType, algorithm));
  }
}
