package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.17, 2.1 §6.1.35 Obtain Lease: how long a client may use an object before it must ask
 * again.
 */
public final class ObtainLease {
  private ObtainLease() {}

  /**
   * The object to lease; null means the ID Placeholder.
   *
   * @param uniqueIdentifier the object, or null
   */
  public record Request(@Nullable String uniqueIdentifier) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      return new Request(Payloads.idOnly(payload, "ObtainLease"));
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.idPayload(true, uniqueIdentifier);
    }
  }

  /**
   * The lease granted.
   *
   * @param uniqueIdentifier the object
   * @param leaseTime the lease, in seconds (an Interval)
   * @param lastChangeDate when the object's attributes last changed, in epoch seconds
   */
  public record Response(
      String uniqueIdentifier, @Nullable Long leaseTime, @Nullable Long lastChangeDate) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "ObtainLease");
      Response response =
          new Response(
              fields.requiredText(Tag.UNIQUE_IDENTIFIER),
              fields.interval(Tag.LEASE_TIME),
              fields.dateTime(Tag.LAST_CHANGE_DATE));
      fields.finish();
      return response;
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false)
          .text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
          .interval(Tag.LEASE_TIME, leaseTime)
          .dateTime(Tag.LAST_CHANGE_DATE, lastChangeDate)
          .build();
    }
  }
}
