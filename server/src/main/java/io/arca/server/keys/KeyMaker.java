package io.arca.server.keys;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.keys.KeyMaterial.Encoded;
import io.arca.server.keys.KeyMaterial.TransparentECPrivateKey;
import io.arca.server.keys.KeyMaterial.TransparentRSAPrivateKey;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.KeyGenerationParameters;
import org.bouncycastle.crypto.generators.DESedeKeyGenerator;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.jspecify.annotations.Nullable;

/**
 * Makes new keys for Create and Create Key Pair (KMIP 2.1 §6.1.8, §6.1.9) from one injected {@link
 * SecureRandom}, each in its default Key Format Type. Requests it cannot honour fail with Invalid
 * Field and a message naming the parameter and the accepted values. RSA keys come from the JDK's
 * generator (public exponent 65537), EC, Ed25519 and 3DES keys from Bouncy Castle's lightweight
 * generators, so no provider is registered.
 */
public final class KeyMaker {
  /** The RSA modulus sizes accepted, in bits; a multiple of 8 in between is accepted too. */
  public static final int MIN_RSA_BITS = 1024;

  /** Larger moduli take seconds to make and would let one request occupy a worker. */
  public static final int MAX_RSA_BITS = 4096;

  /** HMAC keys below 112 bits are weaker than any hash they would key (NIST SP 800-107). */
  private static final int MIN_HMAC_BITS = 112;

  private final SecureRandom random;

