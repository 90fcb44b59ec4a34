package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.AttributeGroup;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.3, 2.1 §6.1.43 Register: the client hands the server an object it made (a key, a
 * certificate, secret data, opaque data) with the attributes to keep.
 */
public final class Register {
  private Register() {}

  /**
   * What to register.
   *
   * @param objectType the Object Type enumeration value; it matches the object's kind
   * @param attributes from the 1.x Template-Attribute or the 2.x Attributes
   * @param object the managed object
   * @param protectionStorageMasks the 2.x Protection Storage Mask values; empty when absent
   */
  public record Request(
      int objectType,
      Attributes attributes,
      ManagedObject object,
      List<Integer> protectionStorageMasks) {
    public Request {
      protectionStorageMasks = List.copyOf(protectionStorageMasks);
    }

    /** A request for this object, with no protection storage masks. */
    public static Request of(ManagedObject object, Attributes attributes) {
      return new Request(object.objectType(), attributes, object, List.of());
    }

    /** Decodes a request payload in the form of {@code version}. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Register");
      int objectType = fields.requiredEnumeration(Tag.OBJECT_TYPE);
      Attributes attributes =
          Payloads.requiredAttributes(fields, AttributeGroup.ATTRIBUTES, version);
      TtlvStructure object = Payloads.object(fields, payload);
      List<Integer> masks = Payloads.masks(fields, Tag.PROTECTION_STORAGE_MASKS, version);
      fields.finish();
      return new Request(
          objectType, attributes, ManagedObject.decode(objectType, object, version), masks);
    }

    /** Encodes the request payload in the form of {@code version}. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder = Payloads.payload(true).enumeration(Tag.OBJECT_TYPE, objectType);
      Payloads.addAttributes(builder, attributes, AttributeGroup.ATTRIBUTES, version);
      builder.add(object.encode(version));
      Payloads.addMasks(builder, Tag.PROTECTION_STORAGE_MASKS, protectionStorageMasks, version);
      return builder.build();
    }
  }

  /**
   * The object registered.
   *
   * @param uniqueIdentifier the new object
   * @param attributes 1.x only: attributes the server set implicitly, or null
   */
  public record Response(String uniqueIdentifier, @Nullable Attributes attributes) {

    /** Decodes a response payload in the form of {@code version}. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Register");
      Response response =
          new Response(
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
          Payloads.payload(false).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
      if (!Payloads.isV2(version)) {
        Payloads.addAttributes(builder, attributes, AttributeGroup.ATTRIBUTES, version);
      }
      return builder.build();
    }
  }
}
