package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;

/**
 * KMIP 2.0 §6.1.51, 2.1 §6.1.54 Set Endpoint Role: the role the server is to take on this
 * connection from now on (Server, or Client to reverse the roles). Both payloads carry one Endpoint
 * Role.
 */
public final class SetEndpointRole {
  private SetEndpointRole() {}

  /**
   * The role asked for.
   *
   * @param endpointRole an Endpoint Role enumeration value
   */
  public record Request(int endpointRole) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "SetEndpointRole");
      Request request = new Request(fields.requiredEnumeration(Tag.ENDPOINT_ROLE));
      fields.finish();
      return request;
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(true).enumeration(Tag.ENDPOINT_ROLE, endpointRole).build();
    }
  }

  /**
   * The role the server applies.
   *
   * @param endpointRole an Endpoint Role enumeration value
   */
  public record Response(int endpointRole) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "SetEndpointRole");
      Response response = new Response(fields.requiredEnumeration(Tag.ENDPOINT_ROLE));
      fields.finish();
      return response;
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false).enumeration(Tag.ENDPOINT_ROLE, endpointRole).build();
    }
  }
}
