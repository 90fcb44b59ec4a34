package io.arca.kmip.object;

import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.TagNames;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * A KMIP managed object as it travels in Register, Get, Export and Import (KMIP 1.4 §2.2, 2.1 §2).
 * Each kind is a record that decodes and encodes its own structure; {@link #decode} picks the kind
 * by the structure's tag.
 */
public sealed interface ManagedObject
    permits Certificate,
        OpaqueObject,
        PGPKey,
        PrivateKey,
        PublicKey,
        SecretData,
        SplitKey,
        SymmetricKey,
        Template {

  /** The Object Type enumeration value of this kind. */
  int objectType();

  /** The Key Block of a key object (every kind but Certificate, Opaque Object and Template). */
  @Nullable KeyBlock keyBlock();

  /** The object's structure in the form of {@code version}. */
  TtlvStructure encode(ProtocolVersion version);

  /**
   * Decodes a managed object structure of any kind. An unknown tag, or a kind {@code version} does
   * not define, is an Invalid Field.
   */
  static ManagedObject decode(TtlvStructure structure, ProtocolVersion version) {
    int tag = structure.tag();
    if (tag == Tag.SYMMETRIC_KEY.code()) {
      return SymmetricKey.decode(structure, version);
    } else if (tag == Tag.PUBLIC_KEY.code()) {
      return PublicKey.decode(structure, version);
    } else if (tag == Tag.PRIVATE_KEY.code()) {
      return PrivateKey.decode(structure, version);
    } else if (tag == Tag.SECRET_DATA.code()) {
      return SecretData.decode(structure, version);
    } else if (tag == Tag.OPAQUE_OBJECT.code()) {
      return OpaqueObject.decode(structure);
    } else if (tag == Tag.CERTIFICATE.code()) {
      return Certificate.decode(structure, version);
    } else if (tag == Tag.SPLIT_KEY.code()) {
      return SplitKey.decode(structure, version);
    } else if (tag == Tag.PGP_KEY.code()) {
      return PGPKey.decode(structure, version);
    } else if (tag == Tag.TEMPLATE.code() && !version.isAtLeast(ProtocolVersion.V2_0)) {
      return Template.decode(structure);
    }
    throw new TtlvException(
        ResultReason.INVALID_FIELD,
        TagNames.of(tag) + ": not a managed object of protocol " + version,
        -1,
        "");
  }

  /**
   * Decodes a managed object whose Object Type the payload gives separately: the two must agree,
   * else Invalid Field.
   */
  static ManagedObject decode(int objectType, TtlvStructure structure, ProtocolVersion version) {
    ManagedObject object = decode(structure, version);
    if (object.objectType() != objectType) {
      ObjectType named = ObjectType.byValue(objectType);
      throw new TtlvException(
          ResultReason.INVALID_FIELD,
          TagNames.of(structure.tag())
              + ": does not match ObjectType "
              + (named == null ? String.format("0x%08X", objectType) : named.xmlName()),
          -1,
          "");
    }
    return object;
  }

  /** True if {@code tag} is the tag of a managed object structure in some version. */
  static boolean isObjectTag(int tag) {
    return tag == Tag.SYMMETRIC_KEY.code()
        || tag == Tag.PUBLIC_KEY.code()
        || tag == Tag.PRIVATE_KEY.code()
        || tag == Tag.SECRET_DATA.code()
        || tag == Tag.OPAQUE_OBJECT.code()
        || tag == Tag.CERTIFICATE.code()
        || tag == Tag.SPLIT_KEY.code()
        || tag == Tag.PGP_KEY.code()
        || tag == Tag.TEMPLATE.code();
  }
}
