package io.arca.persistence;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The store of wrapped objects and their metadata; it never sees plaintext keys. Inserts are
 * acknowledged only once durable.
 */
public interface ObjectRepository {

  /**
   * Stores a new object at version 1, durably, and returns it as stored.
   *
   * @throws DuplicateObjectException if the uid is already stored
   * @throws DuplicateNameException if another object of its owner holds one of its unique names
   */
  StoredObject insert(StoredObject object);

  Optional<StoredObject> find(String uid);

  /**
   * The stored version of {@code uid}, or empty if there is none: one primary-key lookup, for
   * caches that must notice a change made by another server sharing the database.
   */
  OptionalLong currentVersion(String uid);

  /**
   * Replaces the row and attributes of {@code object.uid()} if it is still at {@code
   * object.version()}, and returns it at the next version.
   *
   * @throws ConcurrentUpdateException if the object changed or was deleted since that version
   * @throws DuplicateNameException if the update adds a unique name another object of its owner
   *     holds
   */
  StoredObject update(StoredObject object);

  /** Deletes the object and its attributes; false if there was none. */
  boolean delete(String uid);

  /**
   * How many objects still hold key material wrapped by {@code wrappingKeyId} (destroyed objects
   * hold none): the objects that key's destruction would make unreadable. Not indexed; for the rare
   * Destroy of a key.
   */
  long countWrappedBy(String wrappingKeyId);

  /** The uids matching {@code criteria}, answered by indexed SQL. */
  List<String> locate(ObjectCriteria criteria);
}
