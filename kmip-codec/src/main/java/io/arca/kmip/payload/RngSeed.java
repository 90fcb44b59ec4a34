package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;

/**
 * KMIP 1.4 §4.36, 2.1 §6.1.44 RNG Seed: data offered to the server's generator, answered with how
 * many of its bytes the server accepted.
 */
public final class RngSeed {
  private RngSeed() {}

  /**
   * The seed data.
   *
   * @param data the bytes offered
   */
  public record Request(ByteString data) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "RNGSeed");
      Request request = new Request(fields.requiredBytes(Tag.DATA));
      fields.finish();
      return request;
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(true).bytes(Tag.DATA, data).build();
    }
  }

  /**
   * How much was taken.
   *
   * @param dataLength the number of bytes the server accepted
   */
  public record Response(int dataLength) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "RNGSeed");
      Response response = new Response(fields.requiredInteger(Tag.DATA_LENGTH));
      fields.finish();
      return response;
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false).integer(Tag.DATA_LENGTH, dataLength).build();
    }
  }
}
