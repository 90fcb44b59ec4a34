package io.arca.kmip.object;

import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;

/** KMIP 1.4 §2.2.9, 2.1 §2.4 PGP Key: an OpenPGP key of a PGP Key Version, in a Key Block. */
public record PGPKey(int pgpKeyVersion, KeyBlock keyBlock) implements ManagedObject {

  /** Decodes a PGP Key structure. */
  public static PGPKey decode(TtlvStructure structure, ProtocolVersion version) {
    Fields fields = Fields.of(structure, "PGPKey");
    int pgpVersion = fields.requiredInteger(Tag.PGP_KEY_VERSION);
    TtlvStructure block = fields.required(Tag.KEY_BLOCK, TtlvStructure.class);
    fields.finish();
    return new PGPKey(pgpVersion, KeyBlock.decode(block, version));
  }

  @Override
  public int objectType() {
    return ObjectType.PGP_KEY.value();
  }

  @Override
  public TtlvStructure encode(ProtocolVersion version) {
    return StructureBuilder.of(Tag.PGP_KEY)
        .integer(Tag.PGP_KEY_VERSION, pgpKeyVersion)
        .add(keyBlock.encode(version))
        .build();
  }
}
