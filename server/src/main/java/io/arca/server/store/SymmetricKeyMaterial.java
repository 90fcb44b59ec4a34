package io.arca.server.store;

import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;

/**
 * The key bytes of a Symmetric Key structure in Raw or Transparent Symmetric Key format, as the
 * store keeps it: for managed keys used as wrapping keys and by the cryptographic operations.
 */
public final class SymmetricKeyMaterial {
  private SymmetricKeyMaterial() {}

  /** A copy of the key bytes, which the caller wipes. */
  public static byte[] bytes(TtlvStructure symmetricKey) {
    TtlvStructure block = structure(symmetricKey, Tag.KEY_BLOCK);
    if (block.first(Tag.KEY_WRAPPING_DATA.code()) != null) {
      throw refuse("its key block is itself wrapped");
    }
    Ttlv format = block.first(Tag.KEY_FORMAT_TYPE.code());
    int formatValue = format instanceof TtlvEnumeration e ? e.value() : -1;
    Ttlv material = structure(block, Tag.KEY_VALUE).first(Tag.KEY_MATERIAL.code());
    if (formatValue == KeyFormatType.RAW.value() && material instanceof TtlvByteString raw) {
      return raw.value().toByteArray();
    }
    if (formatValue == KeyFormatType.TRANSPARENT_SYMMETRIC_KEY.value()
        && material instanceof TtlvStructure transparent
        && transparent.first(Tag.KEY.code()) instanceof TtlvByteString key) {
      return key.value().toByteArray();
    }
    throw refuse("its key material is not Raw or Transparent Symmetric Key bytes");
  }

  private static TtlvStructure structure(TtlvStructure parent, Tag tag) {
    if (parent.first(tag.code()) instanceof TtlvStructure child) {
      return child;
    }
    throw refuse("it has no " + tag.xmlName());
  }

  private static KmipException refuse(String why) {
    return new KmipException(ResultReason.INVALID_FIELD, "the wrapping key cannot be used: " + why);
  }
}
