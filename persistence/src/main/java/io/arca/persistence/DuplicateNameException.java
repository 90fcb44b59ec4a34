package io.arca.persistence;

/**
 * A write would give an object a name its owner's other object holds, where {@link UniqueNames}
 * makes names unique; nothing of it was stored.
 */
public final class DuplicateNameException extends PersistenceException {
  private static final long serialVersionUID = 1L;

  public DuplicateNameException(String uid, Throwable cause) {
    super("object " + uid + " has a name another object of its owner has", cause);
  }
}
