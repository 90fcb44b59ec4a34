package io.arca.kmip.object;

import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeCodec;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §2.2.6 Template: a named set of attributes a 1.x client registers to refer to later.
 * Deprecated in 1.3 and removed in 2.0; it is decoded so that a handler can refuse it precisely.
 */
public record Template(Attributes attributes) implements ManagedObject {

  /** Decodes a Template structure (1.x). */
  public static Template decode(TtlvStructure structure) {
    Fields fields = Fields.of(structure, "Template");
    List<Attribute> items = new ArrayList<>();
    for (TtlvStructure attribute : fields.repeated(Tag.ATTRIBUTE, TtlvStructure.class)) {
      items.add(AttributeCodec.decodeAttribute(attribute));
    }
    fields.finish();
    return new Template(new Attributes(items, List.of()));
  }

  @Override
  public int objectType() {
    return ObjectType.TEMPLATE.value();
  }

  @Override
  public @Nullable KeyBlock keyBlock() {
    return null;
  }

  /** Encodes the template; it exists in 1.x only. */
  @Override
  public TtlvStructure encode(ProtocolVersion version) {
    if (version.isAtLeast(ProtocolVersion.V2_0)) {
      throw new IllegalArgumentException("Template: not defined in protocol " + version);
    }
    StructureBuilder builder = StructureBuilder.of(Tag.TEMPLATE);
    for (Attribute attribute : attributes.items()) {
      builder.add(AttributeCodec.encodeAttribute(attribute));
    }
    return builder.build();
  }
}
