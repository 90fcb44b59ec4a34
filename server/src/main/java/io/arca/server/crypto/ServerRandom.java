package io.arca.server.crypto;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.DRBGAlgorithm;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.RNGAlgorithm;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
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

  /** What {@link #create}'s generator is, read from a generator it made. */
  private static final List<Ttlv> DESCRIPTION = describe(create());

  /**
   * The KMIP RNG Parameters of {@link #create}'s generator under {@code tag} (Random Number
   * Generator for the attribute, RNG Parameters in a Query answer).
   */
  public static TtlvStructure describe(int tag) {
    return new TtlvStructure(tag, DESCRIPTION);
  }

  /**
   * The KMIP RNG Parameters of {@code generator} under {@code tag}. The JDK's DRBG names its
   * mechanism, its hash or cipher, its strength and its capability in {@code toString()} (e.g.
   * {@code Hash_DRBG,SHA-256,256,reseed_only}), which is what the security properties made of it; a
   * generator that does not gets RNG Algorithm Unspecified, as KMIP 2.1 §7.36 asks.
   */
  public static TtlvStructure describe(SecureRandom generator, int tag) {
    return new TtlvStructure(tag, describe(generator));
  }

  private static List<Ttlv> describe(SecureRandom generator) {
    String[] parts = generator.toString().split(",", -1);
    DRBGAlgorithm mechanism =
        !generator.getAlgorithm().equals("DRBG") || parts.length != 4
            ? null
            : switch (parts[0]) {
              case "Hash_DRBG" -> DRBGAlgorithm.HASH;
              case "HMAC_DRBG" -> DRBGAlgorithm.HMAC;
              case "CTR_DRBG" -> DRBGAlgorithm.CTR;
              default -> null;
            };
    if (mechanism == null) {
      return List.of(
          new TtlvEnumeration(Tag.RNG_ALGORITHM.code(), RNGAlgorithm.UNSPECIFIED.value()));
    }
    List<Ttlv> fields = new ArrayList<>();
    fields.add(new TtlvEnumeration(Tag.RNG_ALGORITHM.code(), RNGAlgorithm.DRBG.value()));
    String primitive = parts[1];
    if (mechanism == DRBGAlgorithm.CTR && primitive.startsWith("AES-")) {
      fields.add(
          new TtlvEnumeration(
              Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value()));
      fields.add(
          new TtlvInteger(
              Tag.CRYPTOGRAPHIC_LENGTH.code(), Integer.parseInt(primitive.substring(4))));
    } else {
      HashingAlgorithm hash =
          HashingAlgorithm.byXmlName(primitive.replace('-', '_').replace('/', '_'));
      if (hash != null) {
        fields.add(new TtlvEnumeration(Tag.HASHING_ALGORITHM.code(), hash.value()));
      }
    }
    fields.add(new TtlvEnumeration(Tag.DRBG_ALGORITHM.code(), mechanism.value()));
    fields.add(new TtlvBoolean(Tag.PREDICTION_RESISTANCE.code(), parts[3].startsWith("pr_")));
    return List.copyOf(fields);
  }
}
