package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/** KMIP 1.4 §4.23, 2.1 §6.1.42 Recover: brings an archived object back on-line. */
public final class Recover {
  private Recover() {}

  /**
   * The object to act on; null means the ID Placeholder.
   *
   * @param uniqueIdentifier the object, or null
   */
  public record Request(@Nullable String uniqueIdentifier) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      return new Request(Payloads.idOnly(payload, "Recover"));
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.idPayload(true, uniqueIdentifier);
    }
  }

  /**
   * The object acted on.
   *
   * @param uniqueIdentifier the object
   */
  public record Response(String uniqueIdentifier) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      return new Response(Payloads.requiredIdOnly(payload, "Recover"));
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.idPayload(false, uniqueIdentifier);
    }
  }
}
