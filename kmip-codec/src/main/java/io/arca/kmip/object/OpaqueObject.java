package io.arca.kmip.object;

import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §2.2.8, 2.1 §2.3 Opaque Object: bytes the server stores but does not interpret, with
 * their Opaque Data Type.
 */
public record OpaqueObject(int opaqueDataType, ByteString opaqueDataValue)
    implements ManagedObject {

  /** Decodes an Opaque Object structure. */
  public static OpaqueObject decode(TtlvStructure structure) {
    Fields fields = Fields.of(structure, "OpaqueObject");
    int type = fields.requiredEnumeration(Tag.OPAQUE_DATA_TYPE);
    ByteString value = fields.requiredBytes(Tag.OPAQUE_DATA_VALUE);
    fields.finish();
    return new OpaqueObject(type, value);
  }

  @Override
  public int objectType() {
    return ObjectType.OPAQUE_OBJECT.value();
  }

  @Override
  public @Nullable KeyBlock keyBlock() {
    return null;
  }

  @Override
  public TtlvStructure encode(ProtocolVersion version) {
    return StructureBuilder.of(Tag.OPAQUE_OBJECT)
        .enumeration(Tag.OPAQUE_DATA_TYPE, opaqueDataType)
        .bytes(Tag.OPAQUE_DATA_VALUE, opaqueDataValue)
        .build();
  }
}
