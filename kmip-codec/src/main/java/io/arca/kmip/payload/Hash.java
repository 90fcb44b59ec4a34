package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.37, 2.1 §6.1.26 Hash: a digest of data, with no managed object involved. The
 * Cryptographic Parameters are required, for their Hashing Algorithm.
 */
public final class Hash {
  private Hash() {}

  /**
   * What to hash and with which algorithm.
   *
   * @param parameters the Cryptographic Parameters naming the Hashing Algorithm
   * @param data the data (absent only in a streaming request that carries none)
   * @param correlationValue the stream this request continues, or null
   * @param initIndicator true on the first request of a stream
   * @param finalIndicator true on the last request of a stream
   */
  public record Request(
      CryptographicParameters parameters,
      @Nullable ByteString data,
      @Nullable ByteString correlationValue,
      @Nullable Boolean initIndicator,
      @Nullable Boolean finalIndicator) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Hash");
      TtlvStructure parameters = fields.required(Tag.CRYPTOGRAPHIC_PARAMETERS, TtlvStructure.class);
      Request request =
          new Request(
              CryptographicParameters.decode(parameters),
              fields.bytes(Tag.DATA),
              fields.bytes(Tag.CORRELATION_VALUE),
              fields.bool(Tag.INIT_INDICATOR),
              fields.bool(Tag.FINAL_INDICATOR));
      fields.finish();
      return request;
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(true)
          .add(parameters.encode())
          .bytes(Tag.DATA, data)
          .bytes(Tag.CORRELATION_VALUE, correlationValue)
          .bool(Tag.INIT_INDICATOR, initIndicator)
          .bool(Tag.FINAL_INDICATOR, finalIndicator)
          .build();
    }
  }

  /**
   * The digest.
   *
   * @param data the digest (absent in the middle of a stream)
   * @param correlationValue the stream to continue, or null
   */
  public record Response(@Nullable ByteString data, @Nullable ByteString correlationValue) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Hash");
      Response response = new Response(fields.bytes(Tag.DATA), fields.bytes(Tag.CORRELATION_VALUE));
      fields.finish();
      return response;
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false)
          .bytes(Tag.DATA, data)
          .bytes(Tag.CORRELATION_VALUE, correlationValue)
          .build();
    }
  }
}
