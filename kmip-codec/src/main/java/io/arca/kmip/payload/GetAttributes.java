package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeCodec;
import io.arca.kmip.attribute.AttributeGroup;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.12, 2.1 §6.1.20 Get Attributes: returns some or all attributes of an object. 1.x asks
 * by Attribute Name and answers with Attribute structures; 2.x asks by Attribute Reference and
 * answers with one Attributes structure. Both map to the one attribute model.
 */
public final class GetAttributes {
  private GetAttributes() {}

  /**
   * Which attributes of which object.
   *
   * @param uniqueIdentifier the object, or null for the ID Placeholder
   * @param references the attributes wanted; empty means all
   */
  public record Request(@Nullable String uniqueIdentifier, List<AttributeReference> references) {
    public Request {
      references = List.copyOf(references);
    }

    /** Decodes a request payload in the form of {@code version}. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "GetAttributes");
      Request request =
          new Request(fields.text(Tag.UNIQUE_IDENTIFIER), Payloads.references(fields, version));
      fields.finish();
      return request;
    }

    /**
     * Encodes the request payload in the form of {@code version}; a reference 1.x cannot name is an
     * IllegalArgumentException.
     */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder =
          Payloads.payload(true).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
      for (AttributeReference reference : references) {
        Payloads.addReference(builder, reference, version);
      }
      return builder.build();
    }
  }

  /**
   * The attributes found.
   *
   * @param uniqueIdentifier the object
   * @param attributes the attributes, in the server's order
   * @param indexed 1.x: every Attribute carries its Attribute Index, 0 included. KMIP 1.x makes an
   *     absent index 0 (1.4 §2.1.1), so both forms say the same; clients such as PyKMIP read the
   *     index of each Name they get back, and a server answers with it. Decoded as true when the
   *     payload writes an index 0.
   */
  public record Response(String uniqueIdentifier, Attributes attributes, boolean indexed) {

    /** A response whose 1.x form leaves index 0 out. */
    public Response(String uniqueIdentifier, Attributes attributes) {
      this(uniqueIdentifier, attributes, false);
    }

    /** Decodes a response payload in the form of {@code version}. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "GetAttributes");
      String id = fields.requiredText(Tag.UNIQUE_IDENTIFIER);
      Attributes attributes =
          Payloads.isV2(version)
              ? Payloads.requiredAttributes(fields, AttributeGroup.ATTRIBUTES, version)
              : new Attributes(Payloads.bareAttributes(fields), List.of());
      fields.finish();
      boolean indexed = false;
      for (Ttlv item : payload.items()) {
        indexed |=
            item instanceof TtlvStructure attribute
                && item.tag() == Tag.ATTRIBUTE.code()
                && attribute.first(Tag.ATTRIBUTE_INDEX.code()) instanceof TtlvInteger index
                && index.value() == 0;
      }
      return new Response(id, attributes, indexed);
    }

    /** Encodes the response payload in the form of {@code version}. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder =
          Payloads.payload(false).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
      if (Payloads.isV2(version) || !indexed) {
        AttributeLists.addAttributes(builder, attributes, version);
      } else {
        for (Attribute attribute : attributes.items()) {
          builder.add(AttributeCodec.encodeIndexedAttribute(attribute));
        }
      }
      return builder.build();
    }
  }
}
