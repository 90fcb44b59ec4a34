package io.arca.server.store;

import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.keys.ClearKey;
import io.arca.server.keys.KeyBlocks;
import java.util.Optional;

/**
 * Reads managed asymmetric keys for the store's own use as wrapping keys: their key material (the
 * content is stored in its 2.1 encoding) and the Private Key Link that leads from a public key to
 * the private key that unwraps.
 */
final class StoredKeys {
  private StoredKeys() {}

  /** The stored form's protocol version (see the handlers' StoredForm). */
  private static final ProtocolVersion STORED = ProtocolVersion.V2_1;

  /**
   * The key of {@code record} in the clear; the caller closes it.
   *
   * @throws KmipException Wrapping Object Destroyed when its material is gone
   */
  static ClearKey clearKey(Optional<ObjectContent> content, ObjectRecord record) {
    try (ObjectContent opened =
        content.orElseThrow(
            () ->
                new KmipException(
                    ResultReason.WRAPPING_OBJECT_DESTROYED,
                    "wrapping key " + record.uid() + " has no key material"))) {
      ManagedObject object = ManagedObject.decode(opened.structure(), STORED);
      KeyBlock block = object.keyBlock();
      if (block == null) {
        throw new KmipException(
            ResultReason.INVALID_FIELD, "wrapping key " + record.uid() + " has no key block");
      }
      return KeyBlocks.toClearKey(record.objectType(), block);
    }
  }

  /** The uid the public key's Private Key Link names. */
  static String privateKeyLink(ObjectRecord publicKey) {
    for (Attribute link : publicKey.attributes().all(Tag.LINK.code())) {
      if (link.value() instanceof TtlvStructure value
          && value.first(Tag.LINK_TYPE.code()) instanceof TtlvEnumeration type
          && type.value() == LinkType.PRIVATE_KEY_LINK.value()
          && value.first(Tag.LINKED_OBJECT_IDENTIFIER.code()) instanceof TtlvTextString uid) {
        return uid.value();
      }
    }
    throw new KmipException(
        ResultReason.WRAPPING_OBJECT_NOT_FOUND,
        "wrapping key " + publicKey.uid() + " has no Private Key Link, so nothing can unwrap");
  }
}
