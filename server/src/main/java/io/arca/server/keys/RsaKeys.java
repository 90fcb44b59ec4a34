package io.arca.server.keys;

import io.arca.kmip.KeyFormatType;
import io.arca.server.keys.KeyMaterial.Encoded;
import io.arca.server.keys.KeyMaterial.TransparentRSAPrivateKey;
import io.arca.server.keys.KeyMaterial.TransparentRSAPublicKey;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * RSA keys in PKCS#1 (RFC 8017 A.1), PKCS#8 (RFC 5208) and X.509 SubjectPublicKeyInfo (RFC 5280)
 * and the KMIP transparent structures, which serve as the common form every conversion passes
 * through.
 */
final class RsaKeys {
  /** Larger moduli are refused before any arithmetic, so a hostile key cannot cost much. */
  static final int MAX_MODULUS_BITS = 16384;

  private static final AlgorithmIdentifier RSA =
      new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);

  private RsaKeys() {}

  static TransparentRSAPrivateKey readPrivate(KeyMaterial material) {
    String what = material.format().xmlName() + " RSA private key";
    TransparentRSAPrivateKey key;
    if (material instanceof TransparentRSAPrivateKey t) {
      key = t;
    } else if (material instanceof Encoded e && e.format() == KeyFormatType.PKCS_1) {
      ASN1Primitive der = Der.parse(e.bytes(), what);
      key = Der.read(what, "RSAPrivateKey", () -> fromAsn1(RSAPrivateKey.getInstance(der)));
    } else if (material instanceof Encoded e && e.format() == KeyFormatType.PKCS_8) {
      ASN1Primitive der = Der.parse(e.bytes(), what);
      RSAPrivateKey inner =
          Der.read(
              what,
              "PrivateKeyInfo holding an RSAPrivateKey",
              () -> {
                PrivateKeyInfo info = PrivateKeyInfo.getInstance(der);
                if (!PKCSObjectIdentifiers.rsaEncryption.equals(
                    info.getPrivateKeyAlgorithm().getAlgorithm())) {
                  throw Der.invalid(
                      what,
                      "algorithm "
                          + info.getPrivateKeyAlgorithm().getAlgorithm().getId()
                          + " (expected: rsaEncryption 1.2.840.113549.1.1.1)");
                }
                return RSAPrivateKey.getInstance(info.parsePrivateKey());
              });
      key = fromAsn1(inner);
    } else {
      throw KeyFormats.cannotRead(material.format(), "RSA private keys");
    }
    check(key, what);
    return key;
  }

  static KeyMaterial writePrivate(TransparentRSAPrivateKey key, KeyFormatType format) {
    return switch (format) {
      case TRANSPARENT_RSA_PRIVATE_KEY -> key;
      case PKCS_1 -> new Encoded(format, Der.encode(toAsn1(key)));
      case PKCS_8 ->
          new Encoded(
              format,
              Der.encode(
                  Der.read(
                      "RSA private key",
                      "PrivateKeyInfo",
                      () -> new PrivateKeyInfo(RSA, toAsn1(key)))));
      default -> throw KeyFormats.cannotWrite(format, "RSA private keys");
    };
  }

  static TransparentRSAPublicKey readPublic(KeyMaterial material) {
    String what = material.format().xmlName() + " RSA public key";
    TransparentRSAPublicKey key;
    if (material instanceof TransparentRSAPublicKey t) {
      key = t;
    } else if (material instanceof Encoded e && e.format() == KeyFormatType.PKCS_1) {
      ASN1Primitive der = Der.parse(e.bytes(), what);
      RSAPublicKey asn1 = Der.read(what, "RSAPublicKey", () -> RSAPublicKey.getInstance(der));
      key = new TransparentRSAPublicKey(asn1.getModulus(), asn1.getPublicExponent());
    } else if (material instanceof Encoded e && e.format() == KeyFormatType.X_509) {
      ASN1Primitive der = Der.parse(e.bytes(), what);
      RSAPublicKey asn1 =
          Der.read(
              what,
              "SubjectPublicKeyInfo holding an RSAPublicKey",
              () -> {
                SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(der);
                if (!PKCSObjectIdentifiers.rsaEncryption.equals(
                    info.getAlgorithm().getAlgorithm())) {
                  throw Der.invalid(
                      what,
                      "algorithm "
                          + info.getAlgorithm().getAlgorithm().getId()
                          + " (expected: rsaEncryption 1.2.840.113549.1.1.1)");
                }
                return RSAPublicKey.getInstance(info.parsePublicKey());
              });
      key = new TransparentRSAPublicKey(asn1.getModulus(), asn1.getPublicExponent());
    } else {
      throw KeyFormats.cannotRead(material.format(), "RSA public keys");
    }
    check(key, what);
    return key;
  }

  static KeyMaterial writePublic(TransparentRSAPublicKey key, KeyFormatType format) {
    RSAPublicKey asn1 = new RSAPublicKey(key.modulus(), key.publicExponent());
    return switch (format) {
      case TRANSPARENT_RSA_PUBLIC_KEY -> key;
      case PKCS_1 -> new Encoded(format, Der.encode(asn1));
      case X_509 ->
          new Encoded(
              format,
              Der.encode(
                  Der.read(
                      "RSA public key",
                      "SubjectPublicKeyInfo",
                      () -> new SubjectPublicKeyInfo(RSA, asn1))));
      default -> throw KeyFormats.cannotWrite(format, "RSA public keys");
    };
  }

  static TransparentRSAPublicKey publicOf(TransparentRSAPrivateKey key) {
    return new TransparentRSAPublicKey(key.modulus(), key.publicExponent());
  }

  /**
   * The checks that make every other format writable and catch a key whose numbers do not belong
   * together (a Register with a corrupted key): n = pq, the CRT values follow from d, and e*d = 1
   * modulo lcm(p-1, q-1).
   */
  static void check(TransparentRSAPrivateKey k, String what) {
    checkModulus(k.modulus(), what);
    checkPublicExponent(k.publicExponent(), k.modulus(), what);
    BigInteger one = BigInteger.ONE;
    if (k.p().compareTo(one) <= 0
        || k.q().compareTo(one) <= 0
        || !k.p().multiply(k.q()).equals(k.modulus())) {
      throw Der.invalid(what, "p * q is not the modulus");
    }
    BigInteger p1 = k.p().subtract(one);
    BigInteger q1 = k.q().subtract(one);
    if (k.privateExponent().signum() <= 0
        || !k.privateExponent().mod(p1).equals(k.primeExponentP())
        || !k.privateExponent().mod(q1).equals(k.primeExponentQ())) {
      throw Der.invalid(what, "the prime exponents do not follow from the private exponent");
    }
    if (!k.q().multiply(k.crtCoefficient()).mod(k.p()).equals(one)
        || k.crtCoefficient().signum() <= 0
        || k.crtCoefficient().compareTo(k.p()) >= 0) {
      throw Der.invalid(what, "the CRT coefficient is not q^-1 mod p");
    }
    BigInteger lambda = p1.divide(p1.gcd(q1)).multiply(q1);
    if (!k.publicExponent().multiply(k.privateExponent()).mod(lambda).equals(one)) {
      throw Der.invalid(what, "the private exponent does not invert the public exponent");
    }
  }

  static void check(TransparentRSAPublicKey k, String what) {
    checkModulus(k.modulus(), what);
    checkPublicExponent(k.publicExponent(), k.modulus(), what);
  }

  private static void checkModulus(BigInteger n, String what) {
    if (n.signum() <= 0 || !n.testBit(0) || n.bitLength() > MAX_MODULUS_BITS) {
      throw Der.invalid(
          what,
          "modulus of "
              + n.bitLength()
              + " bits (expected: positive, odd, at most "
              + MAX_MODULUS_BITS
              + " bits)");
    }
  }

  private static void checkPublicExponent(BigInteger e, BigInteger n, String what) {
    if (e.compareTo(BigInteger.valueOf(3)) < 0 || !e.testBit(0) || e.compareTo(n) >= 0) {
      throw Der.invalid(what, "public exponent (expected: odd, at least 3, less than the modulus)");
    }
  }

  private static TransparentRSAPrivateKey fromAsn1(RSAPrivateKey k) {
    return new TransparentRSAPrivateKey(
        k.getModulus(),
        k.getPrivateExponent(),
        k.getPublicExponent(),
        k.getPrime1(),
        k.getPrime2(),
        k.getExponent1(),
        k.getExponent2(),
        k.getCoefficient());
  }

  private static RSAPrivateKey toAsn1(TransparentRSAPrivateKey k) {
    return new RSAPrivateKey(
        k.modulus(),
        k.publicExponent(),
        k.privateExponent(),
        k.p(),
        k.q(),
        k.primeExponentP(),
        k.primeExponentQ(),
        k.crtCoefficient());
  }
}
