package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.15, 2.1 §6.1.34 Modify Attribute: changes the value of an attribute instance. 1.x
 * names the instance by its Attribute Index; 2.x by an optional Current Attribute.
 */
public final class ModifyAttribute {
  private ModifyAttribute() {}

  /**
   * The change.
   *
   * @param uniqueIdentifier the object, or null for the ID Placeholder
   * @param currentAttribute 2.x only: the instance to change, or null for the only one
   * @param newAttribute the new value (in 1.x, with the index of the instance to change)
   */
  public record Request(
      @Nullable String uniqueIdentifier,
      @Nullable Attribute currentAttribute,
      Attribute newAttribute) {

    /** Decodes a request payload in the form of {@code version}. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "ModifyAttribute");
      Request request =
          new Request(
              fields.text(Tag.UNIQUE_IDENTIFIER),
              Payloads.isV2(version)
                  ? Payloads.wrappedAttribute(fields, Tag.CURRENT_ATTRIBUTE)
                  : null,
              Payloads.attribute(fields, Tag.NEW_ATTRIBUTE, version));
      fields.finish();
      return request;
    }

    /** Encodes the request payload in the form of {@code version}. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder =
          Payloads.payload(true).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
      if (Payloads.isV2(version)) {
        Payloads.addAttribute(builder, currentAttribute, Tag.CURRENT_ATTRIBUTE, version);
      }
      Payloads.addAttribute(builder, newAttribute, Tag.NEW_ATTRIBUTE, version);
      return builder.build();
    }
  }

  /**
   * The object changed.
   *
   * @param uniqueIdentifier the object
   * @param attribute 1.x only: the attribute as modified; null in 2.x
   */
  public record Response(String uniqueIdentifier, @Nullable Attribute attribute) {

    /** Decodes a response payload in the form of {@code version}. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Payloads.AttributeResult result =
          Payloads.attributeResult(payload, "ModifyAttribute", version);
      return new Response(result.uniqueIdentifier(), result.attribute());
    }

    /** Encodes the response payload; the attribute only in 1.x. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.attributeResult(uniqueIdentifier, attribute, version);
    }
  }
}
