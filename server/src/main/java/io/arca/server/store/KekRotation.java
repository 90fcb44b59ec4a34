package io.arca.server.store;

import io.arca.kmip.ttlv.ByteString;
import io.arca.persistence.Blob;
import io.arca.persistence.JdbcAuditRepository;
import io.arca.persistence.JdbcKekRepository;
import io.arca.persistence.StoredAuditKey;
import io.arca.persistence.StoredKek;
import io.arca.persistence.WrappedRow;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Moves every row under the server KEK to another KEK while servers serve: {@code arca-server kek
 * rotate}. The new KEK is made (a local one: its file first, written and synced) and recorded as
 * current before any row names it, so servers learn it from the database (each re-reads the KEK
 * list within its key-cache recheck, and at once when a row names a KEK it has not opened). Rows
 * then move in batches, each batch one transaction of compare-and-set updates on the row's version
 * and KEK, so an object is at every moment under the old KEK or the new one, both recorded, and an
 * update made meanwhile is never lost (that row is read again in the next pass). A crash leaves
 * every row under one of the two; running the rotation again resumes it.
 *
 * <p>Rows wrapped by a client's wrapping key ({@code arca:wrapping-key-id}) are not touched: their
 * wrapping key is itself a row under the KEK, and moves.
 */
public final class KekRotation {
  /** What a rotation tells as it goes. */
  public interface Progress {
    /** {@code done} of {@code total} rows moved under {@code target} so far. */
    void moved(String target, long done, long total);
  }

  /** The outcome: the KEK everything is under now, and what each other KEK still wraps. */
  public record Result(String target, long moved, long remaining) {}

  private static final int MAX_PASSES = 120;
  private static final Duration PASS_PAUSE = Duration.ofSeconds(1);

  private final JdbcKekRepository keks;
  private final JdbcAuditRepository audit;
  private final KekRing ring;
  private final KekSource source;
  private final int batchSize;

  public KekRotation(
      JdbcKekRepository keks,
      JdbcAuditRepository audit,
      KekRing ring,
      KekSource source,
      int batchSize) {
    if (batchSize < 1 || batchSize > 10_000) {
      throw new IllegalArgumentException(
          "batch size " + batchSize + " (expected: 1 to 10,000 rows)");
    }
    this.keks = keks;
    this.audit = audit;
    this.ring = ring;
    this.source = source;
    this.batchSize = batchSize;
  }

  /**
   * Rotates to {@code to}: {@code local} (a new local KEK; if the current KEK is a local one that
   * an unfinished rotation made, that rotation resumes) or an {@code hsm::<slot>::<label>} key.
   */
  public Result rotateTo(String to, Progress progress) throws IOException, InterruptedException {
    String target = target(to);
    ring.refresh();
    long total = 0;
    for (String old : others(target)) {
      total += keks.countWrappedBy(old);
    }
    long moved = 0;
    long remaining = total;
    for (int pass = 1; remaining > 0 && pass <= MAX_PASSES; pass++) {
      if (pass > 1) {
        // Rows a server wrote under the old KEK before it saw the new one, or rows updated while
        // they were being moved: give the servers their recheck interval, then move them too.
        Thread.sleep(PASS_PAUSE.toMillis());
      }
      for (String old : others(target)) {
        moved += moveObjects(old, target, moved, total, progress);
        moved += moveAuditKeys(old, target);
      }
      remaining = 0;
      for (String old : others(target)) {
        remaining += keks.countWrappedBy(old);
      }
      total = Math.max(total, moved + remaining);
    }
    progress.moved(target, moved, total);
    return new Result(target, moved, remaining);
  }

