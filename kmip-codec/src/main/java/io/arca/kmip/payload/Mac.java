package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.33, 2.1 §6.1.29 MAC: a message authentication code over data with a managed key.
 * Streaming (Init and Final Indicator, Correlation Value) came in 1.3.
 */
public final class Mac {
  private Mac() {}

  /**
   * What to authenticate and how.
   *
   * @param uniqueIdentifier the key, or null for the ID Placeholder
   * @param parameters how, or null for the key's own Cryptographic Parameters
   * @param data the data (absent only in a streaming request that carries none)
   * @param correlationValue the stream this request continues, or null
   * @param initIndicator true on the first request of a stream
   * @param finalIndicator true on the last request of a stream
   */
  public record Request(
      @Nullable String uniqueIdentifier,
      @Nullable CryptographicParameters parameters,
      @Nullable ByteString data,
      @Nullable ByteString correlationValue,
      @Nullable Boolean initIndicator,
      @Nullable Boolean finalIndicator) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "MAC");
      TtlvStructure parameters = fields.structure(Tag.CRYPTOGRAPHIC_PARAMETERS);
      Request request =
          new Request(
              fields.text(Tag.UNIQUE_IDENTIFIER),
              parameters == null ? null : CryptographicParameters.decode(parameters),
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
          .text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
          .add(parameters == null ? null : parameters.encode())
          .bytes(Tag.DATA, data)
          .bytes(Tag.CORRELATION_VALUE, correlationValue)
          .bool(Tag.INIT_INDICATOR, initIndicator)
          .bool(Tag.FINAL_INDICATOR, finalIndicator)
          .build();
    }
  }

  /**
   * The MAC.
   *
   * @param uniqueIdentifier the key used
   * @param macData the MAC (absent in the middle of a stream)
   * @param correlationValue the stream to continue, or null
   */
  public record Response(
      String uniqueIdentifier,
      @Nullable ByteString macData,
      @Nullable ByteString correlationValue) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "MAC");
      Response response =
          new Response(
              fields.requiredText(Tag.UNIQUE_IDENTIFIER),
              fields.bytes(Tag.MAC_DATA),
              fields.bytes(Tag.CORRELATION_VALUE));
      fields.finish();
      return response;
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false)
          .text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
          .bytes(Tag.MAC_DATA, macData)
          .bytes(Tag.CORRELATION_VALUE, correlationValue)
          .build();
    }
  }
}
