package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.10, 2.1 §6.1.7 Check: whether an object could be used as described (a number of uses,
 * a usage mask, a lease). A success answers with the identifier only; a failure names the check
 * that failed in the response fields.
 */
public final class Check {
  private Check() {}

  /**
   * What to check.
   *
   * @param uniqueIdentifier the object, or null for the ID Placeholder
   * @param usageLimitsCount uses the client means to make (a Long Integer)
   * @param cryptographicUsageMask the usage it means to make
   * @param leaseTime the lease it wants, in seconds
   */
  public record Request(
      @Nullable String uniqueIdentifier,
      @Nullable Long usageLimitsCount,
      @Nullable Integer cryptographicUsageMask,
      @Nullable Long leaseTime) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Check");
      Request request =
          new Request(
              fields.text(Tag.UNIQUE_IDENTIFIER),
              fields.longInteger(Tag.USAGE_LIMITS_COUNT),
              fields.integer(Tag.CRYPTOGRAPHIC_USAGE_MASK),
              fields.interval(Tag.LEASE_TIME));
      fields.finish();
      return request;
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return fields(
          Payloads.payload(true),
          uniqueIdentifier,
          usageLimitsCount,
          cryptographicUsageMask,
          leaseTime);
    }
  }

  /**
   * The result; the optional fields are present only to say which check failed.
   *
   * @param uniqueIdentifier the object
   * @param usageLimitsCount the uses that could not be granted
   * @param cryptographicUsageMask the usage that is not allowed
   * @param leaseTime the lease that could not be granted, in seconds
   */
  public record Response(
      String uniqueIdentifier,
      @Nullable Long usageLimitsCount,
      @Nullable Integer cryptographicUsageMask,
      @Nullable Long leaseTime) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Check");
      Response response =
          new Response(
              fields.requiredText(Tag.UNIQUE_IDENTIFIER),
              fields.longInteger(Tag.USAGE_LIMITS_COUNT),
              fields.integer(Tag.CRYPTOGRAPHIC_USAGE_MASK),
              fields.interval(Tag.LEASE_TIME));
      fields.finish();
      return response;
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return fields(
          Payloads.payload(false),
          uniqueIdentifier,
          usageLimitsCount,
          cryptographicUsageMask,
          leaseTime);
    }
  }

  private static TtlvStructure fields(
      StructureBuilder builder,
      @Nullable String uniqueIdentifier,
      @Nullable Long usageLimitsCount,
      @Nullable Integer cryptographicUsageMask,
      @Nullable Long leaseTime) {
    return builder
        .text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
        .longInteger(Tag.USAGE_LIMITS_COUNT, usageLimitsCount)
        .integer(Tag.CRYPTOGRAPHIC_USAGE_MASK, cryptographicUsageMask)
        .interval(Tag.LEASE_TIME, leaseTime)
        .build();
  }
}
