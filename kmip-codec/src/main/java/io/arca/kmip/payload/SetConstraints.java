package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.List;

/**
 * KMIP 2.1 §6.1.52 Set Constraints: the Constraints the server is to apply from now on in place of
 * those set before; an empty Constraints removes them. The response payload is empty.
 */
public final class SetConstraints {
  private SetConstraints() {}

  /**
   * The constraints to apply.
   *
   * @param constraints the Constraint structures, in order
   */
  public record Request(List<Constraint> constraints) {
    public Request {
      constraints = List.copyOf(constraints);
    }

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "SetConstraints");
      TtlvStructure constraints = fields.required(Tag.CONSTRAINTS, TtlvStructure.class);
      fields.finish();
      return new Request(Constraint.decodeAll(constraints));
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(true).add(Constraint.encodeAll(constraints)).build();
    }
  }

  /** The (empty) response. */
  public record Response() {

    /** Decodes a response payload, which must be empty. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Payloads.onlyFields(payload, "SetConstraints");
      return new Response();
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false).build();
    }
  }
}
