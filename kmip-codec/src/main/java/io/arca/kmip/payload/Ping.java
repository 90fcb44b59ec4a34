package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ttlv.TtlvStructure;

/**
 * KMIP 2.1 §6.1.36 Ping: whether the server is alive and answering. Both payloads are empty; a
 * request that carries a field is Invalid Field, as for any payload field no operation defines.
 */
public final class Ping {
  private Ping() {}

  /** The (empty) request. */
  public record Request() {

    /** Decodes a request payload, which must be empty. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Payloads.onlyFields(payload, "Ping");
      return new Request();
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(true).build();
    }
  }

  /** The (empty) response. */
  public record Response() {

    /** Decodes a response payload, which must be empty. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Payloads.onlyFields(payload, "Ping");
      return new Response();
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false).build();
    }
  }
}
