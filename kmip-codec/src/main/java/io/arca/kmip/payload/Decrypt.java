package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.30, 2.1 §6.1.16 Decrypt: data decrypted with a managed key, the Authenticated
 * Encryption Tag checked when the mode has one.
 */
public final class Decrypt {
  private Decrypt() {}

  /**
   * What to decrypt and how.
   *
   * @param uniqueIdentifier the key, or null for the ID Placeholder
   * @param parameters how, or null for the key's own Cryptographic Parameters
   * @param data the ciphertext
   * @param ivCounterNonce the IV, counter or nonce used to encrypt, or null
   * @param correlationValue the stream this request continues, or null
   * @param initIndicator true on the first request of a stream
   * @param finalIndicator true on the last request of a stream
   * @param additionalData Authenticated Encryption Additional Data, or null
   * @param tag Authenticated Encryption Tag, or null
   */
  public record Request(
      @Nullable String uniqueIdentifier,
      @Nullable CryptographicParameters parameters,
      @Nullable ByteString data,
      @Nullable ByteString ivCounterNonce,
      @Nullable ByteString correlationValue,
      @Nullable Boolean initIndicator,
      @Nullable Boolean finalIndicator,
      @Nullable ByteString additionalData,
      @Nullable ByteString tag) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Decrypt");
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
              fields.bytes(Tag.AUTHENTICATED_ENCRYPTION_ADDITIONAL_DATA),
              fields.bytes(Tag.AUTHENTICATED_ENCRYPTION_TAG));
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
          .bytes(Tag.AUTHENTICATED_ENCRYPTION_TAG, tag)
          .build();
    }
  }

  /**
   * The plaintext.
   *
   * @param uniqueIdentifier the key used
   * @param data the plaintext
   * @param correlationValue the stream to continue, or null
   */
  public record Response(
      String uniqueIdentifier, @Nullable ByteString data, @Nullable ByteString correlationValue) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Decrypt");
      Response response =
          new Response(
              fields.requiredText(Tag.UNIQUE_IDENTIFIER),
              fields.bytes(Tag.DATA),
              fields.bytes(Tag.CORRELATION_VALUE));
      fields.finish();
      return response;
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false)
          .text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
          .bytes(Tag.DATA, data)
          .bytes(Tag.CORRELATION_VALUE, correlationValue)
          .build();
    }
  }
}
