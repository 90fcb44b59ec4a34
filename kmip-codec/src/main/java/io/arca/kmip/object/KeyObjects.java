package io.arca.kmip.object;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;

/** The shape the key objects share: a structure that holds one Key Block and nothing else. */
final class KeyObjects {
  private KeyObjects() {}

  static KeyBlock keyBlockOnly(TtlvStructure structure, String path, ProtocolVersion version) {
    Fields fields = Fields.of(structure, path);
    TtlvStructure block = fields.required(Tag.KEY_BLOCK, TtlvStructure.class);
    fields.finish();
    return KeyBlock.decode(block, version);
  }

  static TtlvStructure keyBlockOnly(Tag tag, KeyBlock keyBlock, ProtocolVersion version) {
    return TtlvStructure.of(tag.code(), keyBlock.encode(version));
  }
}
