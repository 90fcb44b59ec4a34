package io.arca.kmip.payload;

import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the server's KEK rotation stands (docs/OPERATIONS.md), as the Rotate KEK and KEK Status
 * extensions answer it: flat fields of their response payloads.
 *
 * @param state {@code none} (no rotation since the server started), {@code running}, {@code
 *     finished}, {@code unfinished} (rows remain under other KEKs) or {@code failed}
 * @param target the KEK rows are moving to, or null when none was started
 * @param moved rows moved so far
 * @param total rows to move, as far as known
 * @param message why a rotation failed or did not finish, or null
 */
public record KekRotationProgress(
    String state, @Nullable String target, long moved, long total, @Nullable String message) {
  /** No rotation since the server started. */
  public static final KekRotationProgress NONE = new KekRotationProgress("none", null, 0, 0, null);

  public KekRotationProgress {
    Objects.requireNonNull(state, "state");
  }

  static @Nullable KekRotationProgress read(Fields fields) {
    String state = fields.text(Tag.ARCA_ROTATION_STATE);
    String target = fields.text(Tag.ARCA_KEK_ID);
    Long moved = fields.longInteger(Tag.ARCA_ROWS_MOVED);
    Long total = fields.longInteger(Tag.ARCA_ROWS_TOTAL);
    String message = fields.text(Tag.ARCA_MESSAGE);
    if (state == null) {
      return null;
    }
    return new KekRotationProgress(
        state, target, moved == null ? 0 : moved, total == null ? 0 : total, message);
  }

  StructureBuilder write(StructureBuilder builder) {
    return builder
        .text(Tag.ARCA_ROTATION_STATE, state)
        .text(Tag.ARCA_KEK_ID, target)
        .longInteger(Tag.ARCA_ROWS_MOVED, moved)
        .longInteger(Tag.ARCA_ROWS_TOTAL, total)
        .text(Tag.ARCA_MESSAGE, message);
  }
}