  /** A maker drawing on {@code random}; tests pass a seeded one. */
  public KeyMaker(SecureRandom random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * A new Symmetric Key in Raw format: AES (128, 192, 256), 3DES (168 or 192, the 24 bytes with
   * parity), HMAC-SHA1 and SHA-2 (112 bits up to the hash's block size, a multiple of 8) and
   * ChaCha20 (256).
   */
  public ClearKey symmetricKey(CryptographicAlgorithm algorithm, int length) {
    byte[] bytes;
    switch (algorithm) {
      case AES -> {
        requireLength(
            algorithm, length, length == 128 || length == 192 || length == 256, "128, 192 or 256");
        bytes = randomBytes(length / 8);
      }
      case CHACHA20 -> {
        requireLength(algorithm, length, length == 256, "256");
        bytes = randomBytes(32);
      }
      case DES3 -> {
        requireLength(algorithm, length, length == 168 || length == 192, "168 or 192");
        DESedeKeyGenerator des = new DESedeKeyGenerator();
        des.init(new KeyGenerationParameters(random, 192));
        bytes = des.generateKey();
      }
      case HMAC_SHA1, HMAC_SHA224, HMAC_SHA256 -> {
        requireHmacLength(algorithm, length, 512);
        bytes = randomBytes(length / 8);
      }
      case HMAC_SHA384, HMAC_SHA512 -> {
        requireHmacLength(algorithm, length, 1024);
        bytes = randomBytes(length / 8);
      }
      default -> {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "Cryptographic Algorithm "
                + algorithm.xmlName()
                + " is not supported for a Symmetric Key (expected: AES, DES3, ChaCha20,"
                + " HMAC_SHA1, HMAC_SHA224, HMAC_SHA256, HMAC_SHA384 or HMAC_SHA512)");
      }
    }
    return new ClearKey(ObjectType.SYMMETRIC_KEY, algorithm, length, raw(bytes));
  }

  /** Random Secret Data of {@code length} bits (8 to 8192, a multiple of 8), as Raw material. */
  public Encoded secretData(int length) {
    if (length < 8 || length > 8192 || length % 8 != 0) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "Cryptographic Length: " + length + " (expected: 8 to 8192, a multiple of 8)");
    }
    return raw(randomBytes(length / 8));
  }

  /**
   * A new key pair, each half in its default format. RSA: {@code length} is the modulus size,
   * {@value #MIN_RSA_BITS} to {@value #MAX_RSA_BITS}, a multiple of 8. EC (also ECDSA, ECDH):
   * {@code curve} names the curve; without it, a length of 224, 256, 384 or 521 picks the NIST
   * curve; a length given with a curve must match it. Ed25519: length 0 (not given), 255 or 256.
   */
  public ClearKeyPair keyPair(
      CryptographicAlgorithm algorithm, int length, @Nullable RecommendedCurve curve) {
    ClearKey privateKey =
        switch (algorithm) {
          case RSA -> rsa(length);
          case EC, ECDSA, ECDH -> ec(algorithm, length, curve);
          case ED25519 -> ed25519(length);
          default ->
              throw new KmipException(
                  ResultReason.INVALID_FIELD,
                  "Cryptographic Algorithm "
                      + algorithm.xmlName()
                      + " is not supported for Create Key Pair (expected: RSA, EC, ECDSA, ECDH or"
                      + " Ed25519)");
        };
    return new ClearKeyPair(privateKey, KeyFormats.publicKeyOf(privateKey));
  }

  private ClearKey rsa(int length) {
    requireLength(
        CryptographicAlgorithm.RSA,
        length,
        length >= MIN_RSA_BITS && length <= MAX_RSA_BITS && length % 8 == 0,
        MIN_RSA_BITS + " to " + MAX_RSA_BITS + ", a multiple of 8");
    RSAPrivateCrtKey key;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(new RSAKeyGenParameterSpec(length, RSAKeyGenParameterSpec.F4), random);
      key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    } catch (GeneralSecurityException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "RSA key generation of " + length + " bits failed");
    }
    TransparentRSAPrivateKey transparent =
        new TransparentRSAPrivateKey(
            key.getModulus(),
            key.getPrivateExponent(),
            key.getPublicExponent(),
            key.getPrimeP(),
            key.getPrimeQ(),
            key.getPrimeExponentP(),
            key.getPrimeExponentQ(),
            key.getCrtCoefficient());
    return new ClearKey(
        ObjectType.PRIVATE_KEY,
        CryptographicAlgorithm.RSA,
        length,
        RsaKeys.writePrivate(transparent, KeyFormatType.PKCS_1));
  }

  private ClearKey ec(
      CryptographicAlgorithm algorithm, int length, @Nullable RecommendedCurve curve) {
    EcCurve ecCurve;
    if (curve != null) {
      ecCurve = EcCurve.of(curve);
      int bits = ecCurve.fieldBits();
      requireLength(
          algorithm,
          length,
          length == 0 || length == bits,
          "0 or " + bits + " for " + curve.xmlName());
    } else {
      ecCurve = nistCurve(algorithm, length);
    }
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(ecCurve.domain(), random));
    AsymmetricCipherKeyPair pair = generator.generateKeyPair();
    BigInteger d = ((ECPrivateKeyParameters) pair.getPrivate()).getD();
    return new ClearKey(
        ObjectType.PRIVATE_KEY,
        algorithm,
        ecCurve.fieldBits(),
        new TransparentECPrivateKey(ecCurve.kmip(), d));
  }

  private static EcCurve nistCurve(CryptographicAlgorithm algorithm, int length) {
    return switch (length) {
      case 224 -> EcCurve.P_224;
      case 256 -> EcCurve.P_256;
      case 384 -> EcCurve.P_384;
      case 521 -> EcCurve.P_521;
      default ->
          throw new KmipException(
              ResultReason.INVALID_FIELD,
              "Recommended Curve is missing and Cryptographic Length "
                  + length
                  + " names no curve for "
                  + algorithm.xmlName()
                  + " (expected: a Recommended Curve, or a length of 224, 256, 384 or 521)");
    };
  }

  private ClearKey ed25519(int length) {
    requireLength(
        CryptographicAlgorithm.ED25519,
        length,
        length == 0 || length == 255 || length == 256,
        "255 or 256");
    Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(random);
    byte[] seed = key.getEncoded();
    try (Encoded raw = raw(seed.clone())) {
      return new ClearKey(
          ObjectType.PRIVATE_KEY,
          CryptographicAlgorithm.ED25519,
          EdKeys.BITS,
          EdKeys.writePrivate(raw.bytes(), KeyFormatType.PKCS_8));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  private byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  /** Raw material holding a copy of {@code bytes}, which are wiped. */
  private static Encoded raw(byte[] bytes) {
    try {
      return new Encoded(KeyFormatType.RAW, ByteString.copyOf(bytes));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static void requireHmacLength(CryptographicAlgorithm algorithm, int length, int max) {
    requireLength(
        algorithm,
        length,
        length >= MIN_HMAC_BITS && length <= max && length % 8 == 0,
        MIN_HMAC_BITS + " to " + max + ", a multiple of 8");
  }

  private static void requireLength(
      CryptographicAlgorithm algorithm, int length, boolean valid, String expected) {
    if (!valid) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "Cryptographic Length "
              + length
              + " is not valid for "
              + algorithm.xmlName()
              + " (expected: "
              + expected
              + ")");
    }
  }
}
