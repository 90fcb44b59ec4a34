package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.14, 2.1 §6.1.2 Add Attribute: adds one attribute instance to an object. 1.x sends an
 * Attribute and answers with it; 2.x sends a New Attribute and answers with the identifier only.
 */
public final class AddAttribute {
  private AddAttribute() {}

  /**
   * The attribute to add.
   *
   * @param uniqueIdentifier the object, or null for the ID Placeholder
   * @param attribute the new instance
   */
  public record Request(@Nullable String uniqueIdentifier, Attribute attribute) {

    /** Decodes a request payload in the form of {@code version}. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "AddAttribute");
      Request request =
          new Request(
              fields.text(Tag.UNIQUE_IDENTIFIER),
              Payloads.attribute(fields, Tag.NEW_ATTRIBUTE, version));
      fields.finish();
      return request;
    }

    /** Encodes the request payload in the form of {@code version}. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder =
          Payloads.payload(true).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
      Payloads.addAttribute(builder, attribute, Tag.NEW_ATTRIBUTE, version);
      return builder.build();
    }
  }

  /**
   * The object changed.
   *
   * @param uniqueIdentifier the object
   * @param attribute 1.x only: the attribute added, with its index; null in 2.x
   */
  public record Response(String uniqueIdentifier, @Nullable Attribute attribute) {

    /** Decodes a response payload in the form of {@code version}. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Payloads.AttributeResult result = Payloads.attributeResult(payload, "AddAttribute", version);
      return new Response(result.uniqueIdentifier(), result.attribute());
    }

    /** Encodes the response payload; the attribute only in 1.x. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.attributeResult(uniqueIdentifier, attribute, version);
    }
  }
}
