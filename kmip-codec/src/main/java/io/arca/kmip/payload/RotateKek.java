package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.Objects;

/**
 * Arca's Rotate KEK extension operation (0x80000004, docs/OPERATIONS.md): the server administrator
 * starts moving every stored object under a new server KEK, as {@code arca-server kek rotate} does;
 * the server answers at once with the rotation's progress and goes on in the background.
 */
public final class RotateKek {
  private RotateKek() {}

  /**
   * The KEK to rotate to.
   *
   * @param to {@code local} or {@code hsm::<slot>::<label>}
   */
  public record Request(String to) {
    public Request {
      Objects.requireNonNull(to, "to");
    }

    /** Decodes a request payload. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "RotateKek");
      Request request = new Request(fields.requiredText(Tag.ARCA_KEK_ID));
      fields.finish();
      return request;
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(true).text(Tag.ARCA_KEK_ID, to).build();
    }
  }

  /**
   * The rotation as it stands when the answer is written.
   *
   * @param progress the rotation started, or the one already running
   */
  public record Response(KekRotationProgress progress) {
    public Response {
      Objects.requireNonNull(progress, "progress");
    }

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "RotateKek");
      KekRotationProgress progress = KekRotationProgress.read(fields);
      fields.finish();
      if (progress == null) {
        throw fields.invalid("ArcaRotationState is missing");
      }
      return new Response(progress);
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return progress.write(Payloads.payload(false)).build();
    }
  }
}
