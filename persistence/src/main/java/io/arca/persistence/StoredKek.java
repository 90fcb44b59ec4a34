package io.arca.persistence;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code keks}: a server KEK the database knows, and how to recognise it.
 *
 * @param kekId the identifier the object rows it wraps name
 * @param checkValue a fixed text wrapped by this KEK, which only the same key unwraps
 * @param checkMechanism how {@code checkValue} was wrapped
 * @param madeBy the server (host and data directory) that registered it
 * @param createdAt when it was registered, epoch milliseconds
 * @param current whether it wraps new objects (one KEK at a time)
 * @param retiredAt when it was retired (it then wraps nothing), or null
 */
public record StoredKek(
    String kekId,
    Blob checkValue,
    String checkMechanism,
    String madeBy,
    long createdAt,
    boolean current,
    @Nullable Long retiredAt) {
  public StoredKek {
    Objects.requireNonNull(kekId, "kekId");
    Objects.requireNonNull(checkValue, "checkValue");
    Objects.requireNonNull(checkMechanism, "checkMechanism");
    Objects.requireNonNull(madeBy, "madeBy");
  }

  /** Whether it may still wrap stored objects, so a server must be able to open it. */
  public boolean inUse() {
    return retiredAt == null;
  }
}
