package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.Objects;

/**
 * Arca's Deny Certificate extension operation (0x80000006, docs/OPERATIONS.md): the server
 * administrator adds a client certificate to the deny list ({@code --tls-deny-list}), which takes
 * effect at once for new handshakes and for open connections at their next request. Allow
 * Certificate (0x80000007) has the same payloads and removes the entry.
 */
public final class DenyCertificate {
  private DenyCertificate() {}

  /**
   * The certificate, as a line of the deny-list file names it: a SHA-256 fingerprint of the
   * certificate, or a hexadecimal serial followed by its issuer's DN or {@code sha256:} and the
   * issuing CA's fingerprint.
   *
   * @param entry the deny-list entry
   */
  public record Request(String entry) {
    public Request {
      Objects.requireNonNull(entry, "entry");
    }

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      return new Request(entryOf(payload));
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(true).text(Tag.ARCA_DENY_ENTRY, entry).build();
    }
  }

  /**
   * The entry as the server wrote it to the deny list, in its canonical form.
   *
   * @param entry the canonical entry
   */
  public record Response(String entry) {
    public Response {
      Objects.requireNonNull(entry, "entry");
    }

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      return new Response(entryOf(payload));
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(false).text(Tag.ARCA_DENY_ENTRY, entry).build();
    }
  }

  private static String entryOf(TtlvStructure payload) {
    Fields fields = Fields.of(payload, "DenyCertificate");
    String entry = fields.requiredText(Tag.ARCA_DENY_ENTRY);
    fields.finish();
    return entry;
  }
}
