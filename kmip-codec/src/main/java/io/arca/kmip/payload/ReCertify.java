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
 * KMIP 1.4 §4.8, 2.0 §6.1.41, 2.1 §6.1.45 Re-certify: a new certificate replaces an existing one,
 * for the same public key or from a new request, optionally with its dates moved by an Offset. The
 * response is Certify's.
 */
public final class ReCertify {
  private ReCertify() {}

  /**
   * The certificate to renew and how.
   *
   * @param uniqueIdentifier the existing certificate, or null for the ID Placeholder
   * @param certificateRequestUniqueIdentifier 2.x: a stored Certificate Request, or null
   * @param certificateRequestType a CertificateRequestType value; required with a request
   * @param certificateRequest the request's bytes, or null
   * @param offset seconds between the new certificate's Initial Date and its Activation Date, or
   *     null
   * @param attributes the new certificate's attributes, or null
   * @param protectionStorageMasks the 2.x Protection Storage Mask values; empty when absent
   */
  public record Request(
      @Nullable String uniqueIdentifier,
      @Nullable String certificateRequestUniqueIdentifier,
      @Nullable Integer certificateRequestType,
      @Nullable ByteString certificateRequest,
      @Nullable Long offset,
      @Nullable Attributes attributes,
      List<Integer> protectionStorageMasks) {
    public Request {
      protectionStorageMasks = List.copyOf(protectionStorageMasks);
    }

    /** Decodes a request payload in the form of {@code version}. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "ReCertify");
      Request request =
          new Request(
              fields.text(Tag.UNIQUE_IDENTIFIER),
              Payloads.isV2(version)
                  ? fields.text(Tag.CERTIFICATE_REQUEST_UNIQUE_IDENTIFIER)
                  : null,
              fields.enumeration(Tag.CERTIFICATE_REQUEST_TYPE),
              fields.bytes(Certify.requestTag(version)),
              fields.interval(Tag.OFFSET),
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
          .bytes(Certify.requestTag(version), certificateRequest)
          .interval(Tag.OFFSET, offset);
      Payloads.addAttributes(builder, attributes, AttributeGroup.ATTRIBUTES, version);
      Payloads.addMasks(builder, Tag.PROTECTION_STORAGE_MASKS, protectionStorageMasks, version);
      return builder.build();
    }
  }
}
