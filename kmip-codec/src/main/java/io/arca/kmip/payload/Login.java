package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvInterval;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 2.0/2.1 §6.1.30 Login: a Ticket that later requests present as their Credential, with a
 * lifetime and a number of uses.
 */
public final class Login {
  private Login() {}

  /**
   * How long and how often the ticket may serve; each is optional and the server may grant less.
   *
   * @param lease the Lease Time as an Interval, or null
   * @param until the Lease Time as a Date Time (2.x allows either), or null
   * @param requestCount the Request Count: requests the ticket may authenticate, or null
   * @param usageLimits the Usage Limits, or null
   */
  public record Request(
      @Nullable Long lease,
      @Nullable Instant until,
      @Nullable Long requestCount,
      @Nullable UsageLimits usageLimits) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Login");
      Request request = read(fields, version);
      fields.finish();
      return request;
    }

    /** The four fields Login and Delegated Login share. */
    static Request read(Fields fields, ProtocolVersion version) {
      Long lease = null;
      Instant until = null;
      Ttlv leaseTime = fields.optionalAny(Tag.LEASE_TIME);
      if (leaseTime instanceof TtlvInterval interval) {
        lease = interval.seconds();
      } else if (leaseTime instanceof TtlvDateTime date) {
        until = Instant.ofEpochSecond(date.epochSeconds());
      } else if (leaseTime != null) {
        throw fields.invalid("LeaseTime type: " + leaseTime.type().xmlName());
      }
      Long count = null;
      Ttlv requestCount = fields.optionalAny(Tag.REQUEST_COUNT);
      if (requestCount instanceof TtlvInteger integer) {
        count = (long) integer.value();
      } else if (requestCount instanceof TtlvLongInteger longInteger) {
        count = longInteger.value();
      } else if (requestCount != null) {
        throw fields.invalid("RequestCount type: " + requestCount.type().xmlName());
      }
      TtlvStructure limits = fields.structure(Tag.USAGE_LIMITS);
      return new Request(
          lease, until, count, limits == null ? null : UsageLimits.decode(limits, version));
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return write(Payloads.payload(true), version).build();
    }

    StructureBuilder write(StructureBuilder payload, ProtocolVersion version) {
      payload.interval(Tag.LEASE_TIME, lease);
      payload.dateTime(Tag.LEASE_TIME, until == null ? null : until.getEpochSecond());
      if (requestCount != null) {
        payload.add(new TtlvInteger(Tag.REQUEST_COUNT.code(), Math.toIntExact(requestCount)));
      }
      payload.add(usageLimits == null ? null : usageLimits.encode(version));
      return payload;
    }
  }

  /**
   * The ticket issued.
   *
   * @param ticket the Ticket
   */
  public record Response(Ticket ticket) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Login");
      Response response = new Response(Ticket.requiredIn(fields, version));
      fields.finish();
      return response;
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false).add(ticket.encode(version)).build();
    }
  }
}
