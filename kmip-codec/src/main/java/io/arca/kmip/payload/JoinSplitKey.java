package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.AttributeGroup;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.39, 2.1 §6.1.27 Join Split Key (1.2 and later): the server rebuilds a key from at
 * least a threshold of its Split Key parts, as a new object.
 */
public final class JoinSplitKey {
  private JoinSplitKey() {}

  /**
   * What to join.
   *
   * @param objectType the Object Type of the object to form
   * @param uniqueIdentifiers the Split Key parts
   * @param secretDataType the Secret Data Type when Secret Data is formed, or null
   * @param attributes the new object's attributes (empty when absent)
   * @param protectionStorageMasks the 2.x Protection Storage Mask values; empty when absent
   */
  public record Request(
      int objectType,
      List<String> uniqueIdentifiers,
      @Nullable Integer secretDataType,
      Attributes attributes,
      List<Integer> protectionStorageMasks) {
    /** Copies the lists. */
    public Request {
      uniqueIdentifiers = List.copyOf(uniqueIdentifiers);
      protectionStorageMasks = List.copyOf(protectionStorageMasks);
    }

    /** Decodes a request payload in the form of {@code version}. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "JoinSplitKey");
      int objectType = fields.requiredEnumeration(Tag.OBJECT_TYPE);
      List<String> uids = new ArrayList<>();
      for (TtlvTextString uid : fields.repeated(Tag.UNIQUE_IDENTIFIER, TtlvTextString.class)) {
        uids.add(uid.value());
      }
      if (uids.isEmpty()) {
        throw fields.invalid("UniqueIdentifier: missing (expected: the parts to join)");
      }
      Integer secretDataType = fields.enumeration(Tag.SECRET_DATA_TYPE);
      Attributes attributes = Payloads.attributes(fields, AttributeGroup.ATTRIBUTES, version);
      Request request =
          new Request(
              objectType,
              uids,
              secretDataType,
              attributes == null ? Attributes.EMPTY : attributes,
              Payloads.masks(fields, Tag.PROTECTION_STORAGE_MASKS, version));
      fields.finish();
      return request;
    }

    /** Encodes the request payload in the form of {@code version}. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder = Payloads.payload(true).enumeration(Tag.OBJECT_TYPE, objectType);
      for (String uid : uniqueIdentifiers) {
        builder.text(Tag.UNIQUE_IDENTIFIER, uid);
      }
      builder.enumeration(Tag.SECRET_DATA_TYPE, secretDataType);
      if (!attributes.items().isEmpty()) {
        Payloads.addAttributes(builder, attributes, AttributeGroup.ATTRIBUTES, version);
      }
      Payloads.addMasks(builder, Tag.PROTECTION_STORAGE_MASKS, protectionStorageMasks, version);
      return builder.build();
    }
  }

  /**
   * The object formed.
   *
   * @param uniqueIdentifier its identifier
   * @param attributes 1.x only: attributes the server set implicitly, or null
   */
  public record Response(String uniqueIdentifier, @Nullable Attributes attributes) {

    /** Decodes a response payload in the form of {@code version}. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "JoinSplitKey");
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
