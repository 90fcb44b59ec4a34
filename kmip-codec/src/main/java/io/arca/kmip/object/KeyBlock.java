package io.arca.kmip.object;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §2.1.3, 2.1 §3.1 Key Block: a key's format, its value (in the clear or wrapped), and the
 * algorithm and length when the format does not imply them. The Key Value is absent only for a key
 * whose value the server does not hold.
 */
public record KeyBlock(
    int keyFormatType,
    @Nullable Integer keyCompressionType,
    @Nullable KeyValue keyValue,
    @Nullable Integer cryptographicAlgorithm,
    @Nullable Integer cryptographicLength,
    @Nullable KeyWrappingData keyWrappingData) {

  /** A key block in the clear, with algorithm and length. */
  public static KeyBlock of(
      int keyFormatType, KeyValue keyValue, int cryptographicAlgorithm, int cryptographicLength) {
    return new KeyBlock(
        keyFormatType, null, keyValue, cryptographicAlgorithm, cryptographicLength, null);
  }

  /** Decodes a Key Block structure. */
  public static KeyBlock decode(TtlvStructure structure, ProtocolVersion version) {
    Fields fields = Fields.of(structure, "KeyBlock");
    int format = fields.requiredEnumeration(Tag.KEY_FORMAT_TYPE);
    Integer compression = fields.enumeration(Tag.KEY_COMPRESSION_TYPE);
    Ttlv value = fields.optionalAny(Tag.KEY_VALUE);
    Integer algorithm = fields.enumeration(Tag.CRYPTOGRAPHIC_ALGORITHM);
    Integer length = fields.integer(Tag.CRYPTOGRAPHIC_LENGTH);
    TtlvStructure wrapping = fields.structure(Tag.KEY_WRAPPING_DATA);
    fields.finish();
    return new KeyBlock(
        format,
        compression,
        value == null ? null : KeyValue.decode(value, version),
        algorithm,
        length,
        wrapping == null ? null : KeyWrappingData.decode(wrapping));
  }

  /** Encodes the Key Block in the form of {@code version}. */
  public TtlvStructure encode(ProtocolVersion version) {
    return StructureBuilder.of(Tag.KEY_BLOCK)
        .enumeration(Tag.KEY_FORMAT_TYPE, keyFormatType)
        .enumeration(Tag.KEY_COMPRESSION_TYPE, keyCompressionType)
        .add(keyValue == null ? null : keyValue.encode(version))
        .enumeration(Tag.CRYPTOGRAPHIC_ALGORITHM, cryptographicAlgorithm)
        .integer(Tag.CRYPTOGRAPHIC_LENGTH, cryptographicLength)
        .add(keyWrappingData == null ? null : keyWrappingData.encode())
        .build();
  }
}
