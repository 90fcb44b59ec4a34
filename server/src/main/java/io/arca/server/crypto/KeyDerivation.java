package io.arca.server.crypto;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.DerivationFunction;
import org.bouncycastle.crypto.DerivationParameters;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.Mac;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.generators.KDFCounterBytesGenerator;
import org.bouncycastle.crypto.generators.KDFDoublePipelineIterationBytesGenerator;
import org.bouncycastle.crypto.generators.KDFFeedbackBytesGenerator;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KDFCounterParameters;
import org.bouncycastle.crypto.params.KDFDoublePipelineIterationParameters;
import org.bouncycastle.crypto.params.KDFFeedbackParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.util.DigestFactory;
import org.jspecify.annotations.Nullable;

/**
 * The key derivation functions of Derive Key (KMIP 2.1 §11.14), over Bouncy Castle's generators:
 * PBKDF2 (RFC 8018 §5.2), the three KDFs of NIST SP 800-108 with a 32-bit counter, HKDF (RFC 5869)
 * and the signing key of AWS Signature Version 4. Each takes the key's bytes as they are (the JDK's
 * PBKDF2 takes a char[] and would re-encode a binary password) and returns exactly the bytes asked
 * for, which the caller wipes.
 */
public final class KeyDerivation {
  /**
   * The most PRF blocks one PBKDF2 request may compute (iterations times output blocks), so that
   * one request cannot hold a worker for long.
   */
  public static final long MAX_ITERATIONS = 10_000_000;

  /** SP 800-108's counter [i]2 is 32 bits, the width PyKMIP and most HSMs use. */
  private static final int COUNTER_BITS = 32;

