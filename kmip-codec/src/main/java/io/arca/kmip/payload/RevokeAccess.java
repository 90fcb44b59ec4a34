package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * Arca's Revoke Access extension operation (0x80000002, docs/ACCESS.md): takes operations out of a
 * grant; revoking what was never granted succeeds and changes nothing.
 */
public final class RevokeAccess {
  private RevokeAccess() {}

  /**
   * The grant to take away.
   *
   * @param grant who, on what, which operations
   */
  public record Request(AccessGrant grant) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      return new Request(GrantAccess.decodeGrant(payload, "RevokeAccess"));
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return grant.write(Payloads.payload(true)).build();
    }
  }

  /**
   * The object the grant was on.
   *
   * @param uniqueIdentifier the object, or null for the server
   */
  public record Response(@Nullable String uniqueIdentifier) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "RevokeAccess");
      Response response = new Response(fields.text(Tag.UNIQUE_IDENTIFIER));
      fields.finish();
      return response;
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier).build();
    }
  }
}
