package io.arca.server.keys;

import io.arca.kmip.KeyFormatType;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.keys.KeyMaterial.Encoded;
import io.arca.server.keys.KeyMaterial.TransparentECPrivateKey;
import io.arca.server.keys.KeyMaterial.TransparentECPublicKey;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * EC keys on named curves in SEC 1 ECPrivateKey (RFC 5915), PKCS#8 (RFC 5208, 5480), X.509
 * SubjectPublicKeyInfo (RFC 5480) and the KMIP transparent structures (KMIP 1.3's EC ones, and the
 * 1.0 ECDSA, ECDH and ECMQV ones that hold the same fields). Explicit curve parameters are refused:
 * every key names its curve by OID. Written keys always carry the curve and, in SEC 1, the public
 * point, as OpenSSL and the JDK write them.
 */
final class EcKeys {
  private EcKeys() {}

  static TransparentECPrivateKey readPrivate(KeyMaterial material) {
    String what = material.format().xmlName() + " EC private key";
    if (material instanceof TransparentECPrivateKey t) {
      EcCurve.of(t.recommendedCurve()).checkPrivate(t.d(), what);
      return t;
    }
    if (material instanceof Encoded e && e.format() == KeyFormatType.ECPRIVATEKEY) {
      ASN1Primitive der = Der.parse(e.bytes(), what);
      // Bouncy Castle's accessors parse lazily and may throw too, so they run inside read().
      return Der.read(
          what,
          "ECPrivateKey",
          () -> {
            ECPrivateKey sec1 = ECPrivateKey.getInstance(der);
            if (sec1.getParametersObject() == null) {
              throw Der.invalid(what, "the ECPrivateKey does not name its curve");
            }
            EcCurve curve = curveOf(sec1.getParametersObject().toASN1Primitive(), what);
            return fromSec1(sec1, curve, what);
          });
    }
    if (material instanceof Encoded e && e.format() == KeyFormatType.PKCS_8) {
      ASN1Primitive der = Der.parse(e.bytes(), what);
      return Der.read(
          what,
          "PrivateKeyInfo holding an ECPrivateKey",
          () -> {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(der);
            EcCurve curve = curveOf(info.getPrivateKeyAlgorithm(), what);
            ECPrivateKey sec1 = ECPrivateKey.getInstance(info.parsePrivateKey());
            if (sec1.getParametersObject() != null
                && curveOf(sec1.getParametersObject().toASN1Primitive(), what) != curve) {
              throw Der.invalid(what, "the inner ECPrivateKey names another curve");
            }
            return fromSec1(sec1, curve, what);
          });
    }
    throw KeyFormats.cannotRead(material.format(), "EC private keys");
  }

  static KeyMaterial writePrivate(TransparentECPrivateKey key, KeyFormatType format) {
    EcCurve curve = EcCurve.of(key.recommendedCurve());
    if (KeyMaterial.EC_PRIVATE_FORMATS.contains(format)) {
      return new TransparentECPrivateKey(format, key.recommendedCurve(), key.d());
    }
    if (format != KeyFormatType.ECPRIVATEKEY && format != KeyFormatType.PKCS_8) {
      throw KeyFormats.cannotWrite(format, "EC private keys");
    }
    int orderBits = curve.parameters().getN().bitLength();
    DERBitString point = new DERBitString(curve.publicPoint(key.d()));
    if (format == KeyFormatType.ECPRIVATEKEY) {
      return new Encoded(
          format,
          Der.encode(new ECPrivateKey(orderBits, key.d(), point, new X962Parameters(curve.oid()))));
    }
    // Inside PKCS#8 the curve is in the AlgorithmIdentifier, so the inner key omits it (RFC 5915).
    ECPrivateKey inner = new ECPrivateKey(orderBits, key.d(), point, null);
    return new Encoded(
        format,
        Der.encode(
            Der.read(
                "EC private key",
                "PrivateKeyInfo",
                () -> new PrivateKeyInfo(algorithm(curve), inner))));
  }

  static TransparentECPublicKey readPublic(KeyMaterial material) {
    String what = material.format().xmlName() + " EC public key";
    if (material instanceof TransparentECPublicKey t) {
      EcCurve curve = EcCurve.of(t.recommendedCurve());
      byte[] point = curve.checkPublic(t.qString().toByteArray(), what);
      return new TransparentECPublicKey(curve.kmip(), ByteString.copyOf(point));
    }
    if (material instanceof Encoded e && e.format() == KeyFormatType.X_509) {
      ASN1Primitive der = Der.parse(e.bytes(), what);
      return Der.read(
          what,
          "SubjectPublicKeyInfo",
          () -> {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(der);
            EcCurve curve = curveOf(info.getAlgorithm(), what);
            byte[] point = curve.checkPublic(info.getPublicKeyData().getOctets(), what);
            return new TransparentECPublicKey(curve.kmip(), ByteString.copyOf(point));
          });
    }
    throw KeyFormats.cannotRead(material.format(), "EC public keys");
  }

  static KeyMaterial writePublic(TransparentECPublicKey key, KeyFormatType format) {
    EcCurve curve = EcCurve.of(key.recommendedCurve());
    if (KeyMaterial.EC_PUBLIC_FORMATS.contains(format)) {
      return new TransparentECPublicKey(
          format, key.recommendedCurve(), KeyFormats.copy(key.qString()));
    }
    if (format == KeyFormatType.X_509) {
      return new Encoded(
          format,
          Der.encode(new SubjectPublicKeyInfo(algorithm(curve), key.qString().toByteArray())));
    }
    throw KeyFormats.cannotWrite(format, "EC public keys");
  }

  static TransparentECPublicKey publicOf(TransparentECPrivateKey key) {
    EcCurve curve = EcCurve.of(key.recommendedCurve());
    return new TransparentECPublicKey(curve.kmip(), ByteString.copyOf(curve.publicPoint(key.d())));
  }

  private static TransparentECPrivateKey fromSec1(ECPrivateKey sec1, EcCurve curve, String what) {
    BigInteger d = sec1.getKey();
    curve.checkPrivate(d, what);
    if (sec1.getPublicKey() != null) {
      byte[] given = curve.checkPublic(sec1.getPublicKey().getOctets(), what);
      if (!Arrays.equals(given, curve.publicPoint(d))) {
        throw Der.invalid(what, "the public point does not belong to the private value");
      }
    }
    return new TransparentECPrivateKey(curve.kmip(), d);
  }

  private static AlgorithmIdentifier algorithm(EcCurve curve) {
    return new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve.oid());
  }

  private static EcCurve curveOf(AlgorithmIdentifier algorithm, String what) {
    if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())) {
      throw Der.invalid(
          what,
          "algorithm "
              + algorithm.getAlgorithm().getId()
              + " (expected: id-ecPublicKey 1.2.840.10045.2.1)");
    }
    ASN1Encodable parameters = algorithm.getParameters();
    if (parameters == null) {
      throw Der.invalid(what, "the algorithm does not name a curve");
    }
    return curveOf(parameters.toASN1Primitive(), what);
  }

  private static EcCurve curveOf(ASN1Primitive parameters, String what) {
    if (parameters instanceof ASN1ObjectIdentifier oid) {
      return EcCurve.of(oid, what);
    }
    throw Der.invalid(what, "explicit or implicit curve parameters (expected: a named curve OID)");
  }
}
