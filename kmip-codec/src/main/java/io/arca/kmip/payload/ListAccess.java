package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Arca's List Access extension operation (0x80000003, docs/ACCESS.md): for an object, its owner and
 * who may do what with it; for the caller (no field), what they may use and what they own.
 */
public final class ListAccess {
  private ListAccess() {}

  /**
   * What to list.
   *
   * @param uniqueIdentifier the object whose grants to list, or null for the caller's own rights
   */
  public record Request(@Nullable String uniqueIdentifier) {

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "ListAccess");
      Request request = new Request(fields.text(Tag.UNIQUE_IDENTIFIER));
      fields.finish();
      return request;
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(true).text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier).build();
    }
  }

  /**
   * The answer.
   *
   * @param owner the object's owner (object listing), else null
   * @param grants the grants on the object, or the grants the caller holds
   * @param ownedObjects the objects the caller owns (caller listing), else empty
   */
  public record Response(
      @Nullable String owner, List<AccessGrant> grants, List<String> ownedObjects) {
    public Response {
      grants = List.copyOf(grants);
      ownedObjects = List.copyOf(ownedObjects);
    }

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "ListAccess");
      String owner = fields.text(Tag.ARCA_OWNER);
      List<AccessGrant> grants = new ArrayList<>();
      for (TtlvStructure grant : fields.repeated(Tag.ARCA_ACCESS_GRANT, TtlvStructure.class)) {
        grants.add(AccessGrant.fromStructure(grant));
      }
      List<String> owned = new ArrayList<>();
      for (TtlvTextString uid : fields.repeated(Tag.ARCA_OWNED_OBJECT, TtlvTextString.class)) {
        owned.add(uid.value());
      }
      fields.finish();
      return new Response(owner, grants, owned);
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder = Payloads.payload(false).text(Tag.ARCA_OWNER, owner);
      grants.forEach(grant -> builder.add(grant.toStructure()));
      ownedObjects.forEach(uid -> builder.text(Tag.ARCA_OWNED_OBJECT, uid));
      return builder.build();
    }
  }
}
