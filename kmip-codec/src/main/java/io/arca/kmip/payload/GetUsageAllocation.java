package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.18, 2.1 §6.1.23 Get Usage Allocation: reserves a number of uses of a key, counted
 * against its Usage Limits.
 */
public final class GetUsageAllocation {
  private GetUsageAllocation() {}

  /**
   * The key and how many uses to reserve.
   *
   * @param uniqueIdentifier the key, or null for the ID Placeholder
   * @param usageLimitsCount the number of uses (a Long Integer)
   */
  public record Request(@Nullable String uniqueIdentifier, @Nullable Long usageLimitsCount) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "GetUsageAllocation");
      Request request =
          new Request(
              fields.text(Tag.UNIQUE_IDENTIFIER), fields.longInteger(Tag.USAGE_LIMITS_COUNT));
      fields.finish();
      return request;
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(true)
          .text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
          .longInteger(Tag.USAGE_LIMITS_COUNT, usageLimitsCount)
          .build();
    }
  }

  /**
   * The key whose uses were reserved.
   *
   * @param uniqueIdentifier the key
   */
  public record Response(String uniqueIdentifier) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      return new Response(Payloads.requiredIdOnly(payload, "GetUsageAllocation"));
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.idPayload(false, uniqueIdentifier);
    }
  }
}
