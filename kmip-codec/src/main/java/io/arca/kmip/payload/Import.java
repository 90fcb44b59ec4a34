package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.41, 2.1 §6.1.25 Import: stores an object exported elsewhere under its own identifier,
 * with every attribute as given. Object Type is a field from 2.0 on; in 1.4 it is the object's.
 */
public final class Import {
  private Import() {}

  /**
   * What to import.
   *
   * @param uniqueIdentifier the identifier to store the object under
   * @param objectType the Object Type enumeration value; it matches the object's kind
   * @param replaceExisting whether an existing object with this identifier is replaced, or null
   * @param keyWrapType Not Wrapped to have the server unwrap the key first, or null
   * @param attributes every attribute of the object
   * @param object the managed object
   */
  public record Request(
      String uniqueIdentifier,
      int objectType,
      @Nullable Boolean replaceExisting,
      @Nullable Integer keyWrapType,
      Attributes attributes,
      ManagedObject object) {

    /** Decodes a request payload in the form of {@code version}. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Import");
      String id = fields.requiredText(Tag.UNIQUE_IDENTIFIER);
      Integer objectType =
          Payloads.isV2(version) ? fields.requiredEnumeration(Tag.OBJECT_TYPE) : null;
      Boolean replace = fields.bool(Tag.REPLACE_EXISTING);
      Integer wrapType = fields.enumeration(Tag.KEY_WRAP_TYPE);
      Attributes attributes = AttributeLists.attributes(fields, version);
      TtlvStructure structure = Payloads.object(fields, payload);
      fields.finish();
      ManagedObject object =
          objectType == null
              ? ManagedObject.decode(structure, version)
              : ManagedObject.decode(objectType, structure, version);
      return new Request(id, object.objectType(), replace, wrapType, attributes, object);
    }

    /** Encodes the request payload in the form of {@code version}. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder =
          Payloads.payload(true).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
      if (Payloads.isV2(version)) {
        builder.enumeration(Tag.OBJECT_TYPE, objectType);
      }
      builder
          .bool(Tag.REPLACE_EXISTING, replaceExisting)
          .enumeration(Tag.KEY_WRAP_TYPE, keyWrapType);
      AttributeLists.addAttributes(builder, attributes, version);
      return builder.add(object.encode(version)).build();
    }
  }

  /**
   * The object imported.
   *
   * @param uniqueIdentifier the object
   */
  public record Response(String uniqueIdentifier) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      return new Response(Payloads.requiredIdOnly(payload, "Import"));
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.idPayload(false, uniqueIdentifier);
    }
  }
}
