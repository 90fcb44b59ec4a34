package io.arca.server.op;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.DerivationMethod;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.payload.DeriveKey;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.crypto.AesCipher;
import io.arca.server.crypto.KeyDerivation;
import io.arca.server.crypto.KeyDerivation.Prf;
import io.arca.server.crypto.SymmetricCipher;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Derivation Methods of KMIP 2.1 §11.14 over a derivation key's bytes and the Derivation Data
 * (KMIP 2.1 §7.12, 1.4 §2.1.12), each returning exactly the bytes asked for or Invalid Field when
 * it gives fewer. The PRF or hash comes from the Cryptographic Parameters of the request, else
 * those stored with the key (1.4 §2.1.12: the lowest Attribute Index), else the key's own HMAC
 * algorithm; HMAC derivation takes the key's HMAC algorithm first, since the spec says its
 * attributes then decide and the parameters are ignored.
 */
final class Derivations {
  private Derivations() {}

  /**
   * What a method works on; a class rather than a record, since it holds the key's bytes, which a
   * record would compare and print by reference.
   */
  static final class Input {
    private final byte[] key;
    private final @Nullable CryptographicAlgorithm keyAlgorithm;
    private final List<byte[]> data;
    private final DeriveKey.Parameters given;
    private final CryptographicParameters parameters;

    /**
     * @param key the derivation key's bytes (a Symmetric Key's or a Secret Data's)
     * @param keyAlgorithm the derivation key's Cryptographic Algorithm, if it has one
     * @param data the Derivation Data, given in the request or read from a Secret Data object
     * @param given the request's Derivation Parameters
     * @param parameters the Cryptographic Parameters in force (the request's, else the key's)
     */
    Input(
        byte[] key,
        @Nullable CryptographicAlgorithm keyAlgorithm,
        List<byte[]> data,
        DeriveKey.Parameters given,
        CryptographicParameters parameters) {
      this.key = key;
      this.keyAlgorithm = keyAlgorithm;
      this.data = data;
      this.given = given;
      this.parameters = parameters;
    }

    byte[] key() {
      return key;
    }

    @Nullable CryptographicAlgorithm keyAlgorithm() {
      return keyAlgorithm;
    }

    List<byte[]> data() {
      return data;
    }

    DeriveKey.Parameters given() {
      return given;
    }

    CryptographicParameters parameters() {
      return parameters;
    }
  }

  /** {@code length} bytes derived by {@code method}; the ENCRYPT method needs {@code cipher}. */
  static byte[] derive(DerivationMethod method, Input in, int length, EncryptInput cipher) {
    return switch (method) {
      case PBKDF2 ->
          KeyDerivation.pbkdf2(
              requiredHash(in), in.key(), required(in.given().salt(), "Salt"), count(in), length);
      case HASH -> enough(KeyDerivation.hash(requiredHash(in), hashed(in)), length);
      case HMAC ->
          enough(KeyDerivation.mac(Prf.hmac(hmacHash(in)), in.key(), one(in, method)), length);
      case ENCRYPT -> enough(cipher.encrypt(one(in, method)), length);
      case NIST800_108_C -> KeyDerivation.counter(prf(in), in.key(), one(in, method), length);
      case NIST800_108_F ->
          KeyDerivation.feedback(
              prf(in),
              in.key(),
              optional(in.given().initializationVector()),
              one(in, method),
              length);
      case NIST800_108_DPI ->
          KeyDerivation.doublePipeline(prf(in), in.key(), one(in, method), length);
      case HKDF ->
          KeyDerivation.hkdf(
              hashOr(in, HashingAlgorithm.SHA_256),
              in.key(),
              optional(in.given().salt()),
              in.data().isEmpty() ? new byte[0] : one(in, method),
              length);
      case AWS_SIGNATURE_VERSION_4 ->
          enough(KeyDerivation.awsSignatureVersion4(in.key(), aws(in)), length);
      default ->
          throw new KmipException(
              ResultReason.FEATURE_NOT_SUPPORTED,
              "DerivationMethod: "
                  + method.xmlName()
                  + " is not supported (the specification names neither the public key's place"
                  + " in the request nor a function over the shared secret)");
    };
  }

  /** The ENCRYPT method's cipher, kept apart so that only that method needs a cipher key. */
  interface EncryptInput {
    byte[] encrypt(byte[] data);
  }

  /** The ENCRYPT method with {@code ciphers}: the data encrypted as Encrypt would. */
  static EncryptInput encryptWith(
      SymmetricCipher ciphers,
      CryptographicAlgorithm algorithm,
      byte[] key,
      CryptographicParameters parameters,
      byte @Nullable [] iv) {
    return data -> {
      AesCipher.Encrypted encrypted = ciphers.encrypt(algorithm, key, parameters, data, iv, null);
      return encrypted.data();
    };
  }

  /** The HASH method hashes the Derivation Data or else the key, never both (PyKMIP agrees). */
  private static byte[] hashed(Input in) {
    if (in.data().isEmpty()) {
      return in.key();
    }
    throw new KmipException(
        ResultReason.INVALID_FIELD,
        "DerivationData: the HASH method hashes either the derivation key or Derivation Data,"
            + " and a derivation key is always named");
  }

