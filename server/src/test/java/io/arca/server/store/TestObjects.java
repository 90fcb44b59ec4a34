package io.arca.server.store;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.LinkType;
import io.arca.kmip.NameType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.PrivateKey;
import io.arca.kmip.object.PublicKey;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.keys.ClearKeyPair;
import io.arca.server.keys.KeyBlocks;
import io.arca.server.keys.KeyMaker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Managed objects for store tests: AES keys whose bytes are derived from their uid. */
final class TestObjects {
  static final Instant T0 = Instant.parse("2026-11-29T06:00:00.123Z");

  private TestObjects() {}

  /** 32 key bytes that only this uid has: SHA-256 of "key-of-" + uid. */
  static byte[] keyBytes(String uid) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(("key-of-" + uid).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** A Symmetric Key structure (Raw AES-256) holding {@code key}. */
  static TtlvStructure aesKey(byte[] key) {
    return TtlvStructure.of(
        Tag.SYMMETRIC_KEY.code(),
        TtlvStructure.of(
            Tag.KEY_BLOCK.code(),
            new TtlvEnumeration(Tag.KEY_FORMAT_TYPE.code(), KeyFormatType.RAW.value()),
            TtlvStructure.of(Tag.KEY_VALUE.code(), TtlvByteString.of(Tag.KEY_MATERIAL.code(), key)),
            new TtlvEnumeration(
                Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value()),
            new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), key.length * 8)));
  }

  /** The attributes a created AES key carries: algorithm, length and a name. */
  static Attributes aesAttributes(String name, int bits) {
    return Attributes.of(
        Attribute.of(
            new TtlvEnumeration(
                Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
        Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits)),
        Attribute.of(name(name)));
  }

  static TtlvStructure name(String value) {
    return TtlvStructure.of(
        Tag.NAME.code(),
        new TtlvTextString(Tag.NAME_VALUE.code(), value),
        new TtlvEnumeration(Tag.NAME_TYPE.code(), NameType.UNINTERPRETED_TEXT_STRING.value()));
  }

  /** A draft AES key owned by alice, named after its uid, wrapped as asked. */
  static ObjectRecord aesDraft(String uid, @Nullable String wrappingKeyId) {
    return ObjectRecord.draft(
        uid,
        ObjectType.SYMMETRIC_KEY,
        State.PRE_ACTIVE,
        "alice",
        aesAttributes("name-" + uid, 256),
        wrappingKeyId,
        T0);
  }

  /** A fresh RSA-2048 pair, as stored Private Key and Public Key structures (PKCS#1). */
  static TtlvStructure[] rsaPair() {
    try (ClearKeyPair pair =
        new KeyMaker(new SecureRandom()).keyPair(CryptographicAlgorithm.RSA, 2048, null)) {
      return new TtlvStructure[] {
        new PrivateKey(KeyBlocks.toKeyBlock(pair.privateKey())).encode(ProtocolVersion.V2_1),
        new PublicKey(KeyBlocks.toKeyBlock(pair.publicKey())).encode(ProtocolVersion.V2_1)
      };
    }
  }

  /** A draft RSA key of alice's, linked to {@code otherUid} as its other half. */
  static ObjectRecord rsaDraft(String uid, ObjectType type, String otherUid) {
    LinkType linkType =
        type == ObjectType.PUBLIC_KEY ? LinkType.PRIVATE_KEY_LINK : LinkType.PUBLIC_KEY_LINK;
    return ObjectRecord.draft(
        uid,
        type,
        State.PRE_ACTIVE,
        "alice",
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.RSA.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 2048)),
            Attribute.of(
                TtlvStructure.of(
                    Tag.LINK.code(),
                    new TtlvEnumeration(Tag.LINK_TYPE.code(), linkType.value()),
                    new TtlvTextString(Tag.LINKED_OBJECT_IDENTIFIER.code(), otherUid)))),
        null,
        T0);
  }
}
