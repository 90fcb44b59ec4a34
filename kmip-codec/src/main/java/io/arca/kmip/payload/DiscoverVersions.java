package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.ArrayList;
import java.util.List;

/**
 * KMIP 1.4 §4.26, 2.1 §6.1.19 Discover Versions: which protocol versions client and server share.
 */
public final class DiscoverVersions {
  private DiscoverVersions() {}

  /**
   * The versions the client supports, most preferred first; empty means "tell me all of yours".
   *
   * @param versions the client's versions
   */
  public record Request(List<ProtocolVersion> versions) {
    public Request {
      versions = List.copyOf(versions);
    }

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload) {
      Payloads.onlyFields(payload, "DiscoverVersions", Tag.PROTOCOL_VERSION);
      List<ProtocolVersion> versions = new ArrayList<>();
      for (TtlvStructure version :
          Payloads.all(payload, Tag.PROTOCOL_VERSION, TtlvStructure.class)) {
        versions.add(Payloads.protocolVersion(version));
      }
      return new Request(versions);
    }
  }

  /**
   * The versions both sides support, most preferred first.
   *
   * @param versions the shared versions
   */
  public record Response(List<ProtocolVersion> versions) {
    public Response {
      versions = List.copyOf(versions);
    }

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload) {
      Payloads.onlyFields(payload, "DiscoverVersions", Tag.PROTOCOL_VERSION);
      List<ProtocolVersion> versions = new ArrayList<>();
      for (TtlvStructure version :
          Payloads.all(payload, Tag.PROTOCOL_VERSION, TtlvStructure.class)) {
        versions.add(Payloads.protocolVersion(version));
      }
      return new Response(versions);
    }

    /** Encodes the response payload. */
    public TtlvStructure encode() {
      List<Ttlv> items = new ArrayList<>(versions.size());
      for (ProtocolVersion version : versions) {
        items.add(Payloads.protocolVersion(version));
      }
      return new TtlvStructure(Tag.RESPONSE_PAYLOAD.code(), items);
    }
  }
}
