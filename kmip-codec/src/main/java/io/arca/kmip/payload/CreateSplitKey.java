package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.AttributeGroup;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvBigInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.38, 2.1 §6.1.10 Create Split Key (1.2 and later): the server splits a new key, or one
 * it holds, into Split Key objects, any threshold of which rebuild it.
 */
public final class CreateSplitKey {
  private CreateSplitKey() {}

  /**
   * What to split.
   *
   * @param objectType the Object Type of the objects made (Split Key)
   * @param uniqueIdentifier the key to split, or null for a new one
   * @param splitKeyParts how many parts
   * @param splitKeyThreshold how many of them rebuild the key
   * @param splitKeyMethod the Split Key Method enumeration value
   * @param primeFieldSize the prime of Polynomial Sharing Prime Field, or null
   * @param attributes the attributes of the parts (and of a new key: its algorithm and length)
   * @param protectionStorageMasks the 2.x Protection Storage Mask values; empty when absent
   */
  public record Request(
      int objectType,
      @Nullable String uniqueIdentifier,
      int splitKeyParts,
      int splitKeyThreshold,
      int splitKeyMethod,
      @Nullable BigInteger primeFieldSize,
      Attributes attributes,
      List<Integer> protectionStorageMasks) {
    /** Copies the list. */
    public Request {
      protectionStorageMasks = List.copyOf(protectionStorageMasks);
    }

    /** Decodes a request payload in the form of {@code version}. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "CreateSplitKey");
      int objectType = fields.requiredEnumeration(Tag.OBJECT_TYPE);
      String uid = fields.text(Tag.UNIQUE_IDENTIFIER);
      int parts = fields.requiredInteger(Tag.SPLIT_KEY_PARTS);
      int threshold = fields.requiredInteger(Tag.SPLIT_KEY_THRESHOLD);
      int method = fields.requiredEnumeration(Tag.SPLIT_KEY_METHOD);
      TtlvBigInteger prime = fields.optional(Tag.PRIME_FIELD_SIZE, TtlvBigInteger.class);
      Request request =
          new Request(
              objectType,
              uid,
              parts,
              threshold,
              method,
              prime == null ? null : prime.value(),
              Payloads.requiredAttributes(fields, AttributeGroup.ATTRIBUTES, version),
              Payloads.masks(fields, Tag.PROTECTION_STORAGE_MASKS, version));
      fields.finish();
      return request;
    }

    /** Encodes the request payload in the form of {@code version}. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder =
          Payloads.payload(true)
              .enumeration(Tag.OBJECT_TYPE, objectType)
              .text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
              .integer(Tag.SPLIT_KEY_PARTS, splitKeyParts)
              .integer(Tag.SPLIT_KEY_THRESHOLD, splitKeyThreshold)
              .enumeration(Tag.SPLIT_KEY_METHOD, splitKeyMethod)
              .add(
                  primeFieldSize == null
                      ? null
                      : new TtlvBigInteger(Tag.PRIME_FIELD_SIZE.code(), primeFieldSize));
      Payloads.addAttributes(builder, attributes, AttributeGroup.ATTRIBUTES, version);
      Payloads.addMasks(builder, Tag.PROTECTION_STORAGE_MASKS, protectionStorageMasks, version);
      return builder.build();
    }
  }

  /**
   * The parts made, in the order of their Key Part Identifiers.
   *
   * @param uniqueIdentifiers the parts
   * @param attributes 1.x only: attributes the server set implicitly, or null
   */
  public record Response(List<String> uniqueIdentifiers, @Nullable Attributes attributes) {
    /** Copies the list. */
    public Response {
      uniqueIdentifiers = List.copyOf(uniqueIdentifiers);
    }

    /** Decodes a response payload in the form of {@code version}. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "CreateSplitKey");
      List<String> uids = new ArrayList<>();
      for (TtlvTextString uid : fields.repeated(Tag.UNIQUE_IDENTIFIER, TtlvTextString.class)) {
        uids.add(uid.value());
      }
      if (uids.isEmpty()) {
        throw fields.invalid("UniqueIdentifier: missing (expected: one per part)");
      }
      Response response =
          new Response(
              uids,
              Payloads.isV2(version)
                  ? null
                  : Payloads.attributes(fields, AttributeGroup.ATTRIBUTES, version));
      fields.finish();
      return response;
    }

    /** Encodes the response payload; the attributes only in 1.x. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder = Payloads.payload(false);
      for (String uid : uniqueIdentifiers) {
        builder.text(Tag.UNIQUE_IDENTIFIER, uid);
      }
      if (!Payloads.isV2(version)) {
        Payloads.addAttributes(builder, attributes, AttributeGroup.ATTRIBUTES, version);
      }
      return builder.build();
    }
  }
}
