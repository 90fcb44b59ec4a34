package io.arca.kmip.object;

import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.TtlvStructure;

/**
 * KMIP 1.4 §2.2.4, 2.1 §2.5 Private Key: the private half of an asymmetric key pair, in a Key
 * Block.
 */
public record PrivateKey(KeyBlock keyBlock) implements ManagedObject {

  /** Decodes a Private Key structure. */
  public static PrivateKey decode(TtlvStructure structure, ProtocolVersion version) {
    return new PrivateKey(KeyObjects.keyBlockOnly(structure, "PrivateKey", version));
  }

  @Override
  public int objectType() {
    return ObjectType.PRIVATE_KEY.value();
  }

  @Override
  public TtlvStructure encode(ProtocolVersion version) {
    return KeyObjects.keyBlockOnly(Tag.PRIVATE_KEY, keyBlock, version);
  }
}
