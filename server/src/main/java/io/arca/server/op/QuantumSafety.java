package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ResultReason;
import io.arca.kmip.attribute.Attributes;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Quantum Safe attribute's rule (KMIP 2.0/2.1 §4.45): an object created with Quantum Safe true
 * "is required to be Quantum Safe", so the server makes it so or makes nothing. Of what Create and
 * Create Key Pair can make, only a symmetric key or secret of at least 256 bits is: Grover's search
 * halves a symmetric key's strength (AES-128 keeps about 64 bits), and Shor's algorithm breaks
 * every asymmetric algorithm KMIP 2.1 defines (RSA, DSA, DH, EC). The refusal is General Failure
 * with the message {@code NOT_SAFE: ...}, as the Quantum Safe profile's test cases answer; no
 * Result Reason of Create's table says "cannot be made quantum safe".
 */
final class QuantumSafety {
  static final int MIN_BITS = 256;

  /** Symmetric algorithms whose only quantum attack is a generic key search. */
  private static final Set<CryptographicAlgorithm> SYMMETRIC =
      Set.of(
          CryptographicAlgorithm.AES,
          CryptographicAlgorithm.CAMELLIA,
          CryptographicAlgorithm.CHACHA20,
          CryptographicAlgorithm.CHACHA20POLY1305,
          CryptographicAlgorithm.HMAC_SHA256,
          CryptographicAlgorithm.HMAC_SHA384,
          CryptographicAlgorithm.HMAC_SHA512,
          CryptographicAlgorithm.HMAC_SHA3_256,
          CryptographicAlgorithm.HMAC_SHA3_384,
          CryptographicAlgorithm.HMAC_SHA3_512);

  private QuantumSafety() {}

  /** Refuses a Create of {@code objectType} with {@code attributes} asking for what is not safe. */
  static void checkCreate(int objectType, Attributes attributes) {
    AttributeView asked = new AttributeView(attributes);
    if (!asked.quantumSafe()) {
      return;
    }
    Integer bits = asked.cryptographicLength();
    if (objectType == ObjectType.SECRET_DATA.value()) {
      if (bits == null || bits < MIN_BITS) {
        throw notSafe("a secret of " + bits + " bits");
      }
      return;
    }
    Integer value = asked.cryptographicAlgorithm();
    CryptographicAlgorithm algorithm = value == null ? null : CryptographicAlgorithm.byValue(value);
    if (algorithm == null || !SYMMETRIC.contains(algorithm)) {
      throw notSafe(name(algorithm) + " is not quantum safe");
    }
    if (bits == null || bits < MIN_BITS) {
      throw notSafe(
          name(algorithm) + "-" + bits + " keeps half its strength against a quantum search");
    }
  }

  /** Refuses a Create Key Pair asking for Quantum Safe: no KMIP 2.1 key pair is. */
  static void checkKeyPair(@Nullable Attributes... attributes) {
    for (Attributes each : attributes) {
      if (each != null && new AttributeView(each).quantumSafe()) {
        throw notSafe("no asymmetric algorithm KMIP defines resists a quantum computer");
      }
    }
  }

  private static String name(@Nullable CryptographicAlgorithm algorithm) {
    return algorithm == null ? "an unnamed algorithm" : algorithm.xmlName();
  }

  private static KmipException notSafe(String why) {
    return new KmipException(
        ResultReason.GENERAL_FAILURE,
        "NOT_SAFE: "
            + why
            + "; a quantum safe object is a symmetric key or secret of "
            + MIN_BITS
            + " bits or more");
  }
}
