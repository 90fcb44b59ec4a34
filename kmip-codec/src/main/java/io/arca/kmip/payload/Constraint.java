package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.AttributeCodec;
import io.arca.kmip.attribute.AttributeGroup;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.ArrayList;
import java.util.List;

/**
 * KMIP 2.1 §7.6 Constraint: the values the attributes of some new objects may take. Each list is
 * empty when its structure is absent.
 *
 * @param objectTypes the Object Type values it binds (none: every type)
 * @param objectGroups the Object Group values it binds (none: every group)
 * @param attributes the values allowed, each attribute's instances its allowed values
 */
public record Constraint(
    List<Integer> objectTypes, List<String> objectGroups, Attributes attributes) {
  public Constraint {
    objectTypes = List.copyOf(objectTypes);
    objectGroups = List.copyOf(objectGroups);
  }

  /** Decodes one Constraint structure. */
  public static Constraint decode(TtlvStructure constraint) {
    Fields fields = Fields.of(constraint, "Constraint");
    List<Integer> types = ObjectScope.types(fields);
    List<String> groups = ObjectScope.groups(fields);
    TtlvStructure attributes = fields.optional(Tag.ATTRIBUTES, TtlvStructure.class);
    fields.finish();
    return new Constraint(
        types,
        groups,
        attributes == null
            ? Attributes.EMPTY
            : AttributeCodec.decode(attributes, ProtocolVersion.V2_1));
  }

  /** Encodes this Constraint structure. */
  public TtlvStructure encode() {
    StructureBuilder builder = StructureBuilder.of(Tag.CONSTRAINT);
    ObjectScope.addTypes(builder, objectTypes);
    ObjectScope.addGroups(builder, objectGroups);
    if (!attributes.isEmpty()) {
      builder.add(
          AttributeCodec.encode(attributes, AttributeGroup.ATTRIBUTES, ProtocolVersion.V2_1));
    }
    return builder.build();
  }

  /** Decodes a KMIP 2.1 §7.7 Constraints structure. */
  public static List<Constraint> decodeAll(TtlvStructure constraints) {
    Fields fields = Fields.of(constraints, "Constraints");
    List<Constraint> all = new ArrayList<>();
    for (TtlvStructure constraint : fields.repeated(Tag.CONSTRAINT, TtlvStructure.class)) {
      all.add(decode(constraint));
    }
    fields.finish();
    return all;
  }

  /** Encodes {@code constraints} as a Constraints structure. */
  public static TtlvStructure encodeAll(List<Constraint> constraints) {
    StructureBuilder builder = StructureBuilder.of(Tag.CONSTRAINTS);
    constraints.forEach(constraint -> builder.add(constraint.encode()));
    return builder.build();
  }
}
