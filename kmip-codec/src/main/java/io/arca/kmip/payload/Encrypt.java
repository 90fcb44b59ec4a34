package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.29, 2.1 §6.1.18 Encrypt: data encrypted with a managed key. Streaming (Init and Final
 * Indicator, Correlation Value) came in 1.3, the Authenticated Encryption fields in 1.4.
 */
public final class Encrypt {
  private Encrypt() {}

  /**
   * What to encrypt and how.
   *
   * @param uniqueIdentifier the key, or null for the ID Placeholder
   * @param parameters how, or null for the key's own Cryptographic Parameters
   * @param data the plaintext (absent only in a streaming request that carries none)
   * @param ivCounterNonce the IV, counter or nonce, or null for the server to choose one
   * @param correlationValue the stream this request continues, or null
   * @param initIndicator true on the first request of a stream
   * @param finalIndicator true on the last request of a stream
   * @param additionalData Authenticated Encryption Additional Data, or null
   */
  public record Request(
      @Nullable String uniqueIdentifier,
      @Nullable CryptographicParameters parameters,
      @Nullable ByteString data,
      @Nullable ByteString ivCounterNonce,
      @Nullable ByteString correlationValue,
      @Nullable Boolean initIndicator,
      @Nullable Boolean finalIndicator,
      @Nullable ByteString additionalData) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Encrypt");
      TtlvStructure parameters = fields.structure(Tag.CRYPTOGRAPHIC_PARAMETERS);
      Request request =
          new Request(
              fields.text(Tag.UNIQUE_IDENTIFIER),
              parameters == null ? null : CryptographicParameters.decode(parameters),
              fields.bytes(Tag.DATA),
              fields.bytes(Tag.IV_COUNTER_NONCE),
              fields.bytes(Tag.CORRELATION_VALUE),
              fields.bool(Tag.INIT_INDICATOR),
              fields.bool(Tag.FINAL_INDICATOR),
              fields.bytes(Tag.AUTHENTICATED_ENCRYPTION_ADDITIONAL_DATA));
      fields.finish();
      return request;
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(true)
          .text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
          .add(parameters == null ? null : parameters.encode())
          .bytes(Tag.DATA, data)
          .bytes(Tag.IV_COUNTER_NONCE, ivCounterNonce)
          .bytes(Tag.CORRELATION_VALUE, correlationValue)
          .bool(Tag.INIT_INDICATOR, initIndicator)
          .bool(Tag.FINAL_INDICATOR, finalIndicator)
          .bytes(Tag.AUTHENTICATED_ENCRYPTION_ADDITIONAL_DATA, additionalData)
          .build();
    }
  }

  /**
   * The ciphertext.
   *
   * @param uniqueIdentifier the key used
   * @param data the ciphertext
   * @param ivCounterNonce the IV, counter or nonce the server chose, or null
   * @param correlationValue the stream to continue, or null
   * @param tag the Authenticated Encryption Tag, or null
   */
  public record Response(
      String uniqueIdentifier,
      @Nullable ByteString data,
      @Nullable ByteString ivCounterNonce,
      @Nullable ByteString correlationValue,
      @Nullable ByteString tag) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Encrypt");
      Response response =
          new Response(
              fields.requiredText(Tag.UNIQUE_IDENTIFIER),
              fields.bytes(Tag.DATA),
              fields.bytes(Tag.IV_COUNTER_NONCE),
              fields.bytes(Tag.CORRELATION_VALUE),
              fields.bytes(Tag.AUTHENTICATED_ENCRYPTION_TAG));
      fields.finish();
      return response;
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder =
          Payloads.payload(false)
              .text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
              .bytes(Tag.DATA, data)
              .bytes(Tag.IV_COUNTER_NONCE, ivCounterNonce)
              .bytes(Tag.CORRELATION_VALUE, correlationValue);
      return builder.bytes(Tag.AUTHENTICATED_ENCRYPTION_TAG, tag).build();
    }
  }
}
