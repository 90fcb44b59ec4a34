package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * KMIP 1.4 §4.20, 2.1 §6.1.44 Revoke: takes an object out of use, for a reason; a compromise also
 * says since when.
 */
public final class Revoke {
  private Revoke() {}

  /**
   * KMIP 1.4 §3.31, 2.1 §4.47 Revocation Reason: a Revocation Reason Code and an optional text.
   *
   * @param revocationReasonCode the Revocation Reason Code enumeration value
   * @param revocationMessage a free text, or null
   */
  public record RevocationReason(int revocationReasonCode, @Nullable String revocationMessage) {

    /** Decodes a Revocation Reason structure. */
    public static RevocationReason decode(TtlvStructure structure) {
      Fields fields = Fields.of(structure, "RevocationReason");
      RevocationReason reason =
          new RevocationReason(
              fields.requiredEnumeration(Tag.REVOCATION_REASON_CODE),
              fields.text(Tag.REVOCATION_MESSAGE));
      fields.finish();
      return reason;
    }

    /** Encodes the structure. */
    public TtlvStructure encode() {
      return StructureBuilder.of(Tag.REVOCATION_REASON)
          .enumeration(Tag.REVOCATION_REASON_CODE, revocationReasonCode)
          .text(Tag.REVOCATION_MESSAGE, revocationMessage)
          .build();
    }
  }

  /**
   * What to revoke and why.
   *
   * @param uniqueIdentifier the object, or null for the ID Placeholder
   * @param revocationReason why
   * @param compromiseOccurrenceDate when a compromise happened, in epoch seconds, or null
   */
  public record Request(
      @Nullable String uniqueIdentifier,
      RevocationReason revocationReason,
      @Nullable Long compromiseOccurrenceDate) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "Revoke");
      Request request =
          new Request(
              fields.text(Tag.UNIQUE_IDENTIFIER),
              RevocationReason.decode(fields.required(Tag.REVOCATION_REASON, TtlvStructure.class)),
              fields.dateTime(Tag.COMPROMISE_OCCURRENCE_DATE));
      fields.finish();
      return request;
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(true)
          .text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
          .add(revocationReason.encode())
          .dateTime(Tag.COMPROMISE_OCCURRENCE_DATE, compromiseOccurrenceDate)
          .build();
    }
  }

  /**
   * The object revoked.
   *
   * @param uniqueIdentifier the object
   */
  public record Response(String uniqueIdentifier) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      return new Response(Payloads.requiredIdOnly(payload, "Revoke"));
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.idPayload(false, uniqueIdentifier);
    }
  }
}
