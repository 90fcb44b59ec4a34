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
 * KMIP 1.4 §4.4, 2.1 §6.1.46 Re-key: a new symmetric key replaces an existing one, optionally with
 * its dates moved by an offset and with changed attributes.
 */
public final class ReKey {
  private ReKey() {}

  /**
   * The key to replace and how.
   *
   * @param uniqueIdentifier the existing key, or null for the ID Placeholder
   * @param offset seconds between the old key's Initialization Date and the new key's Activation
   *     Date (an Interval), or null
   * @param attributes attributes to set on the new key, or null
   * @param protectionStorageMasks the 2.x Protection Storage Mask values; empty when absent
   */
  public record Request(
      @Nullable String uniqueIdentifier,
      @Nullable Long offset,
      @Nullable Attributes attributes,
      List<Integer> protectionStorageMasks) {
    public Request {
      protectionStorageMasks = List.copyOf(protectionStorageMasks);
    }

    /** Decodes a request payload in the form of {@code version}. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "ReKey");
      Request request =
          new Request(
              fields.text(Tag.UNIQUE_IDENTIFIER),
              fields.interval(Tag.OFFSET),
              Payloads.attributes(fields, AttributeGroup.ATTRIBUTES, version),
              Payloads.masks(fields, Tag.PROTECTION_STORAGE_MASKS, version));
      fields.finish();
      return request;
    }

    /** Encodes the request payload in the form of {@code version}. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder =
          Payloads.payload(true)
              .text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
              .interval(Tag.OFFSET, offset);
      Payloads.addAttributes(builder, attributes, AttributeGroup.ATTRIBUTES, version);
      Payloads.addMasks(builder, Tag.PROTECTION_STORAGE_MASKS, protectionStorageMasks, version);
      return builder.build();
    }
  }

  /**
   * The new key.
   *
   * @param uniqueIdentifier the new key
   * @param attributes 1.x only: attributes the server set implicitly, or null
   */
  public record Response(String uniqueIdentifier, @Nullable Attributes attributes) {

    /** Decodes a response payload in the form of {@code version}. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "ReKey");
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
