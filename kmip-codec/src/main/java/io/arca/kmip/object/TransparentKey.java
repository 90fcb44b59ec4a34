package io.arca.kmip.object;

import io.arca.kmip.KeyFormatType;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvBigInteger;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvStructure;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * Typed views of the transparent Key Material structures (KMIP 1.4 §2.1.7, 2.1 §3.4-3.13), chosen
 * by the Key Format Type. {@link KeyMaterial.Structured} keeps the wire form; a handler that needs
 * the numbers asks for the view. No view prints a number: only bit lengths.
 */
public sealed interface TransparentKey {

  /** The Key Material structure of this key. */
  KeyMaterial.Structured encode();

  /**
   * The view of {@code material} for a transparent {@code keyFormatType}; any other format, or a
   * structure that does not fit it, is Invalid Field.
   */
  static TransparentKey decode(int keyFormatType, KeyMaterial.Structured material) {
    TtlvStructure structure = material.value();
    KeyFormatType format = KeyFormatType.byValue(keyFormatType);
    if (format == null) {
      throw new TtlvException(
          ResultReason.INVALID_FIELD, "KeyFormatType: not a transparent format", -1, "KeyValue");
    }
    Fields fields = Fields.of(structure, "KeyMaterial");
    TransparentKey key =
        switch (format) {
          case TRANSPARENT_SYMMETRIC_KEY -> new Symmetric(fields.requiredBytes(Tag.KEY));
          case TRANSPARENT_RSA_PUBLIC_KEY ->
              new RSAPublic(big(fields, Tag.MODULUS), big(fields, Tag.PUBLIC_EXPONENT));
          case TRANSPARENT_RSA_PRIVATE_KEY ->
              new RSAPrivate(
                  big(fields, Tag.MODULUS),
                  optionalBig(fields, Tag.PRIVATE_EXPONENT),
                  optionalBig(fields, Tag.PUBLIC_EXPONENT),
                  optionalBig(fields, Tag.P),
                  optionalBig(fields, Tag.Q),
                  optionalBig(fields, Tag.PRIME_EXPONENT_P),
                  optionalBig(fields, Tag.PRIME_EXPONENT_Q),
                  optionalBig(fields, Tag.CRT_COEFFICIENT));
          case TRANSPARENT_DSA_PUBLIC_KEY ->
              new DSAPublic(
                  big(fields, Tag.P), big(fields, Tag.Q), big(fields, Tag.G), big(fields, Tag.Y));
          case TRANSPARENT_DSA_PRIVATE_KEY ->
              new DSAPrivate(
                  big(fields, Tag.P), big(fields, Tag.Q), big(fields, Tag.G), big(fields, Tag.X));
          case TRANSPARENT_DH_PUBLIC_KEY, TRANSPARENT_DH_PRIVATE_KEY ->
              new DH(
                  format == KeyFormatType.TRANSPARENT_DH_PRIVATE_KEY,
                  big(fields, Tag.P),
                  optionalBig(fields, Tag.Q),
                  big(fields, Tag.G),
                  optionalBig(fields, Tag.J),
                  big(fields, format == KeyFormatType.TRANSPARENT_DH_PRIVATE_KEY ? Tag.X : Tag.Y));
          case TRANSPARENT_EC_PUBLIC_KEY,
              TRANSPARENT_ECDSA_PUBLIC_KEY,
              TRANSPARENT_ECDH_PUBLIC_KEY,
              TRANSPARENT_ECMQV_PUBLIC_KEY ->
              new ECPublic(
                  fields.requiredEnumeration(Tag.RECOMMENDED_CURVE),
                  fields.requiredBytes(Tag.Q_STRING));
          case TRANSPARENT_EC_PRIVATE_KEY,
              TRANSPARENT_ECDSA_PRIVATE_KEY,
              TRANSPARENT_ECDH_PRIVATE_KEY,
              TRANSPARENT_ECMQV_PRIVATE_KEY ->
              new ECPrivate(fields.requiredEnumeration(Tag.RECOMMENDED_CURVE), big(fields, Tag.D));
          default ->
              throw new TtlvException(
                  ResultReason.INVALID_FIELD,
                  "KeyFormatType: " + format.xmlName() + " is not a transparent format",
                  -1,
                  "KeyValue");
        };
    fields.finish();
    return key;
  }

  private static BigInteger big(Fields fields, Tag tag) {
    return fields.required(tag, TtlvBigInteger.class).value();
  }

  private static @Nullable BigInteger optionalBig(Fields fields, Tag tag) {
    TtlvBigInteger value = fields.optional(tag, TtlvBigInteger.class);
    return value == null ? null : value.value();
  }

  private static StructureBuilder add(StructureBuilder builder, Tag tag, @Nullable BigInteger v) {
    return v == null ? builder : builder.add(new TtlvBigInteger(tag.code(), v));
  }

  private static String bits(@Nullable BigInteger value) {
    return value == null ? "-" : value.bitLength() + " bits";
  }

  /** Transparent Symmetric Key: the key bytes. */
  record Symmetric(ByteString key) implements TransparentKey {
    @Override
    public KeyMaterial.Structured encode() {
      return new KeyMaterial.Structured(
          StructureBuilder.of(Tag.KEY_MATERIAL).bytes(Tag.KEY, key).build());
    }
  }

