package io.arca.server.crypto;

import io.arca.kmip.DRBGAlgorithm;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.RNGAlgorithm;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;

/**
 * The random generator behind every key and IV the server makes: the JDK's NIST SP 800-90A
 * Hash_DRBG with SHA-256 at 256-bit strength, seeded and reseeded from the operating system. One
 * instance serves every thread (the JDK's DRBG is thread-safe). Keys record it in their Random
 * Number Generator attribute, so the description here must stay true to what {@link #create} makes.
 */
public final class ServerRandom {
  private ServerRandom() {}

  /** The generator: Hash_DRBG, SHA-256, 256-bit security strength, reseedable. */
  public static SecureRandom create() {
    try {
      return SecureRandom.getInstance(
          "DRBG",
          DrbgParameters.instantiation(
              256,
              DrbgParameters.Capability.RESEED_ONLY,
              "arca".getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK's DRBG (SP 800-90A) is missing", e);
    }
  }

  /**
   * The KMIP RNG Parameters of {@link #create}'s generator under {@code tag} (Random Number
   * Generator for the attribute, RNG Parameters in a request).
   */
  public static TtlvStructure describe(int tag) {
    return new TtlvStructure(
        tag,
        List.of(
            new TtlvEnumeration(Tag.RNG_ALGORITHM.code(), RNGAlgorithm.DRBG.value()),
            new TtlvEnumeration(Tag.HASHING_ALGORITHM.code(), HashingAlgorithm.SHA_256.value()),
            new TtlvEnumeration(Tag.DRBG_ALGORITHM.code(), DRBGAlgorithm.HASH.value())));
  }
}
