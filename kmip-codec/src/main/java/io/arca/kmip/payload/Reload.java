package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.Objects;

/**
 * Arca's Reload extension operation (0x80000008, docs/OPERATIONS.md): the server administrator has
 * the server read its configuration again and apply the log level and the TLS material, as SIGHUP
 * does. The request payload is empty; a reload that fails is answered Operation Failed with the
 * reason, and the old material stays.
 */
public final class Reload {
  private Reload() {}

  /** The (empty) request. */
  public record Request() {

    /** Decodes a request payload, which must be empty. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Payloads.onlyFields(payload, "Reload");
      return new Request();
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(true).build();
    }
  }

  /**
   * What was reloaded.
   *
   * @param message what new handshakes now use (the server certificate's serial and expiry)
   */
  public record Response(String message) {
    public Response {
      Objects.requireNonNull(message, "message");
    }

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Reload");
      Response response = new Response(fields.requiredText(Tag.ARCA_MESSAGE));
      fields.finish();
      return response;
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false).text(Tag.ARCA_MESSAGE, message).build();
    }
  }
}
