package io.arca.server.store;

import io.arca.persistence.JdbcAuditRepository;
import io.arca.persistence.JdbcKekRepository;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KEK rotations a running server carries out for its administrators (the Rotate KEK extension):
 * the same {@link KekRotation} as {@code arca-server kek rotate}, over the server's own KEK ring,
 * on one background thread, one rotation at a time. A server stopped halfway leaves every row under
 * the old KEK or the new one; the rotation resumes when asked again, here or by the tool.
 */
public final class KekRotations implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KekRotations.class);

  /**
   * Where the last rotation stands.
   *
   * @param state {@code none}, {@code running}, {@code finished}, {@code unfinished} or {@code
   *     failed}
   * @param target the KEK rows move to, or null before any rotation
   * @param moved rows moved so far
   * @param total rows to move, as far as known
   * @param message why it failed or did not finish, or null
   */
  public record Status(
      String state, @Nullable String target, long moved, long total, @Nullable String message) {
    /** No rotation since the server started. */
    public static final Status NONE = new Status("none", null, 0, 0, null);
  }

  /**
   * A KEK of the database.
   *
   * @param id its identifier
   * @param state current, previous or retired
   * @param wrapped the objects and audit keys it wraps
   */
  public record Kek(String id, String state, long wrapped) {}

  private final JdbcKekRepository keks;
  private final JdbcAuditRepository audit;
  private final KekRing ring;
  private final KekSource source;
  private final int batchSize;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          work -> {
            Thread thread = new Thread(work, "arca-kek-rotation");
            thread.setDaemon(true);
            return thread;
          });
  private volatile Status status = Status.NONE;
  private @Nullable Future<?> running;

  /** Rotations of the server's {@code ring}, in batches of {@code batchSize} rows. */
  public KekRotations(
      JdbcKekRepository keks,
      JdbcAuditRepository audit,
      KekRing ring,
      KekSource source,
      int batchSize) {
    this.keks = keks;
    this.audit = audit;
    this.ring = ring;
    this.source = source;
    this.batchSize = batchSize;
  }

  /**
   * Starts rotating to {@code to} ({@code local} or {@code hsm::<slot>::<label>}) unless a rotation
   * runs already, which then goes on unchanged.
   *
   * @return the rotation running now
   */
  public synchronized Status start(String to) {
    if (running != null && !running.isDone()) {
      return status;
    }
    status = new Status("running", to, 0, 0, null);
    running = runner.submit(() -> run(to));
    return status;
  }

  /** The last rotation started on this server. */
  public Status status() {
    return status;
  }

  /** Every KEK the database records, with what each wraps. */
  public List<Kek> keks() {
    return keks.all().stream()
        .map(
            kek ->
                new Kek(
                    kek.kekId(),
                    kek.current() ? "current" : kek.inUse() ? "previous" : "retired",
                    keks.countWrappedBy(kek.kekId())))
        .toList();
  }

  private void run(String to) {
    try {
      KekRotation.Result result =
          new KekRotation(keks, audit, ring, source, batchSize)
              .rotateTo(
                  to,
                  (target, done, total) ->
                      status = new Status("running", target, done, total, null));
      long total = result.moved() + result.remaining();
      status =
          result.remaining() == 0
              ? new Status("finished", result.target(), result.moved(), total, null)
              : new Status(
                  "unfinished",
                  result.target(),
                  result.moved(),
                  total,
                  result.remaining()
                      + " rows are still under other KEKs (a server that cannot open "
                      + result.target()
                      + " keeps wrapping under the old one); rotate again");
      log.info("KEK rotation to {}: {}", result.target(), status);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = failed(to, "interrupted (the server stopped); rotate again to resume");
    } catch (IOException | RuntimeException e) {
      log.warn("KEK rotation to {} failed: {}", to, e.getMessage(), e);
      status = failed(to, String.valueOf(e.getMessage()));
    }
  }

  private Status failed(String to, String why) {
    Status last = status;
    return new Status(
        "failed", last.target() == null ? to : last.target(), last.moved(), last.total(), why);
  }

  /** Interrupts a rotation in progress (it resumes when asked again) and waits for it briefly. */
  @Override
  public void close() {
    runner.shutdownNow();
    try {
      if (!runner.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("the KEK rotation did not stop within 10 s; the database closes under it");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
