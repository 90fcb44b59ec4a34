package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.AttributeCodec;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 2.0 §6.1.3, 2.1 §6.1.3 Adjust Attribute (2.x only): increments, decrements or negates the
 * value of a single-instance attribute.
 */
public final class AdjustAttribute {
  private AdjustAttribute() {}

  /**
   * The adjustment.
   *
   * @param uniqueIdentifier the object, or null for the ID Placeholder
   * @param attributeReference the attribute to adjust
   * @param adjustmentType the Adjustment Type enumeration value
   * @param adjustmentValue the amount, of any item type (none for Negate), or null
   */
  public record Request(
      @Nullable String uniqueIdentifier,
      AttributeReference attributeReference,
      int adjustmentType,
      @Nullable Ttlv adjustmentValue) {

    /** Decodes a request payload (the 2.x form, whatever {@code version} says). */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "AdjustAttribute");
      String uid = fields.text(Tag.UNIQUE_IDENTIFIER);
      Ttlv reference = fields.optionalAny(Tag.ATTRIBUTE_REFERENCE);
      if (reference == null) {
        throw fields.invalid("AttributeReference: missing (expected: present)");
      }
      Request request =
          new Request(
              uid,
              AttributeCodec.decodeReference(reference),
              fields.requiredEnumeration(Tag.ADJUSTMENT_TYPE),
              fields.optionalAny(Tag.ADJUSTMENT_VALUE));
      fields.finish();
      return request;
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(true)
          .text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
          .add(AttributeCodec.encodeReference(attributeReference))
          .enumeration(Tag.ADJUSTMENT_TYPE, adjustmentType)
          .add(adjustmentValue)
          .build();
    }
  }

  /**
   * The object changed.
   *
   * @param uniqueIdentifier the object
   */
  public record Response(String uniqueIdentifier) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      return new Response(Payloads.requiredIdOnly(payload, "AdjustAttribute"));
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder = Payloads.payload(false);
      return builder.text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier).build();
    }
  }
}
