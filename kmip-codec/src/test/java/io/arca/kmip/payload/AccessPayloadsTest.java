package io.arca.kmip.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Arca access extension payloads round-trip, and refuse what docs/ACCESS.md does not allow. */
class AccessPayloadsTest {
  private static final ProtocolVersion V = ProtocolVersion.V1_4;

  @Test
  void grantAccessRoundTrips() {
    AccessGrant grant = new AccessGrant("user1", "k-1", Set.of(Operation.GET, Operation.ENCRYPT));
    TtlvStructure payload = new GrantAccess.Request(grant).encode(V);
    assertThat(GrantAccess.Request.decode(payload, V).grant()).isEqualTo(grant);
    assertThat(RevokeAccess.Request.decode(payload, V).grant()).isEqualTo(grant);
  }

  @Test
  void serverGrantHasNoUniqueIdentifier() {
    AccessGrant grant = new AccessGrant("*", null, Set.of(Operation.CREATE));
    TtlvStructure payload = new GrantAccess.Request(grant).encode(V);
    assertThat(payload.items())
        .extracting(i -> i.tag())
        .doesNotContain(Tag.UNIQUE_IDENTIFIER.code());
    assertThat(GrantAccess.Request.decode(payload, V).grant().uniqueIdentifier()).isNull();
  }

  @Test
  void vendorTagsAreOnTheWireInThe54Range() {
    TtlvStructure payload =
        new GrantAccess.Request(new AccessGrant("u", null, Set.of(Operation.GET))).encode(V);
    ByteBuf out = Unpooled.buffer();
    try {
      TtlvWriter.write(payload, out);
      // Request Payload header (8 bytes), then the first field: Arca User, tag 0x540001.
      assertThat(out.getMedium(8)).isEqualTo(0x540001);
    } finally {
      out.release();
    }
    assertThat(Tag.byCode(0x540001)).isEqualTo(Tag.ARCA_USER);
    assertThat(Operation.byValue(0x80000001)).isEqualTo(Operation.GRANT_ACCESS);
  }

  @Test
  void grantWithoutOperationsIsRefused() {
    TtlvStructure payload =
        StructureBuilder.of(Tag.REQUEST_PAYLOAD).text(Tag.ARCA_USER, "u").build();
    assertThatThrownBy(() -> GrantAccess.Request.decode(payload, V))
        .isInstanceOf(KmipException.class)
        .extracting(e -> ((KmipException) e).reason())
        .isEqualTo(ResultReason.INVALID_FIELD);
  }

  @Test
  void unknownOperationValueIsRefused() {
    TtlvStructure payload =
        StructureBuilder.of(Tag.REQUEST_PAYLOAD)
            .text(Tag.ARCA_USER, "u")
            .enumeration(Tag.OPERATION, 0x7777)
            .build();
    assertThatThrownBy(() -> GrantAccess.Request.decode(payload, V))
        .isInstanceOf(KmipException.class)
        .hasMessageContaining("0x7777");
  }

  @Test
  void listAccessRoundTrips() {
    ListAccess.Response response =
        new ListAccess.Response(
            "admin",
            List.of(new AccessGrant("user1", "k-1", Set.of(Operation.LOCATE))),
            List.of("k-2", "k-3"));
    assertThat(ListAccess.Response.decode(response.encode(V), V)).isEqualTo(response);
    ListAccess.Request request = new ListAccess.Request(null);
    assertThat(ListAccess.Request.decode(request.encode(V), V)).isEqualTo(request);
  }
}
