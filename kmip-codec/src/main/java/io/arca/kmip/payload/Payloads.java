package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.TagNames;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeCodec;
import io.arca.kmip.attribute.AttributeGroup;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.ProtocolVersionStructures;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Small helpers the payload classes share: strict field checks, the Protocol Version structure, the
 * 1.x and 2.x attribute containers, and the payloads that hold a Unique Identifier only.
 */
final class Payloads {
  private Payloads() {}

  /** Refuses any field of {@code payload} whose tag is not one of {@code allowed}. */
  static void onlyFields(TtlvStructure payload, String name, Tag... allowed) {
    for (Ttlv item : payload.items()) {
      boolean known = false;
      for (Tag tag : allowed) {
        known |= tag.code() == item.tag();
      }
      if (!known) {
        throw invalid(name + ": unexpected field " + TagNames.of(item.tag()));
      }
    }
  }

  /** The items with this tag, each of which must be of {@code type}. */
  static <T extends Ttlv> List<T> all(TtlvStructure payload, Tag tag, Class<T> type) {
    List<Ttlv> items = payload.all(tag.code());
    for (Ttlv item : items) {
      if (!type.isInstance(item)) {
        throw invalid(tag.xmlName() + ": wrong item type " + item.type().xmlName());
      }
    }
    @SuppressWarnings("unchecked") // every item was checked to be a T just above
    List<T> checked = (List<T>) items;
    return Collections.unmodifiableList(checked);
  }

  /** The single item with this tag, which must be present and of {@code type}. */
  static <T extends Ttlv> T required(TtlvStructure payload, Tag tag, Class<T> type) {
    List<T> found = all(payload, tag, type);
    if (found.size() != 1) {
      throw invalid(
          tag.xmlName() + (found.isEmpty() ? ": missing" : ": repeated") + " (expected: one)");
    }
    return found.get(0);
  }

  static ProtocolVersion protocolVersion(TtlvStructure structure) {
    onlyFields(
        structure, "ProtocolVersion", Tag.PROTOCOL_VERSION_MAJOR, Tag.PROTOCOL_VERSION_MINOR);
    return new ProtocolVersion(
        required(structure, Tag.PROTOCOL_VERSION_MAJOR, TtlvInteger.class).value(),
        required(structure, Tag.PROTOCOL_VERSION_MINOR, TtlvInteger.class).value());
  }

  static TtlvStructure protocolVersion(ProtocolVersion version) {
    return ProtocolVersionStructures.of(version);
  }

  static TtlvException invalid(String message) {
    return new TtlvException(ResultReason.INVALID_FIELD, message);
  }

  static boolean isV2(ProtocolVersion version) {
    return version.isAtLeast(ProtocolVersion.V2_0);
  }

  /** A request payload (when {@code request}) or a response payload builder. */
  static StructureBuilder payload(boolean request) {
    return StructureBuilder.of(request ? Tag.REQUEST_PAYLOAD : Tag.RESPONSE_PAYLOAD);
  }

  /**
   * The {@code group}'s attribute container in the family of {@code version} (Template-Attribute
   * before 2.0, Attributes from 2.0), or null when absent. The other family's container is left
   * untaken, so {@link Fields#finish()} refuses it.
   */
  static @Nullable Attributes attributes(
      Fields fields, AttributeGroup group, ProtocolVersion version) {
    int tag = isV2(version) ? group.attributesTag() : group.templateTag();
    TtlvStructure container =
        fields.optional(Objects.requireNonNull(Tag.byCode(tag)), TtlvStructure.class);
    return container == null ? null : AttributeCodec.decode(container, version);
  }

  /** Like {@link #attributes}, but the container must be present. */
  static Attributes requiredAttributes(
      Fields fields, AttributeGroup group, ProtocolVersion version) {
    Attributes attributes = attributes(fields, group, version);
    if (attributes == null) {
      int tag = isV2(version) ? group.attributesTag() : group.templateTag();
      throw fields.invalid(TagNames.of(tag) + ": missing (expected: present)");
    }
    return attributes;
  }

  /** Adds the {@code group}'s container in the form of {@code version}, unless null. */
  static void addAttributes(
      StructureBuilder builder,
      @Nullable Attributes attributes,
      AttributeGroup group,
      ProtocolVersion version) {
    if (attributes != null) {
      builder.add(AttributeCodec.encode(attributes, group, version));
    }
  }

  /** The 1.x Attribute structures that stand directly in a payload (Locate, Get Attributes). */
  static List<Attribute> bareAttributes(Fields fields) {
    List<Attribute> found = new ArrayList<>();
    for (TtlvStructure attribute : fields.repeated(Tag.ATTRIBUTE, TtlvStructure.class)) {
      found.add(AttributeCodec.decodeAttribute(attribute));
    }
    return found;
  }

  /** A single 1.x Attribute structure, or null. */
  static @Nullable Attribute bareAttribute(Fields fields) {
    TtlvStructure attribute = fields.structure(Tag.ATTRIBUTE);
    return attribute == null ? null : AttributeCodec.decodeAttribute(attribute);
  }

  /** A 2.x New Attribute or Current Attribute structure, or null. */
  static @Nullable Attribute wrappedAttribute(Fields fields, Tag wrapper) {
    TtlvStructure attribute = fields.structure(wrapper);
    return attribute == null ? null : AttributeCodec.decodeWrapped(attribute);
  }

