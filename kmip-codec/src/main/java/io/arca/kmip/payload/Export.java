package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.KeyWrappingSpecification;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.40, 2.1 §6.1.18 Export: returns a managed object with all its attributes, so that
 * another server can Import it. The attributes are bare Attribute structures in 1.4, an Attributes
 * structure in 2.x.
 */
public final class Export {
  private Export() {}

  /**
   * The object and the form to return it in, as for Get.
   *
   * @param uniqueIdentifier the object, or null for the ID Placeholder
   * @param keyFormatType the Key Format Type wanted, or null
   * @param keyWrapType Not Wrapped or As Registered, or null
   * @param keyCompressionType the Key Compression Type wanted, or null
   * @param keyWrappingSpecification how to wrap the key, or null
   */
  public record Request(
      @Nullable String uniqueIdentifier,
      @Nullable Integer keyFormatType,
      @Nullable Integer keyWrapType,
      @Nullable Integer keyCompressionType,
      @Nullable KeyWrappingSpecification keyWrappingSpecification) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Export");
      TtlvStructure wrapping = fields.structure(Tag.KEY_WRAPPING_SPECIFICATION);
      Request request =
          new Request(
              fields.text(Tag.UNIQUE_IDENTIFIER),
              fields.enumeration(Tag.KEY_FORMAT_TYPE),
              fields.enumeration(Tag.KEY_WRAP_TYPE),
              fields.enumeration(Tag.KEY_COMPRESSION_TYPE),
              wrapping == null ? null : KeyWrappingSpecification.decode(wrapping));
      fields.finish();
      return request;
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(true)
          .text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
          .enumeration(Tag.KEY_FORMAT_TYPE, keyFormatType)
          .enumeration(Tag.KEY_WRAP_TYPE, keyWrapType)
          .enumeration(Tag.KEY_COMPRESSION_TYPE, keyCompressionType)
          .add(keyWrappingSpecification == null ? null : keyWrappingSpecification.encode())
          .build();
    }
  }

  /**
   * The object with its attributes.
   *
   * @param objectType the Object Type enumeration value; it matches the object's kind
   * @param uniqueIdentifier the object's identifier
   * @param attributes every attribute of the object
   * @param object the managed object
   */
  public record Response(
      int objectType, String uniqueIdentifier, Attributes attributes, ManagedObject object) {

    /** Decodes a response payload in the form of {@code version}. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Export");
      int objectType = fields.requiredEnumeration(Tag.OBJECT_TYPE);
      String id = fields.requiredText(Tag.UNIQUE_IDENTIFIER);
      Attributes attributes = AttributeLists.attributes(fields, version);
      TtlvStructure object = Payloads.object(fields, payload);
      fields.finish();
      return new Response(
          objectType, id, attributes, ManagedObject.decode(objectType, object, version));
    }

    /** Encodes the response payload in the form of {@code version}. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder =
          Payloads.payload(false)
              .enumeration(Tag.OBJECT_TYPE, objectType)
              .text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
      AttributeLists.addAttributes(builder, attributes, version);
      return builder.add(object.encode(version)).build();
    }
  }
}
