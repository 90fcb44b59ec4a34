package io.arca.server.keys;

import io.arca.kmip.KmipException;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultReason;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The named curves this server makes and reads keys on, with their OIDs. P-256, P-384 and P-521 are
 * what KMIP profiles ask for and what the JDK's own EC provider supports; P-224 and secp256k1 come
 * free with Bouncy Castle's curve tables.
 */
enum EcCurve {
  P_224(RecommendedCurve.P_224, SECObjectIdentifiers.secp224r1, false),
  P_256(RecommendedCurve.P_256, SECObjectIdentifiers.secp256r1, true),
  P_384(RecommendedCurve.P_384, SECObjectIdentifiers.secp384r1, true),
  P_521(RecommendedCurve.P_521, SECObjectIdentifiers.secp521r1, true),
  SECP256K1(RecommendedCurve.SECP256K1, SECObjectIdentifiers.secp256k1, false);

  private final RecommendedCurve kmip;

  /** The OID as a string: Error Prone cannot prove Bouncy Castle's OID type immutable. */
  private final String oid;

  private final boolean inJdk;

  EcCurve(RecommendedCurve kmip, ASN1ObjectIdentifier oid, boolean inJdk) {
    this.kmip = kmip;
    this.oid = oid.getId();
    this.inJdk = inJdk;
  }

  RecommendedCurve kmip() {
    return kmip;
  }

  ASN1ObjectIdentifier oid() {
    return new ASN1ObjectIdentifier(oid);
  }

  /** Whether the JDK's SunEC provider knows the curve (Java 17 keeps only the NIST P curves). */
  boolean inJdk() {
    return inJdk;
  }

  X9ECParameters parameters() {
    return CustomNamedCurves.getByOID(oid());
  }

  ECNamedDomainParameters domain() {
    return new ECNamedDomainParameters(oid(), parameters());
  }

  /** The Cryptographic Length of keys on this curve: the field size in bits. */
  int fieldBits() {
    return parameters().getCurve().getFieldSize();
  }

  /** The public point of {@code d}, uncompressed; d must already be in [1, n-1]. */
  byte[] publicPoint(BigInteger d) {
    ECPoint q = new FixedPointCombMultiplier().multiply(parameters().getG(), d).normalize();
    return q.getEncoded(false);
  }

  /** Checks that d is a valid private scalar for this curve. */
  void checkPrivate(BigInteger d, String where) {
    BigInteger n = parameters().getN();
    if (d.signum() <= 0 || d.compareTo(n) >= 0) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          where
              + ": the private value D is out of range for "
              + kmip.xmlName()
              + " (expected: 1 to n-1)");
    }
  }

  /**
   * Decodes a SEC 1 point (compressed or not), checks it lies on the curve and is not the point at
   * infinity, and answers it uncompressed.
   */
  byte[] checkPublic(byte[] encoded, String where) {
    ECPoint point;
    try {
      point = parameters().getCurve().decodePoint(encoded);
    } catch (RuntimeException e) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          where + ": the public point is not a valid " + kmip.xmlName() + " point");
    }
    if (point.isInfinity() || !point.isValid()) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          where + ": the public point is not on " + kmip.xmlName() + " or is infinity");
    }
    return point.normalize().getEncoded(false);
  }

  static EcCurve of(RecommendedCurve curve) {
    for (EcCurve c : values()) {
      if (c.kmip == curve) {
        return c;
      }
    }
    throw new KmipException(
        ResultReason.INVALID_FIELD,
        "Recommended Curve " + curve.xmlName() + " is not supported (expected: " + names() + ")");
  }

  static EcCurve of(ASN1ObjectIdentifier oid, String where) {
    for (EcCurve c : values()) {
      if (c.oid.equals(oid.getId())) {
        return c;
      }
    }
    throw new KmipException(
        ResultReason.INVALID_FIELD,
        where + ": curve " + oid.getId() + " is not supported (expected: " + names() + ")");
  }

  static String names() {
    return Arrays.stream(values()).map(c -> c.kmip.xmlName()).collect(Collectors.joining(", "));
  }
}
