package io.arca.server.keys;

import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.ByteString;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The Key Material of a Key Value (KMIP 2.1 §2.1.4 and §2.1.7): either a byte string in an encoded
 * Key Format Type, or one of the transparent structures. {@link #close()} wipes what can be wiped:
 * byte strings are zeroed, but {@link BigInteger} fields cannot be (the codec's Big Integer items
 * are BigIntegers too), so keep the transparent forms short-lived and store the encoded ones.
 * {@code toString()} prints no key bytes and no numbers, only lengths.
 */
public sealed interface KeyMaterial extends AutoCloseable
    permits KeyMaterial.Encoded,
        KeyMaterial.TransparentSymmetricKey,
        KeyMaterial.TransparentRSAPrivateKey,
        KeyMaterial.TransparentRSAPublicKey,
        KeyMaterial.TransparentECPrivateKey,
        KeyMaterial.TransparentECPublicKey {

  /** The Key Format Type this material is in. */
  KeyFormatType format();

  /** Zeroes the byte strings this material holds; BigIntegers stay as they are. */
  @Override
  void close();

  /**
   * Material whose Key Material is a byte string: Raw, Opaque, PKCS#1, PKCS#8, X.509
   * (SubjectPublicKeyInfo for public keys), ECPrivateKey (SEC 1), PKCS#12 or PKCS#10.
   *
   * @param format one of the formats whose Key Material is a Byte String
   * @param bytes the encoded material
   */
  record Encoded(KeyFormatType format, ByteString bytes) implements KeyMaterial {
    /** The formats whose Key Material is a Byte String. */
    static final Set<KeyFormatType> FORMATS =
        EnumSet.of(
            KeyFormatType.RAW,
            KeyFormatType.OPAQUE,
            KeyFormatType.PKCS_1,
            KeyFormatType.PKCS_8,
            KeyFormatType.X_509,
            KeyFormatType.ECPRIVATEKEY,
            KeyFormatType.PKCS_12,
            KeyFormatType.PKCS_10);

    public Encoded {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(bytes, "bytes");
      if (!FORMATS.contains(format)) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "Key Format Type "
                + format.xmlName()
                + " has structured Key Material, not a Byte String");
      }
    }

    @Override
    public void close() {
      bytes.wipe();
    }
  }

  /**
   * Transparent Symmetric Key: the key bytes, the same bytes as the Raw form.
   *
   * @param key the key bytes
   */
  record TransparentSymmetricKey(ByteString key) implements KeyMaterial {
    public TransparentSymmetricKey {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public KeyFormatType format() {
      return KeyFormatType.TRANSPARENT_SYMMETRIC_KEY;
    }

    @Override
    public void close() {
      key.wipe();
    }
  }

  /**
   * Transparent RSA Private Key with all eight numbers: the CRT form PKCS#1 needs. KMIP allows
   * fewer, but without the primes the other formats cannot be written, so all are required here.
   */
  record TransparentRSAPrivateKey(
      BigInteger modulus,
      BigInteger privateExponent,
      BigInteger publicExponent,
      BigInteger p,
      BigInteger q,
      BigInteger primeExponentP,
      BigInteger primeExponentQ,
      BigInteger crtCoefficient)
      implements KeyMaterial {
    public TransparentRSAPrivateKey {
      Objects.requireNonNull(modulus, "modulus");
      Objects.requireNonNull(privateExponent, "privateExponent");
      Objects.requireNonNull(publicExponent, "publicExponent");
      Objects.requireNonNull(p, "p");
      Objects.requireNonNull(q, "q");
      Objects.requireNonNull(primeExponentP, "primeExponentP");
      Objects.requireNonNull(primeExponentQ, "primeExponentQ");
      Objects.requireNonNull(crtCoefficient, "crtCoefficient");
    }

    @Override
    public KeyFormatType format() {
      return KeyFormatType.TRANSPARENT_RSA_PRIVATE_KEY;
    }

    /** Nothing to wipe: BigIntegers are immutable. */
    @Override
    public void close() {}

    @Override
    public String toString() {
      return "TransparentRSAPrivateKey[modulusBits=" + modulus.bitLength() + "]";
    }
  }

  /**
   * Transparent RSA Public Key.
   *
   * @param modulus n
   * @param publicExponent e
   */
  record TransparentRSAPublicKey(BigInteger modulus, BigInteger publicExponent)
      implements KeyMaterial {
    public TransparentRSAPublicKey {
      Objects.requireNonNull(modulus, "modulus");
      Objects.requireNonNull(publicExponent, "publicExponent");
    }

    @Override
    public KeyFormatType format() {
      return KeyFormatType.TRANSPARENT_RSA_PUBLIC_KEY;
    }

    @Override
    public void close() {}

    @Override
    public String toString() {
      return "TransparentRSAPublicKey[modulusBits=" + modulus.bitLength() + "]";
    }
  }

  /**
   * The transparent EC private formats: KMIP 1.3's EC one and the 1.0 ECDSA, ECDH and ECMQV ones.
   */
  Set<KeyFormatType> EC_PRIVATE_FORMATS =
      Set.of(
          KeyFormatType.TRANSPARENT_EC_PRIVATE_KEY,
          KeyFormatType.TRANSPARENT_ECDSA_PRIVATE_KEY,
          KeyFormatType.TRANSPARENT_ECDH_PRIVATE_KEY,
          KeyFormatType.TRANSPARENT_ECMQV_PRIVATE_KEY);

  /** The transparent EC public formats, as {@link #EC_PRIVATE_FORMATS}. */
  Set<KeyFormatType> EC_PUBLIC_FORMATS =
      Set.of(
          KeyFormatType.TRANSPARENT_EC_PUBLIC_KEY,
          KeyFormatType.TRANSPARENT_ECDSA_PUBLIC_KEY,
          KeyFormatType.TRANSPARENT_ECDH_PUBLIC_KEY,
          KeyFormatType.TRANSPARENT_ECMQV_PUBLIC_KEY);

  /**
   * Transparent EC Private Key (KMIP 1.3+), or one of the KMIP 1.0 Transparent ECDSA, ECDH and
   * ECMQV Private Keys, which hold the same two fields.
   *
   * @param format one of {@link #EC_PRIVATE_FORMATS}
   * @param recommendedCurve the named curve
   * @param d the private scalar
   */
  record TransparentECPrivateKey(
      KeyFormatType format, RecommendedCurve recommendedCurve, BigInteger d)
      implements KeyMaterial {
    public TransparentECPrivateKey {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(recommendedCurve, "recommendedCurve");
      Objects.requireNonNull(d, "d");
      if (!EC_PRIVATE_FORMATS.contains(format)) {
        throw new IllegalArgumentException(format.xmlName() + " is no transparent EC private key");
      }
    }

    /** A Transparent EC Private Key (KMIP 1.3+). */
    public TransparentECPrivateKey(RecommendedCurve recommendedCurve, BigInteger d) {
      this(KeyFormatType.TRANSPARENT_EC_PRIVATE_KEY, recommendedCurve, d);
    }

    @Override
    public void close() {}

    @Override
    public String toString() {
      return format.xmlName() + "[recommendedCurve=" + recommendedCurve.xmlName() + "]";
    }
  }

  /**
   * Transparent EC Public Key (KMIP 1.3+), or one of the KMIP 1.0 Transparent ECDSA, ECDH and ECMQV
   * Public Keys, which hold the same two fields.
   *
   * @param format one of {@link #EC_PUBLIC_FORMATS}
   * @param recommendedCurve the named curve
   * @param qString the public point, SEC 1 encoded (uncompressed when this server writes it)
   */
  record TransparentECPublicKey(
      KeyFormatType format, RecommendedCurve recommendedCurve, ByteString qString)
      implements KeyMaterial {
    public TransparentECPublicKey {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(recommendedCurve, "recommendedCurve");
      Objects.requireNonNull(qString, "qString");
      if (!EC_PUBLIC_FORMATS.contains(format)) {
        throw new IllegalArgumentException(format.xmlName() + " is no transparent EC public key");
      }
    }

    /** A Transparent EC Public Key (KMIP 1.3+). */
    public TransparentECPublicKey(RecommendedCurve recommendedCurve, ByteString qString) {
      this(KeyFormatType.TRANSPARENT_EC_PUBLIC_KEY, recommendedCurve, qString);
    }

    @Override
    public void close() {
      qString.wipe();
    }
  }
}
