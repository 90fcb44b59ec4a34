package io.arca.kmip.object;

import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.TtlvStructure;

/** KMIP 1.4 §2.2.2, 2.1 §2.9 Symmetric Key: a symmetric key, in a Key Block. */
public record SymmetricKey(KeyBlock keyBlock) implements ManagedObject {

  /** Decodes a Symmetric Key structure. */
  public static SymmetricKey decode(TtlvStructure structure, ProtocolVersion version) {
    return new SymmetricKey(KeyObjects.keyBlockOnly(structure, "SymmetricKey", version));
  }

  @Override
  public int objectType() {
    return ObjectType.SYMMETRIC_KEY.value();
  }

  @Override
  public TtlvStructure encode(ProtocolVersion version) {
    return KeyObjects.keyBlockOnly(Tag.SYMMETRIC_KEY, keyBlock, version);
  }
}
