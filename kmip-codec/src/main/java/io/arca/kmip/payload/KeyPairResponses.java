package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.AttributeGroup;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/** The response shape Create Key Pair and Re-key Key Pair share. */
final class KeyPairResponses {
  private KeyPairResponses() {}

  /** Builds the operation's response record from the decoded fields. */
  interface Factory<R> {
    R create(
        String privateKeyUniqueIdentifier,
        String publicKeyUniqueIdentifier,
        @Nullable Attributes privateKeyAttributes,
        @Nullable Attributes publicKeyAttributes);
  }

  static <R> R decode(
      TtlvStructure payload, String name, ProtocolVersion version, Factory<R> factory) {
    Fields fields = Fields.of(payload, name);
    boolean v1 = !Payloads.isV2(version);
    R response =
        factory.create(
            fields.requiredText(Tag.PRIVATE_KEY_UNIQUE_IDENTIFIER),
            fields.requiredText(Tag.PUBLIC_KEY_UNIQUE_IDENTIFIER),
            v1 ? Payloads.attributes(fields, AttributeGroup.PRIVATE_KEY, version) : null,
            v1 ? Payloads.attributes(fields, AttributeGroup.PUBLIC_KEY, version) : null);
    fields.finish();
    return response;
  }

  static TtlvStructure encode(
      String privateKeyUniqueIdentifier,
      String publicKeyUniqueIdentifier,
      @Nullable Attributes privateKeyAttributes,
      @Nullable Attributes publicKeyAttributes,
      ProtocolVersion version) {
    StructureBuilder builder =
        Payloads.payload(false)
            .text(Tag.PRIVATE_KEY_UNIQUE_IDENTIFIER, privateKeyUniqueIdentifier)
            .text(Tag.PUBLIC_KEY_UNIQUE_IDENTIFIER, publicKeyUniqueIdentifier);
    if (!Payloads.isV2(version)) {
      Payloads.addAttributes(builder, privateKeyAttributes, AttributeGroup.PRIVATE_KEY, version);
      Payloads.addAttributes(builder, publicKeyAttributes, AttributeGroup.PUBLIC_KEY, version);
    }
    return builder.build();
  }
}
