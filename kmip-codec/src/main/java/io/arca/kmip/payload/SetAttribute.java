package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 2.1 §6.1.51 Set Attribute (2.x only): sets a single-instance attribute, adding it or
 * replacing its value.
 */
public final class SetAttribute {
  private SetAttribute() {}

  /**
   * The attribute to set.
   *
   * @param uniqueIdentifier the object, or null for the ID Placeholder
   * @param newAttribute the value
   */
  public record Request(@Nullable String uniqueIdentifier, Attribute newAttribute) {

    /** Decodes a request payload (the 2.x form, whatever {@code version} says). */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "SetAttribute");
      Request request =
          new Request(
              fields.text(Tag.UNIQUE_IDENTIFIER),
              Payloads.attribute(fields, Tag.NEW_ATTRIBUTE, ProtocolVersion.V2_0));
      fields.finish();
      return request;
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder =
          Payloads.payload(true).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
      Payloads.addAttribute(builder, newAttribute, Tag.NEW_ATTRIBUTE, ProtocolVersion.V2_0);
      return builder.build();
    }
  }

  /**
   * The object changed.
   *
   * @param uniqueIdentifier the object
   */
  public record Response(String uniqueIdentifier) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      return new Response(Payloads.requiredIdOnly(payload, "SetAttribute"));
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.idPayload(false, uniqueIdentifier);
    }
  }
}
