package io.arca.server.crypto;

import io.arca.kmip.ttlv.TtlvStructure;
import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The random generator behind RNG Retrieve and RNG Seed: the JDK's NIST SP 800-90A DRBG (Hash_DRBG
 * with SHA-256 unless the security properties say otherwise), at 256-bit strength with prediction
 * resistance off and reseeding allowed.
 *
 * <p>What RNG Seed does with client data: it becomes the <em>additional input</em> of a reseed (SP
 * 800-90A §9.2), which mixes it with fresh entropy from the JDK's entropy source. Additional input
 * can never lower the generator's security, whatever the client sends, so it is safe to accept from
 * any client; and it cannot make the output predictable either, which is why the server does not
 * promise that seeding changes anything a client could observe. The generator is used for RNG
 * Retrieve only: keys, IVs and nonces come from the server's own generator, which clients cannot
 * reach.
 */
public final class ClientRandom {
  private final SecureRandom drbg;

  /** A new DRBG instance. */
  public ClientRandom() {
    try {
      drbg =
          SecureRandom.getInstance(
              "DRBG",
              DrbgParameters.instantiation(
                  256,
                  DrbgParameters.Capability.RESEED_ONLY,
                  "arca rng".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no DRBG", e);
    }
  }

  /** {@code length} random bytes. */
  public byte[] next(int length) {
    byte[] out = new byte[length];
    drbg.nextBytes(out);
    return out;
  }

  /** This generator's KMIP RNG Parameters under {@code tag} (see {@link ServerRandom#describe}). */
  public TtlvStructure describe(int tag) {
    return ServerRandom.describe(drbg, tag);
  }

  /** Reseeds with fresh entropy and {@code seed} as additional input. */
  public void reseed(byte[] seed) {
    drbg.reseed(DrbgParameters.reseed(false, seed));
  }
}
