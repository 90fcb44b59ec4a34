package io.arca.persistence;

/**
 * An update was based on a version that is no longer current (someone else updated or deleted the
 * object first); the caller re-reads and decides again.
 */
public final class ConcurrentUpdateException extends PersistenceException {
  private static final long serialVersionUID = 1L;

  public ConcurrentUpdateException(String uid, long expectedVersion) {
    super("object " + uid + " is no longer at version " + expectedVersion);
  }
}
