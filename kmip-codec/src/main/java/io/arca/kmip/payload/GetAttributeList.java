package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.13, 2.1 §6.1.21 Get Attribute List: which attributes an object has, as 1.x Attribute
 * Names or 2.x Attribute References.
 */
public final class GetAttributeList {
  private GetAttributeList() {}

  /**
   * The object.
   *
   * @param uniqueIdentifier the object, or null for the ID Placeholder
   */
  public record Request(@Nullable String uniqueIdentifier) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      return new Request(Payloads.idOnly(payload, "GetAttributeList"));
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.idPayload(true, uniqueIdentifier);
    }
  }

  /**
   * The attributes the object has.
   *
   * @param uniqueIdentifier the object
   * @param references one per attribute, in the server's order
   */
  public record Response(String uniqueIdentifier, List<AttributeReference> references) {
    public Response {
      references = List.copyOf(references);
    }

    /** Decodes a response payload in the form of {@code version}. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "GetAttributeList");
      Response response =
          new Response(
              fields.requiredText(Tag.UNIQUE_IDENTIFIER), Payloads.references(fields, version));
      fields.finish();
      return response;
    }

    /**
     * Encodes the response payload in the form of {@code version}; a reference 1.x cannot name is
     * an IllegalArgumentException, so a 1.x answer must leave such attributes out first.
     */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder =
          Payloads.payload(false).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
      for (AttributeReference reference : references) {
        Payloads.addReference(builder, reference, version);
      }
      return builder.build();
    }
  }
}
