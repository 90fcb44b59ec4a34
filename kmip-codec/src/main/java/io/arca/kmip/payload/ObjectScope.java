package io.arca.kmip.payload;

import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.ArrayList;
import java.util.List;

/**
 * The KMIP 2.1 §7.23 Object Groups and §7.24 Object Types structures that scope a {@link
 * Constraint} or an {@link ObjectDefaults} to some new objects: read and written here once.
 */
final class ObjectScope {
  private ObjectScope() {}

  /** The Object Type values of an Object Types structure, or none when it is absent. */
  static List<Integer> types(Fields fields) {
    TtlvStructure types = fields.optional(Tag.OBJECT_TYPES, TtlvStructure.class);
    if (types == null) {
      return List.of();
    }
    Fields inner = Fields.of(types, "ObjectTypes");
    List<Integer> values = new ArrayList<>();
    for (TtlvEnumeration type : inner.repeated(Tag.OBJECT_TYPE, TtlvEnumeration.class)) {
      values.add(type.value());
    }
    inner.finish();
    return values;
  }

  /** The Object Group values of an Object Groups structure, or none when it is absent. */
  static List<String> groups(Fields fields) {
    TtlvStructure groups = fields.optional(Tag.OBJECT_GROUPS, TtlvStructure.class);
    if (groups == null) {
      return List.of();
    }
    Fields inner = Fields.of(groups, "ObjectGroups");
    List<String> values = new ArrayList<>();
    for (TtlvTextString group : inner.repeated(Tag.OBJECT_GROUP, TtlvTextString.class)) {
      values.add(group.value());
    }
    inner.finish();
    return values;
  }

  /** Adds an Object Types structure, unless {@code types} is empty. */
  static void addTypes(StructureBuilder builder, List<Integer> types) {
    if (!types.isEmpty()) {
      StructureBuilder inner = StructureBuilder.of(Tag.OBJECT_TYPES);
      types.forEach(type -> inner.enumeration(Tag.OBJECT_TYPE, type));
      builder.add(inner.build());
    }
  }

  /** Adds an Object Groups structure, unless {@code groups} is empty. */
  static void addGroups(StructureBuilder builder, List<String> groups) {
    if (!groups.isEmpty()) {
      StructureBuilder inner = StructureBuilder.of(Tag.OBJECT_GROUPS);
      groups.forEach(group -> inner.text(Tag.OBJECT_GROUP, group));
      builder.add(inner.build());
    }
  }
}
