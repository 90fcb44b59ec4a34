package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeCodec;
import io.arca.kmip.attribute.AttributeGroup;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import java.util.List;

/**
 * An attribute list that stands directly in a payload in 1.x, as bare Attribute structures (Locate,
 * the Get Attributes response, 1.4 Import and Export), and as one Attributes structure in 2.x.
 */
final class AttributeLists {
  private AttributeLists() {}

  static Attributes attributes(Fields fields, ProtocolVersion version) {
    if (Payloads.isV2(version)) {
      return Payloads.requiredAttributes(fields, AttributeGroup.ATTRIBUTES, version);
    }
    return new Attributes(Payloads.bareAttributes(fields), List.of());
  }

  static void addAttributes(
      StructureBuilder builder, Attributes attributes, ProtocolVersion version) {
    if (Payloads.isV2(version)) {
      builder.add(AttributeCodec.encode(attributes, AttributeGroup.ATTRIBUTES, version));
      return;
    }
    for (Attribute attribute : attributes.items()) {
      builder.add(AttributeCodec.encodeAttribute(attribute));
    }
  }
}