  private static final byte[] AWS4 = "AWS4".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] AWS4_REQUEST = "aws4_request".getBytes(StandardCharsets.US_ASCII);

  private KeyDerivation() {}

  /**
   * The pseudorandom function of a KDF: HMAC with a hash, or CMAC with AES.
   *
   * @param hash the HMAC's Hashing Algorithm, or null for CMAC
   */
  public record Prf(@Nullable HashingAlgorithm hash) {
    /** HMAC with {@code hash}. */
    public static Prf hmac(HashingAlgorithm hash) {
      return new Prf(hash);
    }

    /** CMAC with AES (SP 800-38B). */
    public static Prf cmacAes() {
      return new Prf(null);
    }

    Mac newMac(byte[] key) {
      if (hash != null) {
        return new HMac(digest(hash));
      }
      if (key.length != 16 && key.length != 24 && key.length != 32) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "CMAC: an AES key of " + key.length * 8 + " bits (expected: 128, 192 or 256)");
      }
      return new CMac(AESEngine.newInstance());
    }

    /** The name to put in a message, such as HMAC-SHA_256 or CMAC-AES. */
    public String name() {
      return hash == null
          ? "CMAC-" + CryptographicAlgorithm.AES.xmlName()
          : "HMAC-" + hash.xmlName();
    }
  }

  /** A fresh Bouncy Castle digest for a Hashing Algorithm, or Feature Not Supported naming it. */
  public static Digest digest(HashingAlgorithm hash) {
    return switch (hash) {
      case MD5 -> DigestFactory.createMD5();
      case SHA_1 -> DigestFactory.createSHA1();
      case SHA_224 -> DigestFactory.createSHA224();
      case SHA_256 -> DigestFactory.createSHA256();
      case SHA_384 -> DigestFactory.createSHA384();
      case SHA_512 -> DigestFactory.createSHA512();
      case SHA_512_224 -> DigestFactory.createSHA512_224();
      case SHA_512_256 -> DigestFactory.createSHA512_256();
      case SHA3_224 -> DigestFactory.createSHA3_224();
      case SHA3_256 -> DigestFactory.createSHA3_256();
      case SHA3_384 -> DigestFactory.createSHA3_384();
      case SHA3_512 -> DigestFactory.createSHA3_512();
      default ->
          throw new KmipException(
              ResultReason.FEATURE_NOT_SUPPORTED,
              "HashingAlgorithm: "
                  + hash.xmlName()
                  + " is not supported for key derivation (supported: MD5, SHA_1, SHA_2 and"
                  + " SHA3 variants)");
    };
  }

  /** The hash of {@code data} (the HASH method). */
  public static byte[] hash(HashingAlgorithm hash, byte[] data) {
    Digest digest = digest(hash);
    digest.update(data, 0, data.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }

  /** The MAC of {@code data} under {@code key} with {@code prf} (the HMAC method). */
  public static byte[] mac(Prf prf, byte[] key, byte[] data) {
    Mac mac = prf.newMac(key);
    mac.init(new KeyParameter(key));
    mac.update(data, 0, data.length);
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return out;
  }

  /** {@code length} bytes of PBKDF2 with HMAC-{@code hash}. */
  public static byte[] pbkdf2(
      HashingAlgorithm hash, byte[] password, byte[] salt, int iterations, int length) {
    Digest digest = digest(hash);
    long blocks = (length + digest.getDigestSize() - 1L) / digest.getDigestSize();
    if (iterations < 1 || iterations * blocks > MAX_ITERATIONS) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "IterationCount: "
              + iterations
              + " (expected: 1 to "
              + MAX_ITERATIONS / blocks
              + " for "
              + length * 8
              + " bits of "
              + hash.xmlName()
              + ")");
    }
    PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(digest);
    generator.init(password, salt, iterations);
    byte[] derived = ((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey();
    byte[] out = Arrays.copyOf(derived, length);
    Arrays.fill(derived, (byte) 0);
    return out;
  }

  /**
   * SP 800-108 §5.1 counter mode: K(i) = PRF(key, [i]32 || fixed), the counter before the fixed
   * input data (KMIP's Derivation Data, Label || 0x00 || Context), as PyKMIP places it.
   */
  public static byte[] counter(Prf prf, byte[] key, byte[] fixed, int length) {
    return generate(
        new KDFCounterBytesGenerator(prf.newMac(key)),
        new KDFCounterParameters(key, new byte[0], fixed, COUNTER_BITS),
        length);
  }

  /**
   * SP 800-108 §5.2 feedback mode: K(i) = PRF(key, K(i-1) || [i]32 || fixed), K(0) the
   * Initialization Vector (empty when the request has none, as KMIP 2.1 §7.12 says).
   */
  public static byte[] feedback(Prf prf, byte[] key, byte[] iv, byte[] fixed, int length) {
    return generate(
        new KDFFeedbackBytesGenerator(prf.newMac(key)),
        KDFFeedbackParameters.createWithCounter(key, iv, fixed, COUNTER_BITS),
        length);
  }

  /**
   * SP 800-108 §5.3 double-pipeline iteration mode: A(i) = PRF(key, A(i-1)), A(0) the fixed input,
   * and K(i) = PRF(key, A(i) || [i]32 || fixed).
   */
  public static byte[] doublePipeline(Prf prf, byte[] key, byte[] fixed, int length) {
    return generate(
        new KDFDoublePipelineIterationBytesGenerator(prf.newMac(key)),
        KDFDoublePipelineIterationParameters.createWithCounter(key, fixed, COUNTER_BITS),
        length);
  }

  /**
   * RFC 5869 HKDF with HMAC-{@code hash}: extract with {@code salt} (empty means a block of zeros,
   * as the RFC says), expand with {@code info}; at most 255 hash lengths.
   */
  public static byte[] hkdf(
      HashingAlgorithm hash, byte[] inputKey, byte[] salt, byte[] info, int length) {
    Digest digest = digest(hash);
    int most = 255 * digest.getDigestSize();
    if (length > most) {
      throw tooLong(length, most);
    }
    return generate(
        new HKDFBytesGenerator(digest), new HKDFParameters(inputKey, salt, info), length);
  }

  /**
   * The signing key of AWS Signature Version 4: HMAC-SHA256 chained from "AWS4" || secret over the
   * Date, the Region, the Service and "aws4_request"; 32 bytes.
   */
  public static byte[] awsSignatureVersion4(byte[] secret, List<byte[]> dateRegionService) {
    byte[] key = new byte[AWS4.length + secret.length];
    System.arraycopy(AWS4, 0, key, 0, AWS4.length);
    System.arraycopy(secret, 0, key, AWS4.length, secret.length);
    Prf sha256 = Prf.hmac(HashingAlgorithm.SHA_256);
    try {
      for (byte[] part : dateRegionService) {
        byte[] next = mac(sha256, key, part);
        Arrays.fill(key, (byte) 0);
        key = next;
      }
      return mac(sha256, key, AWS4_REQUEST);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] generate(
      DerivationFunction generator, DerivationParameters parameters, int length) {
    generator.init(parameters);
    byte[] out = new byte[length];
    try {
      generator.generateBytes(out, 0, length);
    } catch (IllegalArgumentException e) {
      // The generators refuse only an output longer than their counter or expansion allows.
      throw tooLong(length, -1);
    }
    return out;
  }

  private static KmipException tooLong(int length, int most) {
    return new KmipException(
        ResultReason.INVALID_FIELD,
        "CryptographicLength: "
            + length * 8
            + " bits is more than the method gives"
            + (most < 0 ? "" : " (" + most * 8L + " bits)"));
  }
}