  private String target(String to) throws IOException {
    List<StoredKek> recorded = keks.all();
    Optional<StoredKek> current = recorded.stream().filter(StoredKek::current).findFirst();
    if (to.equals("local")) {
      if (current.isPresent()
          && LocalKek.isLocalId(current.get().kekId())
          && others(current.get().kekId()).stream().anyMatch(id -> keks.countWrappedBy(id) > 0)) {
        return current.get().kekId();
      }
      LocalKek made = source.createLocal();
      register(made);
      return made.id();
    }
    Optional<StoredKek> known = recorded.stream().filter(k -> k.kekId().equals(to)).findFirst();
    if (known.isPresent()) {
      if (!known.get().inUse()) {
        throw new IllegalArgumentException(
            to + " was retired; a retired KEK is not used again (rotate to another key)");
      }
      if (!known.get().current()) {
        keks.makeCurrent(to);
      }
      return to;
    }
    if (LocalKek.isLocalId(to)) {
      throw new IllegalArgumentException(
          to + " is not a KEK of this database; use --to local to make a new local KEK");
    }
    register(source.open(to));
    return to;
  }

  private void register(KeyWrapper kek) {
    WrappedKey check = KekCheck.of(kek);
    if (!KekCheck.matches(kek, check)) {
      throw new IllegalStateException(kek.id() + " does not unwrap what it wraps; not using it");
    }
    keks.register(
        new StoredKek(
            kek.id(),
            Blob.copyOf(check.bytes().toByteArray()),
            check.mechanism(),
            source.madeBy(),
            Instant.now().toEpochMilli(),
            true,
            null));
  }

  /** The in-use KEKs other than {@code target}. */
  private List<String> others(String target) {
    return keks.all().stream()
        .filter(StoredKek::inUse)
        .map(StoredKek::kekId)
        .filter(id -> !id.equals(target))
        .toList();
  }

  private long moveObjects(String old, String target, long before, long total, Progress progress) {
    long moved = 0;
    String after = "";
    while (true) {
      List<WrappedRow> batch = keks.wrappedBy(old, after, batchSize);
      if (batch.isEmpty()) {
        return moved;
      }
      List<JdbcKekRepository.Rewrap> rewraps = new ArrayList<>(batch.size());
      for (WrappedRow row : batch) {
        WrappedKey rewrapped =
            rewrap(new WrappedKey(old, row.mechanism(), bytes(row.keyBlock())), target);
        rewraps.add(
            new JdbcKekRepository.Rewrap(
                row,
                rewrapped.wrappingKeyId(),
                rewrapped.mechanism(),
                Blob.copyOf(rewrapped.bytes().toByteArray())));
      }
      moved += keks.rewrap(rewraps);
      after = batch.get(batch.size() - 1).uid();
      progress.moved(target, before + moved, total);
    }
  }

  private long moveAuditKeys(String old, String target) {
    long moved = 0;
    for (String name : List.of(StoredAuditKey.CHAIN, StoredAuditKey.CHECKPOINT)) {
      Optional<StoredAuditKey> stored = audit.key(name).filter(k -> k.kekId().equals(old));
      if (stored.isEmpty()) {
        continue;
      }
      WrappedKey rewrapped =
          rewrap(
              new WrappedKey(old, stored.get().mechanism(), bytes(stored.get().wrapped())), target);
      if (keks.rewrapAuditKey(
          name,
          old,
          rewrapped.wrappingKeyId(),
          rewrapped.mechanism(),
          Blob.copyOf(rewrapped.bytes().toByteArray()))) {
        moved++;
      }
    }
    return moved;
  }

  private WrappedKey rewrap(WrappedKey wrapped, String target) {
    ByteString clear = ring.unwrap(wrapped);
    try {
      WrappedKey rewrapped = ring.wrapWith(target, clear);
      if (!rewrapped.wrappingKeyId().equals(target)) {
        throw new IllegalStateException("wrapped by " + rewrapped.wrappingKeyId());
      }
      return rewrapped;
    } finally {
      clear.wipe();
    }
  }

  private static ByteString bytes(Blob blob) {
    return ByteString.copyOf(blob.toByteArray());
  }
}
