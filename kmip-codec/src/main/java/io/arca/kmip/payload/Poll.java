package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;

/**
 * KMIP 1.4 §4.28, 2.1 §6.1.38 Poll: the state of an asynchronous operation. Its answer is either
 * Pending with no payload or the batch item the operation would have answered synchronously, so
 * Poll has no response payload of its own.
 */
public final class Poll {
  private Poll() {}

  /**
   * The operation asked about.
   *
   * @param asynchronousCorrelationValue the value the Pending answer carried
   */
  public record Request(ByteString asynchronousCorrelationValue) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Poll");
      Request request = new Request(fields.requiredBytes(Tag.ASYNCHRONOUS_CORRELATION_VALUE));
      fields.finish();
      return request;
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(true)
          .bytes(Tag.ASYNCHRONOUS_CORRELATION_VALUE, asynchronousCorrelationValue)
          .build();
    }
  }
}
