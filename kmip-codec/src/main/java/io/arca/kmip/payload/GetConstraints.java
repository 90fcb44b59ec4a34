package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.List;

/**
 * KMIP 2.1 §6.1.22 Get Constraints: the Constraints the server applies. The request payload is
 * empty.
 */
public final class GetConstraints {
  private GetConstraints() {}

  /** The (empty) request. */
  public record Request() {

    /** Decodes a request payload, which must be empty. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Payloads.onlyFields(payload, "GetConstraints");
      return new Request();
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(true).build();
    }
  }

  /**
   * The constraints in force.
   *
   * @param constraints the Constraint structures, in the order they were set
   */
  public record Response(List<Constraint> constraints) {
    public Response {
      constraints = List.copyOf(constraints);
    }

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "GetConstraints");
      TtlvStructure constraints = fields.required(Tag.CONSTRAINTS, TtlvStructure.class);
      fields.finish();
      return new Response(Constraint.decodeAll(constraints));
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false).add(Constraint.encodeAll(constraints)).build();
    }
  }
}
