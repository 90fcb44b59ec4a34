package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeCodec;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.16, 2.1 §6.1.13 Delete Attribute: removes an attribute instance. 1.x names it by
 * Attribute Name and optional Attribute Index and answers with the deleted attribute; 2.x names it
 * by a Current Attribute (its value) or an Attribute Reference (its only or first instance).
 */
public final class DeleteAttribute {
  private DeleteAttribute() {}

  /**
   * Which instance to delete; in 1.x {@code reference} is required, in 2.x one of {@code
   * currentAttribute} and {@code reference}.
   *
   * @param uniqueIdentifier the object, or null for the ID Placeholder
   * @param reference the attribute (1.x Attribute Name, 2.x Attribute Reference), or null
   * @param attributeIndex 1.x only: the instance's index, or null for 0
   * @param currentAttribute 2.x only: the instance by value, or null
   */
  public record Request(
      @Nullable String uniqueIdentifier,
      @Nullable AttributeReference reference,
      @Nullable Integer attributeIndex,
      @Nullable Attribute currentAttribute) {

    /** Decodes a request payload in the form of {@code version}. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "DeleteAttribute");
      String id = fields.text(Tag.UNIQUE_IDENTIFIER);
      Request request;
      if (Payloads.isV2(version)) {
        Attribute current = Payloads.wrappedAttribute(fields, Tag.CURRENT_ATTRIBUTE);
        Ttlv reference = fields.optionalAny(Tag.ATTRIBUTE_REFERENCE);
        if (current == null && reference == null) {
          throw fields.invalid(
              "CurrentAttribute or AttributeReference: missing (expected: one of them)");
        }
        request =
            new Request(
                id,
                reference == null ? null : AttributeCodec.decodeReference(reference),
                null,
                current);
      } else {
        String name = fields.requiredText(Tag.ATTRIBUTE_NAME);
        Integer index = fields.integer(Tag.ATTRIBUTE_INDEX);
        if (index != null && index < 0) {
          throw fields.invalid("AttributeIndex: negative (expected: 0 or more)");
        }
        request = new Request(id, AttributeReference.fromName(name), index, null);
      }
      fields.finish();
      return request;
    }

    /** Encodes the request payload in the form of {@code version}. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder =
          Payloads.payload(true).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
      if (Payloads.isV2(version)) {
        Payloads.addAttribute(builder, currentAttribute, Tag.CURRENT_ATTRIBUTE, version);
        if (reference != null) {
          builder.add(AttributeCodec.encodeReference(reference));
        }
        return builder.build();
      }
      if (reference == null) {
        throw new IllegalArgumentException("reference: null (expected: an attribute in 1.x)");
      }
      Payloads.addReference(builder, reference, version);
      return builder.integer(Tag.ATTRIBUTE_INDEX, attributeIndex).build();
    }
  }

  /**
   * The object changed.
   *
   * @param uniqueIdentifier the object
   * @param attribute 1.x only: the attribute deleted; null in 2.x
   */
  public record Response(String uniqueIdentifier, @Nullable Attribute attribute) {

    /** Decodes a response payload in the form of {@code version}. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Payloads.AttributeResult result =
          Payloads.attributeResult(payload, "DeleteAttribute", version);
      return new Response(result.uniqueIdentifier(), result.attribute());
    }

    /** Encodes the response payload; the attribute only in 1.x. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.attributeResult(uniqueIdentifier, attribute, version);
    }
  }
}
