package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.SplitKeyMethod;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.util.ArrayList;
import java.util.List;

/**
 * What Create Split Key and Join Split Key share (KMIP 1.4 §2.2.5, §4.38-4.39; 2.1 §2.8, §6.1.10,
 * §6.1.27): the methods served, the refusals of object types, the bytes of a key, and how the parts
 * of one split name each other. The specification names no link type for split keys; Arca uses the
 * generic ones of 1.4 §3.35: each part has a Previous Link to every part with a lower Key Part
 * Identifier and a Next Link to every part with a higher one, so any set of parts shows from its
 * own records whether it comes from one split, even when other parts were destroyed; the parts of a
 * key the server held have a Parent Link to it, and it a Child Link to each.
 */
final class SplitKeys {
  /**
   * The most parts of one split: each part links to every other, and a GF(2^8) share's x coordinate
   * is a byte.
   */
  static final int MAX_PARTS = 64;

  private SplitKeys() {}

  /** The method, or Invalid Field for a value KMIP does not define (extensions included). */
  static SplitKeyMethod method(int value) {
    SplitKeyMethod method = SplitKeyMethod.byValue(value);
    if (method == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "SplitKeyMethod: 0x"
              + Integer.toHexString(value)
              + " is not supported (expected: XOR or one of the Polynomial Sharing methods)");
    }
    return method;
  }

  /** An object of the wrong type: 2.x has Invalid Object Type; 1.x's tables say Invalid Field. */
  static KmipException wrongType(ProtocolVersion version, String what, String expected) {
    return new KmipException(
        version.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.INVALID_OBJECT_TYPE
            : ResultReason.INVALID_FIELD,
        what + " (expected: " + expected + ")");
  }

  /**
   * A copy of the plain key material of a Symmetric Key, Secret Data or Split Key, for the caller
   * to wipe; a destroyed object or one whose value is wrapped is refused.
   */
  static byte[] material(ObjectStore store, ObjectRecord record, ProtocolVersion version) {
    try (ObjectContent content =
        store.content(record.uid()).orElseThrow(() -> Reasons.destroyed(version, record.uid()))) {
      ManagedObject object =
          ManagedObject.decode(
              record.objectType().value(), content.structure(), StoredForm.VERSION);
      KeyBlock block = object.keyBlock();
      if (block != null
          && block.keyValue() instanceof KeyValue.Plain plain
          && plain.keyMaterial() instanceof KeyMaterial.Bytes bytes) {
        return bytes.value().toByteArray();
      }
      throw new KmipException(
          ResultReason.KEY_VALUE_NOT_PRESENT,
          record.uid() + ": its value is wrapped or not a Byte String");
    }
  }

  /** The Previous and Next Links of part {@code index} (from 0) among {@code parts}. */
  static List<Attribute> partLinks(List<String> parts, int index) {
    List<Attribute> links = new ArrayList<>();
    for (int other = 0; other < parts.size(); other++) {
      if (other != index) {
        LinkType type = other < index ? LinkType.PREVIOUS_LINK : LinkType.NEXT_LINK;
        links.add(StoredKeyPairs.link(type, parts.get(other)));
      }
    }
    return links;
  }

  /** The identifiers {@code record}'s links of {@code type} name. */
  static List<String> linked(ObjectRecord record, LinkType type) {
    return AttributeView.of(record).links(type);
  }

  /** Whether a type's key bytes may be split: a Symmetric Key or Secret Data. */
  static boolean splittable(ObjectType type) {
    return type == ObjectType.SYMMETRIC_KEY || type == ObjectType.SECRET_DATA;
  }
}
