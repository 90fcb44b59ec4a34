package io.arca.server.op;

import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.PrivateKey;
import io.arca.kmip.object.PublicKey;
import io.arca.kmip.object.SecretData;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.keys.ClearKey;
import io.arca.server.keys.KeyBlocks;
import io.arca.server.keys.KeyFormats;

/**
 * Converts a managed object's key block to the Key Format Type a client asks for on Get or Export.
 * Symmetric keys and secret data move between Raw and Transparent Symmetric Key; public and private
 * keys between the formats {@link KeyFormats} knows (PKCS#1, PKCS#8, X.509, ECPrivateKey, the
 * transparent structures, Raw for Ed25519). Any other change answers Key Format Type Not Supported,
 * naming both formats.
 */
public final class ObjectFormats {

  /** The object with its key in {@code format}; the object itself when it already is. */
  public ManagedObject convert(ManagedObject object, int format) {
    KeyBlock block = object.keyBlock();
    if (block == null || block.keyFormatType() == format) {
      return object;
    }
    if (block.keyWrappingData() != null || !(block.keyValue() instanceof KeyValue.Plain plain)) {
      throw unsupported(block.keyFormatType(), format);
    }
    if (object instanceof PrivateKey || object instanceof PublicKey) {
      return asymmetric(object, block, format);
    }
    if (!(object instanceof SymmetricKey || object instanceof SecretData)) {
      throw unsupported(block.keyFormatType(), format);
    }
    KeyMaterial converted = symmetric(plain.keyMaterial(), block.keyFormatType(), format);
    KeyBlock changed =
        new KeyBlock(
            format,
            block.keyCompressionType(),
            new KeyValue.Plain(converted, plain.attributes()),
            block.cryptographicAlgorithm(),
            block.cryptographicLength(),
            null);
    return object instanceof SecretData secret
        ? new SecretData(secret.secretDataType(), changed)
        : new SymmetricKey(changed);
  }

  /** Public and private keys go through {@link KeyFormats}, which checks what it reads. */
  private static ManagedObject asymmetric(ManagedObject object, KeyBlock block, int format) {
    KeyFormatType target = KeyFormatType.byValue(format);
    if (target == null) {
      throw unsupported(block.keyFormatType(), format);
    }
    ObjectType type = object instanceof PrivateKey ? ObjectType.PRIVATE_KEY : ObjectType.PUBLIC_KEY;
    try (ClearKey key = KeyBlocks.toClearKey(type, block);
        ClearKey converted = KeyFormats.convert(key, target)) {
      KeyBlock changed = KeyBlocks.toKeyBlock(converted);
      return object instanceof PrivateKey ? new PrivateKey(changed) : new PublicKey(changed);
    }
  }

  private static KeyMaterial symmetric(KeyMaterial material, int from, int to) {
    int raw = KeyFormatType.RAW.value();
    int transparent = KeyFormatType.TRANSPARENT_SYMMETRIC_KEY.value();
    if (from == raw && to == transparent && material instanceof KeyMaterial.Bytes bytes) {
      return new KeyMaterial.Structured(
          TtlvStructure.of(
              Tag.KEY_MATERIAL.code(), new TtlvByteString(Tag.KEY.code(), bytes.value())));
    }
    if (from == transparent
        && to == raw
        && material instanceof KeyMaterial.Structured structured
        && structured.value().first(Tag.KEY.code()) instanceof TtlvByteString key) {
      return new KeyMaterial.Bytes(key.value());
    }
    throw unsupported(from, to);
  }

  private static KmipException unsupported(int from, int to) {
    return new KmipException(
        ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED,
        "KeyFormatType: cannot convert " + name(from) + " to " + name(to));
  }

  private static String name(int format) {
    KeyFormatType known = KeyFormatType.byValue(format);
    return known == null ? "0x" + Integer.toHexString(format) : known.xmlName();
  }
}
