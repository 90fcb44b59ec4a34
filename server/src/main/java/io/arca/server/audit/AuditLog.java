package io.arca.server.audit;

import io.arca.persistence.AuditEntry;

/** Where the batch processor sends one record per answered batch item. */
public interface AuditLog {
  /** Records nothing (tests and tools that audit elsewhere). */
  AuditLog NONE = entry -> {};

  /**
   * Queues the entry for the chain; returns without waiting for it to be durable, and blocks only
   * while the queue is full.
   */
  void record(AuditEntry entry);
}
