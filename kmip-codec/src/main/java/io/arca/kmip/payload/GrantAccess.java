package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;
import org.jspecify.annotations.Nullable;

/**
 * Arca's Grant Access extension operation (0x80000001, docs/ACCESS.md): the owner of an object (or
 * the HSM administrator for an {@code hsm::} object, or a privileged user for the server's creation
 * rights) lets a user carry out some operations. Revoke Access has the same payloads.
 */
public final class GrantAccess {
  private GrantAccess() {}

  /**
   * The grant to add.
   *
   * @param grant who, on what, which operations
   */
  public record Request(AccessGrant grant) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      return new Request(decodeGrant(payload, "GrantAccess"));
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return grant.write(Payloads.payload(true)).build();
    }
  }

  /**
   * The object the grant is on.
   *
   * @param uniqueIdentifier the object, or null for the server
   */
  public record Response(@Nullable String uniqueIdentifier) {

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "GrantAccess");
      Response response = new Response(fields.text(Tag.UNIQUE_IDENTIFIER));
      fields.finish();
      return response;
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier).build();
    }
  }

  static AccessGrant decodeGrant(TtlvStructure payload, String operation) {
    Fields fields = Fields.of(payload, operation);
    AccessGrant grant = AccessGrant.read(fields);
    fields.finish();
    return grant;
  }
}
