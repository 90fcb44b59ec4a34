package io.arca.persistence;

import java.util.Objects;

/**
 * An object's wrapped key block as a KEK rotation reads it: which key wrapped it, and the version
 * it had, so that re-wrapping it loses no update made meanwhile.
 */
public record WrappedRow(
    String uid, long version, String wrappingKeyId, String mechanism, Blob keyBlock) {
  public WrappedRow {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(wrappingKeyId, "wrappingKeyId");
    Objects.requireNonNull(mechanism, "mechanism");
    Objects.requireNonNull(keyBlock, "keyBlock");
  }
}
