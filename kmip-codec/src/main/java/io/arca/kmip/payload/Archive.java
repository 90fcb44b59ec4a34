package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/** KMIP 1.4 §4.22, 2.1 §6.1.4 Archive: moves an object to off-line storage. */
public final class Archive {
  private Archive() {}

  /**
   * The object to act on; null means the ID Placeholder.
   *
   * @param uniqueIdentifier the object, or null
   */
  public record Request(@Nullable String uniqueIdentifier) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      return new Request(Payloads.idOnly(payload, "Archive"));
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
      return new Response(Payloads.requiredIdOnly(payload, "Archive"));
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.idPayload(false, uniqueIdentifier);
    }
  }
}
