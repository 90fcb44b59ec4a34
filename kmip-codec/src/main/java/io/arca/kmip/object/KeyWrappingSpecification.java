package io.arca.kmip.object;

import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §2.1.6, 2.1 §7.18 Key Wrapping Specification: how a client asks for a key to be wrapped
 * (Get, Export), including which attributes, by name, to wrap along with it.
 */
public record KeyWrappingSpecification(
    int wrappingMethod,
    @Nullable EncryptionKeyInformation encryptionKeyInformation,
    @Nullable MACSignatureKeyInformation macSignatureKeyInformation,
    List<String> attributeNames,
    @Nullable Integer encodingOption) {

  public KeyWrappingSpecification {
    attributeNames = List.copyOf(attributeNames);
  }

  /** Decodes a Key Wrapping Specification structure. */
  public static KeyWrappingSpecification decode(TtlvStructure structure) {
    Fields fields = Fields.of(structure, "KeyWrappingSpecification");
    int method = fields.requiredEnumeration(Tag.WRAPPING_METHOD);
    TtlvStructure encryption = fields.structure(Tag.ENCRYPTION_KEY_INFORMATION);
    TtlvStructure mac = fields.structure(Tag.MAC_SIGNATURE_KEY_INFORMATION);
    KeyWrappingSpecification specification =
        new KeyWrappingSpecification(
            method,
            encryption == null ? null : EncryptionKeyInformation.decode(encryption),
            mac == null ? null : MACSignatureKeyInformation.decode(mac),
            fields.repeated(Tag.ATTRIBUTE_NAME, TtlvTextString.class).stream()
                .map(TtlvTextString::value)
                .toList(),
            fields.enumeration(Tag.ENCODING_OPTION));
    fields.finish();
    return specification;
  }

  /** Encodes the structure in the field order of the specification. */
  public TtlvStructure encode() {
    StructureBuilder builder =
        StructureBuilder.of(Tag.KEY_WRAPPING_SPECIFICATION)
            .enumeration(Tag.WRAPPING_METHOD, wrappingMethod)
            .add(encryptionKeyInformation == null ? null : encryptionKeyInformation.encode())
            .add(macSignatureKeyInformation == null ? null : macSignatureKeyInformation.encode());
    for (String name : attributeNames) {
      builder.text(Tag.ATTRIBUTE_NAME, name);
    }
    return builder.enumeration(Tag.ENCODING_OPTION, encodingOption).build();
  }
}
