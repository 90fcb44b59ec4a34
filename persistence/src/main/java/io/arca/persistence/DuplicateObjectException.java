package io.arca.persistence;

/** An insert named a unique identifier that is already stored. */
public final class DuplicateObjectException extends PersistenceException {
  private static final long serialVersionUID = 1L;

  public DuplicateObjectException(String uid, Throwable cause) {
    super("object already exists: " + uid, cause);
  }
}
