package io.arca.kmip.object;

import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §2.1.5, 2.1 §3.3 (in Key Wrapping Data) MAC/Signature Key Information: the key that MACs
 * or signs a wrapped key, and how.
 */
public record MACSignatureKeyInformation(
    String uniqueIdentifier, @Nullable CryptographicParameters cryptographicParameters) {

  /** Decodes an Encryption Key Information structure. */
  public static MACSignatureKeyInformation decode(TtlvStructure structure) {
    Fields fields = Fields.of(structure, "MACSignatureKeyInformation");
    String id = fields.requiredText(Tag.UNIQUE_IDENTIFIER);
    TtlvStructure parameters = fields.structure(Tag.CRYPTOGRAPHIC_PARAMETERS);
    fields.finish();
    return new MACSignatureKeyInformation(
        id, parameters == null ? null : CryptographicParameters.decode(parameters));
  }

  /** Encodes the structure. */
  public TtlvStructure encode() {
    return StructureBuilder.of(Tag.MAC_SIGNATURE_KEY_INFORMATION)
        .text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
        .add(cryptographicParameters == null ? null : cryptographicParameters.encode())
        .build();
  }
}
