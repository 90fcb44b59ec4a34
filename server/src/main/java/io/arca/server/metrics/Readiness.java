package io.arca.server.metrics;

import io.arca.hsm.HsmSlot;
import io.arca.kmip.ttlv.ByteString;
import io.arca.persistence.Database;
import io.arca.server.store.KeyWrapper;
import io.arca.server.store.WrappedKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether the server can do its work now, for {@code /readyz}: the database answers, every HSM
 * slot's token is there (logged in, not lost), and the server KEK wraps and unwraps a throw-away
 * key. Each check says what failed; none throws.
 */
public final class Readiness {
  private static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(2);

  private final Database database;
  private final List<HsmSlot> slots;
  private final KeyWrapper kek;
  private final SecureRandom random = new SecureRandom();

  /** Checks of this database, these HSM slots (none without an HSM) and this KEK. */
  public Readiness(Database database, List<HsmSlot> slots, KeyWrapper kek) {
    this.database = database;
    this.slots = List.copyOf(slots);
    this.kek = kek;
  }

  /** What is not ready now; empty when all is. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!database.reachable(DATABASE_TIMEOUT)) {
      problems.add("database: does not answer");
    }
    for (HsmSlot slot : slots) {
      if (!slot.available()) {
        problems.add("HSM slot " + slot.id() + ": token unavailable");
      }
    }
    String kekProblem = kekProblem();
    if (kekProblem != null) {
      problems.add("KEK " + kek.id() + ": " + kekProblem);
    }
    return problems;
  }

  /** Wraps and unwraps a random key that nothing else uses; null when it comes back the same. */
  private @Nullable String kekProblem() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    ByteString probe = ByteString.copyOf(bytes);
    Arrays.fill(bytes, (byte) 0);
    try {
      WrappedKey wrapped = kek.wrap(probe);
      ByteString back = kek.unwrap(wrapped);
      try {
        return back.equals(probe) ? null : "unwrapping gave other bytes";
      } finally {
        back.wipe();
      }
    } catch (RuntimeException e) {
      return "cannot wrap and unwrap (" + e.getClass().getSimpleName() + ")";
    } finally {
      probe.wipe();
    }
  }
}
