package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.AttributeCodec;
import io.arca.kmip.attribute.AttributeGroup;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.ArrayList;
import java.util.List;

/**
 * KMIP 2.0 §7.21, 2.1 §7.22 Object Defaults: the values new objects of some types (and, from 2.1,
 * some Object Groups) get for the attributes their client left out. One type is written as an
 * Object Type, several as an Object Types structure (2.1).
 *
 * @param objectTypes the Object Type values, at least one
 * @param attributes the default values
 * @param objectGroups the Object Group values it is for (none: every group)
 */
public record ObjectDefaults(
    List<Integer> objectTypes, Attributes attributes, List<String> objectGroups) {
  public ObjectDefaults {
    objectTypes = List.copyOf(objectTypes);
    objectGroups = List.copyOf(objectGroups);
  }

  /** Decodes one Object Defaults structure in the form of {@code version}. */
  public static ObjectDefaults decode(TtlvStructure structure, ProtocolVersion version) {
    Fields fields = Fields.of(structure, "ObjectDefaults");
    TtlvEnumeration one = fields.optional(Tag.OBJECT_TYPE, TtlvEnumeration.class);
    List<Integer> types = new ArrayList<>(ObjectScope.types(fields));
    if (one != null) {
      types.add(0, one.value());
    }
    if (types.isEmpty()) {
      throw fields.invalid("ObjectType: missing (expected: an Object Type or Object Types)");
    }
    Attributes attributes =
        AttributeCodec.decode(fields.required(Tag.ATTRIBUTES, TtlvStructure.class), version);
    List<String> groups = ObjectScope.groups(fields);
    fields.finish();
    return new ObjectDefaults(types, attributes, groups);
  }

  /** Encodes this Object Defaults structure in the form of {@code version}. */
  public TtlvStructure encode(ProtocolVersion version) {
    StructureBuilder builder = StructureBuilder.of(Tag.OBJECT_DEFAULTS);
    if (objectTypes.size() == 1) {
      builder.enumeration(Tag.OBJECT_TYPE, objectTypes.get(0));
    } else {
      ObjectScope.addTypes(builder, objectTypes);
    }
    builder.add(AttributeCodec.encode(attributes, AttributeGroup.ATTRIBUTES, version));
    ObjectScope.addGroups(builder, objectGroups);
    return builder.build();
  }

  /** Decodes a Defaults Information structure. */
  public static List<ObjectDefaults> decodeAll(TtlvStructure information, ProtocolVersion version) {
    Fields fields = Fields.of(information, "DefaultsInformation");
    List<ObjectDefaults> all = new ArrayList<>();
    for (TtlvStructure item : fields.repeated(Tag.OBJECT_DEFAULTS, TtlvStructure.class)) {
      all.add(decode(item, version));
    }
    fields.finish();
    return all;
  }

  /** Encodes {@code defaults} as a Defaults Information structure. */
  public static TtlvStructure encodeAll(List<ObjectDefaults> defaults, ProtocolVersion version) {
    StructureBuilder builder = StructureBuilder.of(Tag.DEFAULTS_INFORMATION);
    defaults.forEach(item -> builder.add(item.encode(version)));
    return builder.build();
  }
}
