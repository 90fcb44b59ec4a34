package io.arca.server.keys;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBigInteger;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.keys.KeyMaterial.Encoded;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The bridge between the codec's Key Block (what the wire and the store hold) and {@link ClearKey}
 * (what {@link KeyFormats} converts), so that handlers need one converter for every key kind. Byte
 * strings are copied both ways: closing a result leaves its source intact.
 */
public final class KeyBlocks {
  private KeyBlocks() {}

  /**
   * The key in a plain Key Block as a {@link ClearKey}, which the caller closes.
   *
   * @throws KmipException Key Format Type Not Supported for a wrapped block or an unknown format,
   *     Invalid Field for missing or malformed fields
   */
  public static ClearKey toClearKey(ObjectType objectType, KeyBlock block) {
    if (block.keyWrappingData() != null || !(block.keyValue() instanceof KeyValue.Plain plain)) {
      throw new KmipException(
          ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED,
          "a wrapped key cannot be converted to another Key Format Type");
    }
    Integer algorithmValue = block.cryptographicAlgorithm();
    CryptographicAlgorithm algorithm =
        algorithmValue == null ? null : CryptographicAlgorithm.byValue(algorithmValue);
    if (algorithm == null) {
      throw new KmipException(
          ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED,
          "the Key Block names no known Cryptographic Algorithm, so its format cannot change");
    }
    KeyFormatType format = KeyFormatType.byValue(block.keyFormatType());
    if (format == null) {
      throw new KmipException(
          ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED,
          "KeyFormatType: 0x" + Integer.toHexString(block.keyFormatType()) + " is unknown");
    }
    Integer length = block.cryptographicLength();
    return new ClearKey(
        objectType, algorithm, length == null ? 0 : length, material(format, plain.keyMaterial()));
  }

  /** A plain Key Block holding {@code key}, with its algorithm and length. */
  public static KeyBlock toKeyBlock(ClearKey key) {
    return KeyBlock.of(
        key.format().value(),
        KeyValue.Plain.of(codecMaterial(key.material())),
        key.algorithm().value(),
        key.length());
  }

  /** The server's material as the codec's Key Material item; byte strings are copied. */
  public static io.arca.kmip.object.KeyMaterial codecMaterial(KeyMaterial material) {
    if (material instanceof Encoded e) {
      return new io.arca.kmip.object.KeyMaterial.Bytes(KeyFormats.copy(e.bytes()));
    }
    Ttlv encoded = KeyMaterialTtlv.encode(material);
    TtlvStructure structure = (TtlvStructure) encoded;
    return new io.arca.kmip.object.KeyMaterial.Structured(copyBytes(structure));
  }

  private static TtlvStructure copyBytes(TtlvStructure structure) {
    List<Ttlv> items = new ArrayList<>();
    for (Ttlv item : structure.items()) {
      items.add(
          item instanceof TtlvByteString b
              ? new TtlvByteString(b.tag(), KeyFormats.copy(b.value()))
              : item);
    }
    return new TtlvStructure(structure.tag(), items);
  }

  private static KeyMaterial material(
      KeyFormatType format, io.arca.kmip.object.KeyMaterial material) {
    if (material instanceof io.arca.kmip.object.KeyMaterial.Bytes bytes) {
      return new Encoded(format, KeyFormats.copy(bytes.value()));
    }
    TtlvStructure fields = ((io.arca.kmip.object.KeyMaterial.Structured) material).value();
    switch (format) {
      case TRANSPARENT_SYMMETRIC_KEY -> {
        return new KeyMaterial.TransparentSymmetricKey(KeyFormats.copy(bytes(fields, Tag.KEY)));
      }
      case TRANSPARENT_RSA_PUBLIC_KEY -> {
        return new KeyMaterial.TransparentRSAPublicKey(
            big(fields, Tag.MODULUS), big(fields, Tag.PUBLIC_EXPONENT));
      }
      case TRANSPARENT_RSA_PRIVATE_KEY -> {
        return new KeyMaterial.TransparentRSAPrivateKey(
            big(fields, Tag.MODULUS),
            big(fields, Tag.PRIVATE_EXPONENT),
            big(fields, Tag.PUBLIC_EXPONENT),
            big(fields, Tag.P),
            big(fields, Tag.Q),
            big(fields, Tag.PRIME_EXPONENT_P),
            big(fields, Tag.PRIME_EXPONENT_Q),
            big(fields, Tag.CRT_COEFFICIENT));
      }
      default -> {
        if (KeyMaterial.EC_PRIVATE_FORMATS.contains(format)) {
          return new KeyMaterial.TransparentECPrivateKey(format, curve(fields), big(fields, Tag.D));
        }
        if (KeyMaterial.EC_PUBLIC_FORMATS.contains(format)) {
          return new KeyMaterial.TransparentECPublicKey(
              format, curve(fields), KeyFormats.copy(bytes(fields, Tag.Q_STRING)));
        }
        throw KeyFormats.cannotRead(format, "structured Key Material");
      }
    }
  }

  private static RecommendedCurve curve(TtlvStructure fields) {
    Ttlv item = fields.first(Tag.RECOMMENDED_CURVE.code());
    RecommendedCurve curve =
        item instanceof TtlvEnumeration e ? RecommendedCurve.byValue(e.value()) : null;
    if (curve == null) {
      throw missing(Tag.RECOMMENDED_CURVE);
    }
    return curve;
  }

  private static BigInteger big(TtlvStructure fields, Tag tag) {
    @Nullable Ttlv item = fields.first(tag.code());
    if (item instanceof TtlvBigInteger b) {
      return b.value();
    }
    throw missing(tag);
  }

  private static ByteString bytes(TtlvStructure fields, Tag tag) {
    @Nullable Ttlv item = fields.first(tag.code());
    if (item instanceof TtlvByteString b) {
      return b.value();
    }
    throw missing(tag);
  }

  private static KmipException missing(Tag tag) {
    return new KmipException(
        ResultReason.INVALID_FIELD, "KeyMaterial/" + tag.xmlName() + ": missing or wrong type");
  }
}
