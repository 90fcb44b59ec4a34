package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;

/**
 * The Ticket structure (KMIP 2.0 §7.39, 2.1 §7.39) that Login and Delegated Login return and a
 * Ticket credential or Logout presents. Its value is a secret: {@link ByteString#toString()} shows
 * only its length.
 *
 * @param ticketType the Ticket Type enumeration value
 * @param value the Ticket Value
 */
public record Ticket(int ticketType, ByteString value) {

  /** Reads a Ticket structure, or the same two fields directly inside {@code structure}. */
  public static Ticket decode(TtlvStructure structure, ProtocolVersion version) {
    Fields fields = Fields.of(structure, "Ticket");
    Ticket ticket =
        new Ticket(
            fields.requiredEnumeration(Tag.TICKET_TYPE), fields.requiredBytes(Tag.TICKET_VALUE));
    fields.finish();
    return ticket;
  }

  /** The Ticket structure. */
  public TtlvStructure encode(ProtocolVersion version) {
    return StructureBuilder.of(Tag.TICKET)
        .enumeration(Tag.TICKET_TYPE, ticketType)
        .bytes(Tag.TICKET_VALUE, value)
        .build();
  }

  /** The single Ticket structure of a payload. */
  static Ticket requiredIn(Fields fields, ProtocolVersion version) {
    return decode(fields.required(Tag.TICKET, TtlvStructure.class), version);
  }
}
