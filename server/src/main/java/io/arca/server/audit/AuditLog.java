package io.arca.server.audit;

import io.arca.persistence.AuditEntry;
import org.jspecify.annotations.Nullable;

/** Where the batch processor sends one record per answered batch item. */
public interface AuditLog {
  /** Records nothing (tests and tools that audit elsewhere). */
  AuditLog NONE = entry -> {};

  /**
   * Makes the entry durable enough to answer its request (see {@link AuditWriter}); returns without
   * waiting for the database.
   *
   * @throws AuditUnavailableException if the record cannot be kept
   */
  void record(AuditEntry entry);

  /**
   * Whether {@link #record} returns without waiting for a disk or a database, so that a request may
   * be answered and recorded on the event loop.
   */
  default boolean recordsWithoutBlocking() {
    return true;
  }

  /**
   * Why operations must be refused now because their records could not be kept, or null when they
   * may run. Cheap: asked before every request.
   */
  default @Nullable String refusal() {
    return null;
  }
}
