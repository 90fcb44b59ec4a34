package io.arca.kmip.object;

import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §2.1.5, 2.1 §3.3 Key Wrapping Data: how the Key Value of a Key Block was wrapped. The
 * MAC/Signature and IV/Counter/Nonce are byte strings and print only their length.
 */
public record KeyWrappingData(
    int wrappingMethod,
    @Nullable EncryptionKeyInformation encryptionKeyInformation,
    @Nullable MACSignatureKeyInformation macSignatureKeyInformation,
    @Nullable ByteString macSignature,
    @Nullable ByteString ivCounterNonce,
    @Nullable Integer encodingOption) {

  /** Decodes a Key Wrapping Data structure. */
  public static KeyWrappingData decode(TtlvStructure structure) {
    Fields fields = Fields.of(structure, "KeyWrappingData");
    int method = fields.requiredEnumeration(Tag.WRAPPING_METHOD);
    TtlvStructure encryption = fields.structure(Tag.ENCRYPTION_KEY_INFORMATION);
    TtlvStructure mac = fields.structure(Tag.MAC_SIGNATURE_KEY_INFORMATION);
    KeyWrappingData data =
        new KeyWrappingData(
            method,
            encryption == null ? null : EncryptionKeyInformation.decode(encryption),
            mac == null ? null : MACSignatureKeyInformation.decode(mac),
            fields.bytes(Tag.MAC_SIGNATURE),
            fields.bytes(Tag.IV_COUNTER_NONCE),
            fields.enumeration(Tag.ENCODING_OPTION));
    fields.finish();
    return data;
  }

  /** Encodes the structure in the field order of the specification. */
  public TtlvStructure encode() {
    return StructureBuilder.of(Tag.KEY_WRAPPING_DATA)
        .enumeration(Tag.WRAPPING_METHOD, wrappingMethod)
        .add(encryptionKeyInformation == null ? null : encryptionKeyInformation.encode())
        .add(macSignatureKeyInformation == null ? null : macSignatureKeyInformation.encode())
        .bytes(Tag.MAC_SIGNATURE, macSignature)
        .bytes(Tag.IV_COUNTER_NONCE, ivCounterNonce)
        .enumeration(Tag.ENCODING_OPTION, encodingOption)
        .build();
  }
}
