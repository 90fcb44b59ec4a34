package io.arca.kmip.ttlv.text;

import io.arca.kmip.ItemType;
import io.arca.kmip.ttlv.Ttlv;
import org.jspecify.annotations.Nullable;

/**
 * What a reader makes of a {@code $NAME} placeholder (as in the OASIS test cases) in an item whose
 * type is neither Text String (where it stays text) nor Date-Time ({@code $NOW}, resolved against
 * the reader's clock). A conformance runner binds names from earlier responses here.
 */
@FunctionalInterface
public interface Placeholders {
  /** Refuses every placeholder: the reader reports Invalid Field. */
  Placeholders REFUSE = (tag, type, name) -> null;

  /**
   * The item to use for placeholder {@code name} (without the {@code $}) found in an item of this
   * tag and type, or null to refuse it. The result must have that tag and type.
   */
  @Nullable Ttlv resolve(int tag, ItemType type, String name);
}
