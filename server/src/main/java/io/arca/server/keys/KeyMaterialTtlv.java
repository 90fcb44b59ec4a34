package io.arca.server.keys;

import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBigInteger;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.keys.KeyMaterial.Encoded;
import io.arca.server.keys.KeyMaterial.TransparentECPrivateKey;
import io.arca.server.keys.KeyMaterial.TransparentECPublicKey;
import io.arca.server.keys.KeyMaterial.TransparentRSAPrivateKey;
import io.arca.server.keys.KeyMaterial.TransparentRSAPublicKey;
import io.arca.server.keys.KeyMaterial.TransparentSymmetricKey;

/**
 * The Key Material item as TTLV (KMIP 2.1 §2.1.7), needed here only because the Digest of a
 * structured Key Material is defined over its TTLV encoding (KMIP 2.1 §4.21). The field order is
 * the spec's table order.
 */
final class KeyMaterialTtlv {
  private KeyMaterialTtlv() {}

  static Ttlv encode(KeyMaterial material) {
    int tag = Tag.KEY_MATERIAL.code();
    if (material instanceof Encoded e) {
      return new TtlvByteString(tag, e.bytes());
    } else if (material instanceof TransparentSymmetricKey k) {
      return TtlvStructure.of(tag, new TtlvByteString(Tag.KEY.code(), k.key()));
    } else if (material instanceof TransparentRSAPrivateKey k) {
      return TtlvStructure.of(
          tag,
          big(Tag.MODULUS, k.modulus()),
          big(Tag.PRIVATE_EXPONENT, k.privateExponent()),
          big(Tag.PUBLIC_EXPONENT, k.publicExponent()),
          big(Tag.P, k.p()),
          big(Tag.Q, k.q()),
          big(Tag.PRIME_EXPONENT_P, k.primeExponentP()),
          big(Tag.PRIME_EXPONENT_Q, k.primeExponentQ()),
          big(Tag.CRT_COEFFICIENT, k.crtCoefficient()));
    } else if (material instanceof TransparentRSAPublicKey k) {
      return TtlvStructure.of(
          tag, big(Tag.MODULUS, k.modulus()), big(Tag.PUBLIC_EXPONENT, k.publicExponent()));
    } else if (material instanceof TransparentECPrivateKey k) {
      return TtlvStructure.of(
          tag,
          new TtlvEnumeration(Tag.RECOMMENDED_CURVE.code(), k.recommendedCurve().value()),
          big(Tag.D, k.d()));
    } else if (material instanceof TransparentECPublicKey k) {
      return TtlvStructure.of(
          tag,
          new TtlvEnumeration(Tag.RECOMMENDED_CURVE.code(), k.recommendedCurve().value()),
          new TtlvByteString(Tag.Q_STRING.code(), k.qString()));
    }
    throw new IllegalStateException("unknown key material " + material.getClass().getSimpleName());
  }

  private static TtlvBigInteger big(Tag tag, java.math.BigInteger value) {
    return new TtlvBigInteger(tag.code(), value);
  }
}
