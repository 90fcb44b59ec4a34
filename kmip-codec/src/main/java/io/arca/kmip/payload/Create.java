package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.AttributeGroup;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.1, 2.1 §6.1.8 Create: the server generates a new object (a symmetric key or secret
 * data) with the given attributes.
 */
public final class Create {
  private Create() {}

  /**
   * What to create.
   *
   * @param objectType the Object Type enumeration value
   * @param attributes from the 1.x Template-Attribute or the 2.x Attributes
   * @param protectionStorageMasks the 2.x Protection Storage Mask values; empty when absent
   */
  public record Request(
      int objectType, Attributes attributes, List<Integer> protectionStorageMasks) {
    public Request {
      protectionStorageMasks = List.copyOf(protectionStorageMasks);
    }

    /** A request with no protection storage masks. */
    public static Request of(int objectType, Attributes attributes) {
      return new Request(objectType, attributes, List.of());
    }

    /** Decodes a request payload in the form of {@code version}. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Create");
      Request request =
          new Request(
              fields.requiredEnumeration(Tag.OBJECT_TYPE),
              Payloads.requiredAttributes(fields, AttributeGroup.ATTRIBUTES, version),
              Payloads.masks(fields, Tag.PROTECTION_STORAGE_MASKS, version));
      fields.finish();
      return request;
    }

    /** Encodes the request payload in the form of {@code version}. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder = Payloads.payload(true).enumeration(Tag.OBJECT_TYPE, objectType);
      Payloads.addAttributes(builder, attributes, AttributeGroup.ATTRIBUTES, version);
      Payloads.addMasks(builder, Tag.PROTECTION_STORAGE_MASKS, protectionStorageMasks, version);
      return builder.build();
    }
  }

  /**
   * What was created.
   *
   * @param objectType the Object Type enumeration value
   * @param uniqueIdentifier the new object
   * @param attributes 1.x only: attributes the server set implicitly, or null
   */
  public record Response(int objectType, String uniqueIdentifier, @Nullable Attributes attributes) {

    /** A response with no implicitly set attributes. */
    public static Response of(int objectType, String uniqueIdentifier) {
      return new Response(objectType, uniqueIdentifier, null);
    }

    /** Decodes a response payload in the form of {@code version}. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Create");
      Response response =
          new Response(
              fields.requiredEnumeration(Tag.OBJECT_TYPE),
              fields.requiredText(Tag.UNIQUE_IDENTIFIER),
              Payloads.isV2(version)
                  ? null
                  : Payloads.attributes(fields, AttributeGroup.ATTRIBUTES, version));
      fields.finish();
      return response;
    }

    /** Encodes the response payload; the attributes only in 1.x. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder =
          Payloads.payload(false)
              .enumeration(Tag.OBJECT_TYPE, objectType)
              .text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
      if (!Payloads.isV2(version)) {
        Payloads.addAttributes(builder, attributes, AttributeGroup.ATTRIBUTES, version);
      }
      return builder.build();
    }
  }
}
