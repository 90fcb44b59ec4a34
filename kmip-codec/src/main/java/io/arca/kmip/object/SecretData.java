package io.arca.kmip.object;

import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;

/**
 * KMIP 1.4 §2.2.7, 2.1 §2.7 Secret Data: a shared secret that is not a key (a password, a seed),
 * with its Secret Data Type, in a Key Block.
 */
public record SecretData(int secretDataType, KeyBlock keyBlock) implements ManagedObject {

  /** Decodes a Secret Data structure. */
  public static SecretData decode(TtlvStructure structure, ProtocolVersion version) {
    Fields fields = Fields.of(structure, "SecretData");
    int type = fields.requiredEnumeration(Tag.SECRET_DATA_TYPE);
    TtlvStructure block = fields.required(Tag.KEY_BLOCK, TtlvStructure.class);
    fields.finish();
    return new SecretData(type, KeyBlock.decode(block, version));
  }

  @Override
  public int objectType() {
    return ObjectType.SECRET_DATA.value();
  }

  @Override
  public TtlvStructure encode(ProtocolVersion version) {
    return StructureBuilder.of(Tag.SECRET_DATA)
        .enumeration(Tag.SECRET_DATA_TYPE, secretDataType)
        .add(keyBlock.encode(version))
        .build();
  }
}
