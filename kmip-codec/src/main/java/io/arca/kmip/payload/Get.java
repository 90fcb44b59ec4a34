package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.object.KeyWrappingSpecification;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.11, 2.1 §6.1.19 Get: returns a managed object, in the key format, compression and
 * wrapping asked for.
 */
public final class Get {
  private Get() {}

  /**
   * The object and the form to return it in.
   *
   * @param uniqueIdentifier the object, or null for the ID Placeholder
   * @param keyFormatType the Key Format Type wanted, or null for the server's default
   * @param keyWrapType Key Wrap Type (1.4, 2.x): Not Wrapped or As Registered, or null
   * @param keyCompressionType the Key Compression Type wanted, or null
   * @param keyWrappingSpecification how to wrap the key, or null
   */
  public record Request(
      @Nullable String uniqueIdentifier,
      @Nullable Integer keyFormatType,
      @Nullable Integer keyWrapType,
      @Nullable Integer keyCompressionType,
      @Nullable KeyWrappingSpecification keyWrappingSpecification) {

    /** A request for the object as stored. */
    public static Request of(@Nullable String uniqueIdentifier) {
      return new Request(uniqueIdentifier, null, null, null, null);
    }

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Get");
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
   * The object.
   *
   * @param objectType the Object Type enumeration value; it matches the object's kind
   * @param uniqueIdentifier the object's identifier
   * @param object the managed object
   */
  public record Response(int objectType, String uniqueIdentifier, ManagedObject object) {

    /** A response for this object. */
    public static Response of(String uniqueIdentifier, ManagedObject object) {
      return new Response(object.objectType(), uniqueIdentifier, object);
    }

    /** Decodes a response payload in the form of {@code version}. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Get");
      int objectType = fields.requiredEnumeration(Tag.OBJECT_TYPE);
      String id = fields.requiredText(Tag.UNIQUE_IDENTIFIER);
      TtlvStructure object = Payloads.object(fields, payload);
      fields.finish();
      return new Response(objectType, id, ManagedObject.decode(objectType, object, version));
    }

    /** Encodes the response payload in the form of {@code version}. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false)
          .enumeration(Tag.OBJECT_TYPE, objectType)
          .text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
          .add(object.encode(version))
          .build();
    }
  }
}
