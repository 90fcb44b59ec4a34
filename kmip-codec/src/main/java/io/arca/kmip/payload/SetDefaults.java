package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.List;

/**
 * KMIP 2.1 §6.1.53 Set Defaults: the Object Defaults the server is to use from now on in place of
 * those set before. No Defaults Information removes them all. The response payload is empty.
 */
public final class SetDefaults {
  private SetDefaults() {}

  /**
   * The defaults to use.
   *
   * @param defaults the Object Defaults of the Defaults Information; empty when it is absent
   */
  public record Request(List<ObjectDefaults> defaults) {
    public Request {
      defaults = List.copyOf(defaults);
    }

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "SetDefaults");
      TtlvStructure information = fields.optional(Tag.DEFAULTS_INFORMATION, TtlvStructure.class);
      fields.finish();
      return new Request(
          information == null ? List.of() : ObjectDefaults.decodeAll(information, version));
    }

    /** Encodes the request payload; no Defaults Information when there are no defaults. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder = Payloads.payload(true);
      if (!defaults.isEmpty()) {
        builder.add(ObjectDefaults.encodeAll(defaults, version));
      }
      return builder.build();
    }
  }

  /** The (empty) response. */
  public record Response() {

    /** Decodes a response payload, which must be empty. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Payloads.onlyFields(payload, "SetDefaults");
      return new Response();
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false).build();
    }
  }
}
