package io.arca.server.store;

import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The port the operation handlers use for managed objects, whatever holds them. Methods block
 * (database, HSM) and run on the worker pool, except {@link #findCached} and {@link
 * #contentInMemory}, which answer from memory or not at all and may be asked on an event loop.
 * Failures a client should see are {@link io.arca.kmip.KmipException}s.
 */
public interface ObjectStore {

  /**
   * Stores a new object with its plaintext content, wrapped at rest under the draft's wrapping key
   * or the server KEK. Returns only once the object is durable, at version 1. The caller still owns
   * (and wipes) {@code content}.
   */
  ObjectRecord create(ObjectRecord draft, TtlvStructure content);

  /** The object's metadata, or empty if there is none. */
  Optional<ObjectRecord> find(String uid);

  /**
   * The object's metadata if it is at hand without blocking and known to be current (a cached,
   * recently confirmed record), else empty. Empty says nothing of whether the object exists.
   */
  default Optional<ObjectRecord> findCached(String uid) {
    return Optional.empty();
  }

  /**
   * The object's metadata as the place that keeps it has it now: like {@link #find}, but a cached
   * record is always confirmed there, so that this costs one read whether the object is cached, not
   * cached or missing.
   */
  default Optional<ObjectRecord> findConfirmed(String uid) {
    return find(uid);
  }

  /**
   * The object's plaintext content, a copy the caller must close; empty if the object does not
   * exist or has no content any more (destroyed).
   */
  Optional<ObjectContent> content(String uid);

  /**
   * The object's plaintext content if it is at hand without blocking (a confirmed cached record
   * whose key material was unwrapped already), else empty; never reads, unwraps or waits. Empty
   * says nothing of whether the object exists. The caller closes the copy.
   */
  default Optional<ObjectContent> contentInMemory(String uid) {
    return Optional.empty();
  }

  /**
   * Applies {@code change} to the current record and stores the result, repeating with the newer
   * record when another writer got there first, so no update is lost. {@code change} may run more
   * than once and must not have side effects; it may throw a {@link io.arca.kmip.KmipException} to
   * refuse. A result without content erases the stored key material. Cached copies are dropped
   * before this returns.
   *
   * @throws io.arca.kmip.KmipException Item Not Found if there is no such object
   */
  ObjectRecord update(String uid, UnaryOperator<ObjectRecord> change);

  /**
   * Re-wraps the object's stored material under {@code wrappingKeyId} (a managed key; null: the
   * server KEK) and applies {@code change} to its record, in one compare-and-set update: the row
   * holds the material under the old key or under the new one, never neither, and the plaintext
   * exists only in memory, wiped after. Repeated like {@link #update} when another writer got there
   * first.
   *
   * @throws io.arca.kmip.KmipException Item Not Found if there is no such object, Wrapping Object
   *     Not Found or Invalid Field if the key cannot wrap, Feature Not Supported for a store that
   *     keeps no wrapped material
   */
  default ObjectRecord rewrap(
      String uid, @Nullable String wrappingKeyId, UnaryOperator<ObjectRecord> change) {
    throw new KmipException(
        ResultReason.FEATURE_NOT_SUPPORTED,
        uid + " is not stored wrapped, so it cannot be re-wrapped");
  }

  /** Removes the object entirely (only to undo a create); false if there was none. */
  boolean delete(String uid);

  /** The uids matching {@code query}. */
  List<String> locate(ObjectQuery query);

  /**
   * How many objects of this store still hold key material wrapped by {@code keyId}: those its
   * destruction would make unreadable for good.
   */
  long wrappedBy(String keyId);

  /**
   * The defaults and constraints clients set for new objects, kept with this store's objects so
   * that every server sharing them applies the same; none for a store that keeps no settings.
   */
  default ClientSettings settings() {
    return ClientSettings.NONE;
  }
}
