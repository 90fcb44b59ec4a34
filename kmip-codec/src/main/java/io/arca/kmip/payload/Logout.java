package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;

/** KMIP 2.0/2.1 §6.1.31 Logout: the ticket named is no longer accepted. */
public final class Logout {
  private Logout() {}

  /**
   * The ticket to end.
   *
   * @param ticket the Ticket
   */
  public record Request(Ticket ticket) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Logout");
      Request request = new Request(Ticket.requiredIn(fields, version));
      fields.finish();
      return request;
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(true).add(ticket.encode(version)).build();
    }
  }

  /** Logout answers an empty payload. */
  public record Response() {

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false).build();
    }
  }
}
