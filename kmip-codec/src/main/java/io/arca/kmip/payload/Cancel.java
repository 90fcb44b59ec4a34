package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;

/** KMIP 1.4 §4.27, 2.1 §6.1.5 Cancel: stops an asynchronous operation that has not started. */
public final class Cancel {
  private Cancel() {}

  /**
   * The operation to cancel.
   *
   * @param asynchronousCorrelationValue the value the Pending answer carried
   */
  public record Request(ByteString asynchronousCorrelationValue) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Cancel");
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

  /**
   * What became of it.
   *
   * @param asynchronousCorrelationValue as the request gave it
   * @param cancellationResult a {@link io.arca.kmip.CancellationResult} value
   */
  public record Response(ByteString asynchronousCorrelationValue, int cancellationResult) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Cancel");
      Response response =
          new Response(
              fields.requiredBytes(Tag.ASYNCHRONOUS_CORRELATION_VALUE),
              fields.requiredEnumeration(Tag.CANCELLATION_RESULT));
      fields.finish();
      return response;
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false)
          .bytes(Tag.ASYNCHRONOUS_CORRELATION_VALUE, asynchronousCorrelationValue)
          .enumeration(Tag.CANCELLATION_RESULT, cancellationResult)
          .build();
    }
  }
}
