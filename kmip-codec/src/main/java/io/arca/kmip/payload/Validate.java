package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.object.Certificate;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.24, 2.1 §6.1.57 Validate: whether one certificate chain, given by value and/or by the
 * Unique Identifiers of managed certificates, is valid at a date. An invalid chain is a successful
 * answer with the Validity Indicator Invalid, not a failure.
 */
public final class Validate {
  private Validate() {}

  /**
   * The chain and the date.
   *
   * @param certificates certificates given by value
   * @param uniqueIdentifiers managed certificates of the chain
   * @param validityDate when the chain must be valid (seconds since the epoch), or null for now
   */
  public record Request(
      List<Certificate> certificates, List<String> uniqueIdentifiers, @Nullable Long validityDate) {
    public Request {
      certificates = List.copyOf(certificates);
      uniqueIdentifiers = List.copyOf(uniqueIdentifiers);
    }

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Validate");
      List<Certificate> certificates = new ArrayList<>();
      for (TtlvStructure certificate : fields.repeated(Tag.CERTIFICATE, TtlvStructure.class)) {
        certificates.add(Certificate.decode(certificate, version));
      }
      List<String> uids = new ArrayList<>();
      for (TtlvTextString uid : fields.repeated(Tag.UNIQUE_IDENTIFIER, TtlvTextString.class)) {
        uids.add(uid.value());
      }
      Request request = new Request(certificates, uids, fields.dateTime(Tag.VALIDITY_DATE));
      fields.finish();
      return request;
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder = Payloads.payload(true);
      for (Certificate certificate : certificates) {
        builder.add(certificate.encode(version));
      }
      for (String uid : uniqueIdentifiers) {
        builder.text(Tag.UNIQUE_IDENTIFIER, uid);
      }
      return builder.dateTime(Tag.VALIDITY_DATE, validityDate).build();
    }
  }

  /**
   * The verdict.
   *
   * @param validityIndicator Valid, Invalid or Unknown (a ValidityIndicator value)
   */
  public record Response(int validityIndicator) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Validate");
      Response response = new Response(fields.requiredEnumeration(Tag.VALIDITY_INDICATOR));
      fields.finish();
      return response;
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false).enumeration(Tag.VALIDITY_INDICATOR, validityIndicator).build();
    }
  }
}
