package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;

/** KMIP 1.4 §4.35, 2.1 §6.1.43 RNG Retrieve: random bytes from the server's generator. */
public final class RngRetrieve {
  private RngRetrieve() {}

  /**
   * How many bytes.
   *
   * @param dataLength the number of random bytes wanted
   */
  public record Request(int dataLength) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "RNGRetrieve");
      Request request = new Request(fields.requiredInteger(Tag.DATA_LENGTH));
      fields.finish();
      return request;
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(true).integer(Tag.DATA_LENGTH, dataLength).build();
    }
  }

  /**
   * The random bytes.
   *
   * @param data the bytes
   */
  public record Response(ByteString data) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "RNGRetrieve");
      Response response = new Response(fields.requiredBytes(Tag.DATA));
      fields.finish();
      return response;
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false).bytes(Tag.DATA, data).build();
    }
  }
}