  private static byte[] one(Input in, DerivationMethod method) {
    if (in.data().size() != 1) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "DerivationParameters/DerivationData: "
              + (in.data().isEmpty() ? "missing" : in.data().size() + " items")
              + " (expected: one for "
              + method.xmlName()
              + ", or a Secret Data object holding it)");
    }
    return in.data().get(0);
  }

  private static List<byte[]> aws(Input in) {
    if (in.data().size() != 3) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "DerivationParameters/DerivationData: "
              + in.data().size()
              + " items (expected: the Date, the Region and the Service, in that order)");
    }
    return in.data();
  }

  private static int count(Input in) {
    Integer count = in.given().iterationCount();
    if (count == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "DerivationParameters/IterationCount: missing");
    }
    return count;
  }

  private static HashingAlgorithm requiredHash(Input in) {
    HashingAlgorithm hash = hash(in);
    if (hash == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicParameters/HashingAlgorithm: missing (expected: the hash of the method)");
    }
    return hash;
  }

  private static HashingAlgorithm hashOr(Input in, HashingAlgorithm fallback) {
    HashingAlgorithm hash = hash(in);
    return hash == null ? fallback : hash;
  }

  /** The HMAC method's hash: the key's HMAC algorithm decides, else the parameters. */
  private static HashingAlgorithm hmacHash(Input in) {
    HashingAlgorithm ofKey = hmacHash(in.keyAlgorithm());
    return ofKey != null ? ofKey : requiredHash(in);
  }

  /** The hash the parameters name, directly or as an HMAC algorithm, else the key's HMAC's. */
  private static @Nullable HashingAlgorithm hash(Input in) {
    CryptographicParameters parameters = in.parameters();
    Integer hashValue = parameters.hashingAlgorithm();
    if (hashValue != null) {
      HashingAlgorithm hash = HashingAlgorithm.byValue(hashValue);
      if (hash == null) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "CryptographicParameters/HashingAlgorithm: 0x"
                + Integer.toHexString(hashValue)
                + " is not a Hashing Algorithm");
      }
      return hash;
    }
    Integer named = parameters.cryptographicAlgorithm();
    HashingAlgorithm ofNamed =
        named == null ? null : hmacHash(CryptographicAlgorithm.byValue(named));
    return ofNamed != null ? ofNamed : hmacHash(in.keyAlgorithm());
  }

  /**
   * The PRF of the SP 800-108 methods: HMAC with the hash named, or CMAC with AES when the
   * parameters ask for CMAC or for AES.
   */
  private static Prf prf(Input in) {
    CryptographicParameters parameters = in.parameters();
    boolean cmac =
        parameters.hashingAlgorithm() == null
            && (isValue(parameters.blockCipherMode(), BlockCipherMode.CMAC.value())
                || isValue(
                    parameters.cryptographicAlgorithm(), CryptographicAlgorithm.AES.value()));
    if (cmac) {
      return Prf.cmacAes();
    }
    HashingAlgorithm hash = hash(in);
    if (hash == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicParameters: the PRF is missing (expected: a Hashing Algorithm for HMAC,"
              + " or Block Cipher Mode CMAC with an AES key)");
    }
    return Prf.hmac(hash);
  }

  private static boolean isValue(@Nullable Integer value, int expected) {
    return value != null && value == expected;
  }

  private static @Nullable HashingAlgorithm hmacHash(@Nullable CryptographicAlgorithm algorithm) {
    if (algorithm == null) {
      return null;
    }
    return switch (algorithm) {
      case HMAC_MD5 -> HashingAlgorithm.MD5;
      case HMAC_SHA1 -> HashingAlgorithm.SHA_1;
      case HMAC_SHA224 -> HashingAlgorithm.SHA_224;
      case HMAC_SHA256 -> HashingAlgorithm.SHA_256;
      case HMAC_SHA384 -> HashingAlgorithm.SHA_384;
      case HMAC_SHA512 -> HashingAlgorithm.SHA_512;
      case HMAC_SHA3_224 -> HashingAlgorithm.SHA3_224;
      case HMAC_SHA3_256 -> HashingAlgorithm.SHA3_256;
      case HMAC_SHA3_384 -> HashingAlgorithm.SHA3_384;
      case HMAC_SHA3_512 -> HashingAlgorithm.SHA3_512;
      default -> null;
    };
  }

  private static byte[] required(@Nullable ByteString value, String field) {
    if (value == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "DerivationParameters/" + field + ": missing");
    }
    return value.toByteArray();
  }

  private static byte[] optional(@Nullable ByteString value) {
    return value == null ? new byte[0] : value.toByteArray();
  }

  /** The output if it is long enough, else Invalid Field (KMIP 2.1 §6.1.14: an error). */
  private static byte[] enough(byte[] output, int length) {
    if (output.length < length) {
      Arrays.fill(output, (byte) 0);
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicLength: "
              + length * 8
              + " bits is more than the method gives ("
              + output.length * 8
              + " bits)");
    }
    byte[] out = Arrays.copyOf(output, length);
    Arrays.fill(output, (byte) 0);
    return out;
  }
}
