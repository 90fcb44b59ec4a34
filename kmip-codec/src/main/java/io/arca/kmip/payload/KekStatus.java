package io.arca.kmip.payload;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Arca's KEK Status extension operation (0x80000005, docs/OPERATIONS.md): the server administrator
 * reads every KEK of the database (as {@code arca-server kek status} prints them) and the progress
 * of this server's last KEK rotation. The request payload is empty.
 */
public final class KekStatus {
  private KekStatus() {}

  /** The (empty) request. */
  public record Request() {

    /** Decodes a request payload, which must be empty. */
    public static Request decode(TtlvStructure payload, ProtocolVersion version) {
      Payloads.onlyFields(payload, "KekStatus");
      return new Request();
    }

    /** Encodes the request payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      return Payloads.payload(true).build();
    }
  }

  /**
   * One KEK of the database.
   *
   * @param kekId its identifier ({@code local-...} or {@code hsm::<slot>::<label>})
   * @param state {@code current}, {@code previous} or {@code retired}
   * @param wrapped how many objects and audit keys it wraps
   */
  public record Kek(String kekId, String state, long wrapped) {
    public Kek {
      Objects.requireNonNull(kekId, "kekId");
      Objects.requireNonNull(state, "state");
    }

    static Kek fromStructure(TtlvStructure structure) {
      Fields fields = Fields.of(structure, "ArcaKek");
      Long wrapped = fields.longInteger(Tag.ARCA_WRAPPED_COUNT);
      Kek kek =
          new Kek(
              fields.requiredText(Tag.ARCA_KEK_ID),
              fields.requiredText(Tag.ARCA_KEK_STATE),
              wrapped == null ? 0 : wrapped);
      fields.finish();
      return kek;
    }

    TtlvStructure toStructure() {
      return StructureBuilder.of(Tag.ARCA_KEK)
          .text(Tag.ARCA_KEK_ID, kekId)
          .text(Tag.ARCA_KEK_STATE, state)
          .longInteger(Tag.ARCA_WRAPPED_COUNT, wrapped)
          .build();
    }
  }

  /**
   * The KEKs and the rotation.
   *
   * @param keks every KEK the database records, retired ones too
   * @param rotation this server's last rotation, or {@link KekRotationProgress#NONE}
   */
  public record Response(List<Kek> keks, KekRotationProgress rotation) {
    public Response {
      keks = List.copyOf(keks);
      Objects.requireNonNull(rotation, "rotation");
    }

    /** Decodes a response payload. */
    public static Response decode(TtlvStructure payload, ProtocolVersion version) {
      Fields fields = Fields.of(payload, "KekStatus");
      List<Kek> keks = new ArrayList<>();
      for (TtlvStructure kek : fields.repeated(Tag.ARCA_KEK, TtlvStructure.class)) {
        keks.add(Kek.fromStructure(kek));
      }
      KekRotationProgress rotation = KekRotationProgress.read(fields);
      fields.finish();
      return new Response(keks, rotation == null ? KekRotationProgress.NONE : rotation);
    }

    /** Encodes the response payload. */
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder = Payloads.payload(false);
      keks.forEach(kek -> builder.add(kek.toStructure()));
      return rotation.write(builder).build();
    }
  }
}