  /** Transparent RSA Public Key. */
  record RSAPublic(BigInteger modulus, BigInteger publicExponent) implements TransparentKey {
    @Override
    public KeyMaterial.Structured encode() {
      StructureBuilder builder = StructureBuilder.of(Tag.KEY_MATERIAL);
      add(builder, Tag.MODULUS, modulus);
      add(builder, Tag.PUBLIC_EXPONENT, publicExponent);
      return new KeyMaterial.Structured(builder.build());
    }

    @Override
    public String toString() {
      return "RSAPublic[modulus=" + bits(modulus) + "]";
    }
  }

  /** Transparent RSA Private Key: the modulus and any of the private parts. */
  record RSAPrivate(
      BigInteger modulus,
      @Nullable BigInteger privateExponent,
      @Nullable BigInteger publicExponent,
      @Nullable BigInteger p,
      @Nullable BigInteger q,
      @Nullable BigInteger primeExponentP,
      @Nullable BigInteger primeExponentQ,
      @Nullable BigInteger crtCoefficient)
      implements TransparentKey {
    @Override
    public KeyMaterial.Structured encode() {
      StructureBuilder builder = StructureBuilder.of(Tag.KEY_MATERIAL);
      add(builder, Tag.MODULUS, modulus);
      add(builder, Tag.PRIVATE_EXPONENT, privateExponent);
      add(builder, Tag.PUBLIC_EXPONENT, publicExponent);
      add(builder, Tag.P, p);
      add(builder, Tag.Q, q);
      add(builder, Tag.PRIME_EXPONENT_P, primeExponentP);
      add(builder, Tag.PRIME_EXPONENT_Q, primeExponentQ);
      add(builder, Tag.CRT_COEFFICIENT, crtCoefficient);
      return new KeyMaterial.Structured(builder.build());
    }

    @Override
    public String toString() {
      return "RSAPrivate[modulus=" + bits(modulus) + "]";
    }
  }

  /** Transparent DSA Public Key. */
  record DSAPublic(BigInteger p, BigInteger q, BigInteger g, BigInteger y)
      implements TransparentKey {
    @Override
    public KeyMaterial.Structured encode() {
      StructureBuilder builder = StructureBuilder.of(Tag.KEY_MATERIAL);
      add(builder, Tag.P, p);
      add(builder, Tag.Q, q);
      add(builder, Tag.G, g);
      add(builder, Tag.Y, y);
      return new KeyMaterial.Structured(builder.build());
    }

    @Override
    public String toString() {
      return "DSAPublic[p=" + bits(p) + ", q=" + bits(q) + "]";
    }
  }

  /** Transparent DSA Private Key. */
  record DSAPrivate(BigInteger p, BigInteger q, BigInteger g, BigInteger x)
      implements TransparentKey {
    @Override
    public KeyMaterial.Structured encode() {
      StructureBuilder builder = StructureBuilder.of(Tag.KEY_MATERIAL);
      add(builder, Tag.P, p);
      add(builder, Tag.Q, q);
      add(builder, Tag.G, g);
      add(builder, Tag.X, x);
      return new KeyMaterial.Structured(builder.build());
    }

    @Override
    public String toString() {
      return "DSAPrivate[p=" + bits(p) + ", q=" + bits(q) + "]";
    }
  }

  /**
   * Transparent DH Public Key ({@code isPrivate} false, {@code value} is Y) or Private Key ({@code
   * isPrivate} true, {@code value} is X).
   */
  record DH(
      boolean isPrivate,
      BigInteger p,
      @Nullable BigInteger q,
      BigInteger g,
      @Nullable BigInteger j,
      BigInteger value)
      implements TransparentKey {
    @Override
    public KeyMaterial.Structured encode() {
      StructureBuilder builder = StructureBuilder.of(Tag.KEY_MATERIAL);
      add(builder, Tag.P, p);
      add(builder, Tag.Q, q);
      add(builder, Tag.G, g);
      add(builder, Tag.J, j);
      add(builder, isPrivate ? Tag.X : Tag.Y, value);
      return new KeyMaterial.Structured(builder.build());
    }

    @Override
    public String toString() {
      return "DH[private=" + isPrivate + ", p=" + bits(p) + "]";
    }
  }

  /** Transparent EC Public Key (and the 1.x ECDSA, ECDH, ECMQV forms): curve and Q String. */
  record ECPublic(int recommendedCurve, ByteString qString) implements TransparentKey {
    @Override
    public KeyMaterial.Structured encode() {
      return new KeyMaterial.Structured(
          StructureBuilder.of(Tag.KEY_MATERIAL)
              .enumeration(Tag.RECOMMENDED_CURVE, recommendedCurve)
              .bytes(Tag.Q_STRING, qString)
              .build());
    }
  }

  /** Transparent EC Private Key (and the 1.x ECDSA, ECDH, ECMQV forms): curve and D. */
  record ECPrivate(int recommendedCurve, BigInteger d) implements TransparentKey {
    @Override
    public KeyMaterial.Structured encode() {
      StructureBuilder builder =
          StructureBuilder.of(Tag.KEY_MATERIAL)
              .enumeration(Tag.RECOMMENDED_CURVE, recommendedCurve);
      add(builder, Tag.D, d);
      return new KeyMaterial.Structured(builder.build());
    }

    @Override
    public String toString() {
      return "ECPrivate[curve=" + recommendedCurve + ", d=" + bits(d) + "]";
    }
  }
}
