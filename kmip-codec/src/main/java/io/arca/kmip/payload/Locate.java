package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.AttributeGroup;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.9, 2.1 §6.1.28 Locate: the identifiers of the objects whose attributes match. 1.x
 * lists the criteria as bare Attribute structures, 2.x in one Attributes structure.
 */
public final class Locate {
  private Locate() {}

  /**
   * The search.
   *
   * @param maximumItems at most this many identifiers, or null for all
   * @param offsetItems skip this many matches first (1.3+), or null
   * @param storageStatusMask on-line and/or archived objects (a Storage Status Mask), or null
   * @param objectGroupMember Group Member Fresh or Default (1.1+), or null
   * @param attributes the criteria; all must match
   */
  public record Request(
      @Nullable Integer maximumItems,
      @Nullable Integer offsetItems,
      @Nullable Integer storageStatusMask,
      @Nullable Integer objectGroupMember,
      Attributes attributes) {

    /** A search by attributes only. */
    public static Request of(Attributes attributes) {
      return new Request(null, null, null, null, attributes);
    }

    /**
     * Decodes a request payload in the form of {@code version}. A 2.x request without its
     * Attributes (required by the specification) is read as one with none: PyKMIP's 2.0 client
     * sends it so, and it can only mean "no criteria".
     */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Locate");
      Request request =
          new Request(
              fields.integer(Tag.MAXIMUM_ITEMS),
              fields.integer(Tag.OFFSET_ITEMS),
              fields.integer(Tag.STORAGE_STATUS_MASK),
              fields.enumeration(Tag.OBJECT_GROUP_MEMBER),
              Payloads.isV2(version)
                  ? Objects.requireNonNullElse(
                      Payloads.attributes(fields, AttributeGroup.ATTRIBUTES, version),
                      Attributes.EMPTY)
                  : new Attributes(Payloads.bareAttributes(fields), List.of()));
      fields.finish();
      return request;
    }

    /** Encodes the request payload in the form of {@code version}. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder =
          Payloads.payload(true)
              .integer(Tag.MAXIMUM_ITEMS, maximumItems)
              .integer(Tag.OFFSET_ITEMS, offsetItems)
              .integer(Tag.STORAGE_STATUS_MASK, storageStatusMask)
              .enumeration(Tag.OBJECT_GROUP_MEMBER, objectGroupMember);
      AttributeLists.addAttributes(builder, attributes, version);
      return builder.build();
    }
  }

  /**
   * The matches.
   *
   * @param locatedItems how many objects matched in all (1.3+), or null
   * @param uniqueIdentifiers the identifiers returned, after Offset Items and Maximum Items
   */
  public record Response(@Nullable Integer locatedItems, List<String> uniqueIdentifiers) {
    public Response {
      uniqueIdentifiers = List.copyOf(uniqueIdentifiers);
    }

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Locate");
      Response response =
          new Response(
              fields.integer(Tag.LOCATED_ITEMS),
              fields.repeated(Tag.UNIQUE_IDENTIFIER, TtlvTextString.class).stream()
                  .map(TtlvTextString::value)
                  .toList());
      fields.finish();
      return response;
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder = Payloads.payload(false).integer(Tag.LOCATED_ITEMS, locatedItems);
      for (String id : uniqueIdentifiers) {
        builder.text(Tag.UNIQUE_IDENTIFIER, id);
      }
      return builder.build();
    }
  }
}
