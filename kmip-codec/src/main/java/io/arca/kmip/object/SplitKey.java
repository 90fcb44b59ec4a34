package io.arca.kmip.object;

import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvBigInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §2.2.5, 2.1 §2.8 Split Key: one part of a key split into Split Key Parts, any Split Key
 * Threshold of which rebuild it by the Split Key Method; Prime Field Size is given for the
 * polynomial methods.
 */
public record SplitKey(
    int splitKeyParts,
    int keyPartIdentifier,
    int splitKeyThreshold,
    int splitKeyMethod,
    @Nullable BigInteger primeFieldSize,
    KeyBlock keyBlock)
    implements ManagedObject {

  /** Decodes a Split Key structure. */
  public static SplitKey decode(TtlvStructure structure, ProtocolVersion version) {
    Fields fields = Fields.of(structure, "SplitKey");
    int parts = fields.requiredInteger(Tag.SPLIT_KEY_PARTS);
    int identifier = fields.requiredInteger(Tag.KEY_PART_IDENTIFIER);
    int threshold = fields.requiredInteger(Tag.SPLIT_KEY_THRESHOLD);
    int method = fields.requiredEnumeration(Tag.SPLIT_KEY_METHOD);
    TtlvBigInteger prime = fields.optional(Tag.PRIME_FIELD_SIZE, TtlvBigInteger.class);
    TtlvStructure block = fields.required(Tag.KEY_BLOCK, TtlvStructure.class);
    fields.finish();
    return new SplitKey(
        parts,
        identifier,
        threshold,
        method,
        prime == null ? null : prime.value(),
        KeyBlock.decode(block, version));
  }

  @Override
  public int objectType() {
    return ObjectType.SPLIT_KEY.value();
  }

  @Override
  public TtlvStructure encode(ProtocolVersion version) {
    return StructureBuilder.of(Tag.SPLIT_KEY)
        .integer(Tag.SPLIT_KEY_PARTS, splitKeyParts)
        .integer(Tag.KEY_PART_IDENTIFIER, keyPartIdentifier)
        .integer(Tag.SPLIT_KEY_THRESHOLD, splitKeyThreshold)
        .enumeration(Tag.SPLIT_KEY_METHOD, splitKeyMethod)
        .add(
            primeFieldSize == null
                ? null
                : new TtlvBigInteger(Tag.PRIME_FIELD_SIZE.code(), primeFieldSize))
        .add(keyBlock.encode(version))
        .build();
  }
}
