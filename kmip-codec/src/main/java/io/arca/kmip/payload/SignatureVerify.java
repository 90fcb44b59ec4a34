package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.32, 2.1 §6.1.56 Signature Verify: whether a signature over the data (or over a digest
 * the client computed) verifies with a managed public key. A signature that does not verify is a
 * successful answer with the Validity Indicator Invalid, not a failure.
 */
public final class SignatureVerify {
  private SignatureVerify() {}

  /**
   * What to verify and how.
   *
   * @param uniqueIdentifier the public key, or null for the ID Placeholder
   * @param parameters how, or null for the key's own Cryptographic Parameters
   * @param data the data that was signed, or null when {@code digestedData} is given
   * @param digestedData the digest of the data, already computed by the client, or null
   * @param signatureData the signature (absent only in a streaming request before the last part)
   * @param correlationValue the stream this request continues, or null
   * @param initIndicator true on the first request of a stream
   * @param finalIndicator true on the last request of a stream
   */
  public record Request(
      @Nullable String uniqueIdentifier,
      @Nullable CryptographicParameters parameters,
      @Nullable ByteString data,
      @Nullable ByteString digestedData,
      @Nullable ByteString signatureData,
      @Nullable ByteString correlationValue,
      @Nullable Boolean initIndicator,
      @Nullable Boolean finalIndicator) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "SignatureVerify");
      TtlvStructure parameters = fields.structure(Tag.CRYPTOGRAPHIC_PARAMETERS);
      Request request =
          new Request(
              fields.text(Tag.UNIQUE_IDENTIFIER),
              parameters == null ? null : CryptographicParameters.decode(parameters),
              fields.bytes(Tag.DATA),
              fields.bytes(Tag.DIGESTED_DATA),
              fields.bytes(Tag.SIGNATURE_DATA),
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
          .bytes(Tag.DIGESTED_DATA, digestedData)
          .bytes(Tag.SIGNATURE_DATA, signatureData)
          .bytes(Tag.CORRELATION_VALUE, correlationValue)
          .bool(Tag.INIT_INDICATOR, initIndicator)
          .bool(Tag.FINAL_INDICATOR, finalIndicator)
          .build();
    }
  }

  /**
   * The verdict.
   *
   * @param uniqueIdentifier the key used
   * @param validityIndicator Valid, Invalid or Unknown (a ValidityIndicator value)
   * @param data data recovered from the signature (signature schemes with message recovery), or
   *     null
   * @param correlationValue the stream to continue, or null
   */
  public record Response(
      String uniqueIdentifier,
      @Nullable Integer validityIndicator,
      @Nullable ByteString data,
      @Nullable ByteString correlationValue) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "SignatureVerify");
      Response response =
          new Response(
              fields.requiredText(Tag.UNIQUE_IDENTIFIER),
              fields.enumeration(Tag.VALIDITY_INDICATOR),
              fields.bytes(Tag.DATA),
              fields.bytes(Tag.CORRELATION_VALUE));
      fields.finish();
      return response;
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false)
          .text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
          .enumeration(Tag.VALIDITY_INDICATOR, validityIndicator)
          .bytes(Tag.DATA, data)
          .bytes(Tag.CORRELATION_VALUE, correlationValue)
          .build();
    }
  }
}
