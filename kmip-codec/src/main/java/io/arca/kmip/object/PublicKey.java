package io.arca.kmip.object;

import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.TtlvStructure;

/**
 * KMIP 1.4 §2.2.3, 2.1 §2.6 Public Key: the public half of an asymmetric key pair, in a Key Block.
 */
public record PublicKey(KeyBlock keyBlock) implements ManagedObject {

  /** Decodes a Public Key structure. */
  public static PublicKey decode(TtlvStructure structure, ProtocolVersion version) {
    return new PublicKey(KeyObjects.keyBlockOnly(structure, "PublicKey", version));
  }

  @Override
  public int objectType() {
    return ObjectType.PUBLIC_KEY.value();
  }

  @Override
  public TtlvStructure encode(ProtocolVersion version) {
    return KeyObjects.keyBlockOnly(Tag.PUBLIC_KEY, keyBlock, version);
  }
}