  /**
   * Attribute references in the family of {@code version}: 1.x Attribute Name strings, 2.x
   * Attribute Reference items.
   */
  static List<AttributeReference> references(Fields fields, ProtocolVersion version) {
    List<AttributeReference> references = new ArrayList<>();
    if (isV2(version)) {
      for (Ttlv reference : fields.repeated(Tag.ATTRIBUTE_REFERENCE, Ttlv.class)) {
        references.add(AttributeCodec.decodeReference(reference));
      }
    } else {
      for (TtlvTextString name : fields.repeated(Tag.ATTRIBUTE_NAME, TtlvTextString.class)) {
        references.add(AttributeReference.fromName(name.value()));
      }
    }
    return references;
  }

  /** Adds a reference as a 1.x Attribute Name or a 2.x Attribute Reference. */
  static void addReference(
      StructureBuilder builder, AttributeReference reference, ProtocolVersion version) {
    if (isV2(version)) {
      builder.add(AttributeCodec.encodeReference(reference));
      return;
    }
    String name = reference.name();
    if (name == null) {
      throw new IllegalArgumentException("attribute has no 1.x name: " + reference);
    }
    builder.text(Tag.ATTRIBUTE_NAME, name);
  }

  /**
   * A 2.x Protection Storage Masks structure (or a variant) as its mask values; empty if absent.
   */
  static List<Integer> masks(Fields fields, Tag container, ProtocolVersion version) {
    if (!isV2(version)) {
      return List.of();
    }
    TtlvStructure structure = fields.structure(container);
    if (structure == null) {
      return List.of();
    }
    Fields masks = Fields.of(structure, container.xmlName());
    List<Integer> values = new ArrayList<>();
    for (TtlvInteger mask : masks.repeated(Tag.PROTECTION_STORAGE_MASK, TtlvInteger.class)) {
      values.add(mask.value());
    }
    masks.finish();
    return values;
  }

  /** Adds the masks structure in 2.x when there are masks. */
  static void addMasks(
      StructureBuilder builder, Tag container, List<Integer> masks, ProtocolVersion version) {
    if (masks.isEmpty() || !isV2(version)) {
      return;
    }
    StructureBuilder structure = StructureBuilder.of(container);
    for (int mask : masks) {
      structure.integer(Tag.PROTECTION_STORAGE_MASK, mask);
    }
    builder.add(structure.build());
  }

  /** The optional Unique Identifier of a payload that holds nothing else. */
  static @Nullable String idOnly(TtlvStructure payload, String name) {
    Fields fields = Fields.of(payload, name);
    String id = fields.text(Tag.UNIQUE_IDENTIFIER);
    fields.finish();
    return id;
  }

  /** The required Unique Identifier of a payload that holds nothing else. */
  static String requiredIdOnly(TtlvStructure payload, String name) {
    Fields fields = Fields.of(payload, name);
    String id = fields.requiredText(Tag.UNIQUE_IDENTIFIER);
    fields.finish();
    return id;
  }

  /** A payload holding at most a Unique Identifier. */
  static TtlvStructure idPayload(boolean request, @Nullable String uniqueIdentifier) {
    return payload(request).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier).build();
  }

  /**
   * The one managed object structure of a payload (Register, Get, Export, Import), found by its
   * tag; missing or repeated is Invalid Field.
   */
  static TtlvStructure object(Fields fields, TtlvStructure payload) {
    TtlvStructure found = null;
    for (Ttlv item : payload.items()) {
      if (ManagedObject.isObjectTag(item.tag())) {
        if (found != null) {
          throw fields.invalid("managed object: repeated (expected: one)");
        }
        Tag tag = Objects.requireNonNull(Tag.byCode(item.tag()));
        found = fields.required(tag, TtlvStructure.class);
      }
    }
    if (found == null) {
      throw fields.invalid("managed object: missing (expected: one)");
    }
    return found;
  }

  /** The attribute of a 1.x Attribute or a 2.x {@code wrapper} (New Attribute) field, required. */
  static Attribute attribute(Fields fields, Tag wrapper, ProtocolVersion version) {
    Attribute attribute = isV2(version) ? wrappedAttribute(fields, wrapper) : bareAttribute(fields);
    if (attribute == null) {
      throw fields.invalid(
          (isV2(version) ? wrapper.xmlName() : "Attribute") + ": missing (expected: present)");
    }
    return attribute;
  }

  /** Adds an attribute as a 1.x Attribute or a 2.x {@code wrapper} structure, unless null. */
  static void addAttribute(
      StructureBuilder builder,
      @Nullable Attribute attribute,
      Tag wrapper,
      ProtocolVersion version) {
    if (attribute == null) {
      return;
    }
    builder.add(
        isV2(version)
            ? AttributeCodec.encodeWrapped(attribute, wrapper == Tag.NEW_ATTRIBUTE)
            : AttributeCodec.encodeAttribute(attribute));
  }

  /**
   * The response of Add, Modify and Delete Attribute: the Unique Identifier, and in 1.x the
   * Attribute acted on.
   */
  static AttributeResult attributeResult(
      TtlvStructure payload, String name, ProtocolVersion version) {
    Fields fields = Fields.of(payload, name);
    String id = fields.requiredText(Tag.UNIQUE_IDENTIFIER);
    Attribute attribute = isV2(version) ? null : attribute(fields, Tag.ATTRIBUTE, version);
    fields.finish();
    return new AttributeResult(id, attribute);
  }

  static TtlvStructure attributeResult(
      String uniqueIdentifier, @Nullable Attribute attribute, ProtocolVersion version) {
    StructureBuilder builder = payload(false).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
    if (!isV2(version)) {
      addAttribute(builder, attribute, Tag.ATTRIBUTE, version);
    }
    return builder.build();
  }

  /** The decoded fields of an attribute operation's response. */
  record AttributeResult(String uniqueIdentifier, @Nullable Attribute attribute) {}
}
