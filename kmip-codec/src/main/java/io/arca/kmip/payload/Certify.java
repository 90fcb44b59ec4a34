package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.AttributeGroup;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.7, 2.0 §6.1.6, 2.1 §6.1.6 Certify: a certificate for a public key the server holds or
 * for a certificate request the client sends. The request travels as Certificate Request (a Byte
 * String) before 2.0 and as Certificate Request Value from 2.0.
 */
public final class Certify {
  private Certify() {}

  /**
   * What to certify.
   *
   * @param uniqueIdentifier the public key, or null for the request's key or the ID Placeholder
   * @param certificateRequestUniqueIdentifier 2.x: a stored Certificate Request, or null
   * @param certificateRequestType a CertificateRequestType value; required with a request
   * @param certificateRequest the request's bytes (DER, or PEM text), or null
   * @param attributes the new certificate's attributes, or null
   * @param protectionStorageMasks the 2.x Protection Storage Mask values; empty when absent
   */
  public record Request(
      @Nullable String uniqueIdentifier,
      @Nullable String certificateRequestUniqueIdentifier,
      @Nullable Integer certificateRequestType,
      @Nullable ByteString certificateRequest,
      @Nullable Attributes attributes,
      List<Integer> protectionStorageMasks) {
    public Request {
      protectionStorageMasks = List.copyOf(protectionStorageMasks);
    }

    /** Decodes a request payload in the form of {@code version}. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Certify");
      Request request =
          new Request(
              fields.text(Tag.UNIQUE_IDENTIFIER),
              Payloads.isV2(version)
                  ? fields.text(Tag.CERTIFICATE_REQUEST_UNIQUE_IDENTIFIER)
                  : null,
              fields.enumeration(Tag.CERTIFICATE_REQUEST_TYPE),
              fields.bytes(requestTag(version)),
              Payloads.attributes(fields, AttributeGroup.ATTRIBUTES, version),
              Payloads.masks(fields, Tag.PROTECTION_STORAGE_MASKS, version));
      fields.finish();
      return request;
    }

    /** Encodes the request payload in the form of {@code version}. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder =
          Payloads.payload(true).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
      if (Payloads.isV2(version)) {
        builder.text(Tag.CERTIFICATE_REQUEST_UNIQUE_IDENTIFIER, certificateRequestUniqueIdentifier);
      }
      builder
          .enumeration(Tag.CERTIFICATE_REQUEST_TYPE, certificateRequestType)
          .bytes(requestTag(version), certificateRequest);
      Payloads.addAttributes(builder, attributes, AttributeGroup.ATTRIBUTES, version);
      Payloads.addMasks(builder, Tag.PROTECTION_STORAGE_MASKS, protectionStorageMasks, version);
      return builder.build();
    }
  }

  /**
   * The new certificate.
   *
   * @param uniqueIdentifier the certificate
   * @param attributes 1.x only: attributes the server set implicitly, or null
   */
  public record Response(String uniqueIdentifier, @Nullable Attributes attributes) {

    /** Decodes a response payload in the form of {@code version}. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Certify");
      Response response =
          new Response(
              fields.requiredText(Tag.UNIQUE_IDENTIFIER),
              Payloads.isV2(version)
                  ? null
                  : Payloads.attributes(fields, AttributeGroup.ATTRIBUTES, version));
      fields.finish();
      return response;
    }

    /** Encodes the response payload; the attributes only in 1.x. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder =
          Payloads.payload(false).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier);
      if (!Payloads.isV2(version)) {
        Payloads.addAttributes(builder, attributes, AttributeGroup.ATTRIBUTES, version);
      }
      return builder.build();
    }
  }

  /** The field holding the request's bytes: Certificate Request Value from 2.0. */
  static Tag requestTag(ProtocolVersion version) {
    return Payloads.isV2(version) ? Tag.CERTIFICATE_REQUEST_VALUE : Tag.CERTIFICATE_REQUEST;
  }
}
