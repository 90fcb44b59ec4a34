package io.arca.server.crypto;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.Key;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The JCA key objects of asymmetric keys, parsed once per version of a managed object: turning the
 * stored key block into an RSAPrivateCrtKey (or an EC or Ed25519 key) costs a TTLV decode, a format
 * conversion and a KeyFactory parse, more than the signature itself for EC and Ed25519.
 *
 * <p>Entries are keyed by the object's identifier and checked against the version of the record the
 * handler just resolved, so any change to the object (a state change, Destroy, a change made by
 * another server) makes the cached key unusable: the next use parses the new version and replaces
 * it. Bounded in entries and idle time like the store's key cache. Unlike that cache, JCA key
 * objects cannot be zeroed (BigIntegers, provider-internal copies): a dropped entry becomes
 * garbage, which is the same lifetime JCA keys have in any case. Callers must check state, access
 * and usage before asking for a key, since this cache does not.
 */
public final class JcaKeyCache {
  private record Entry(long version, Key key) {
    @Override
    public String toString() {
      return "JcaKeyCache.Entry[v" + version + " " + key.getAlgorithm() + "]";
    }
  }

  private final Cache<String, Entry> cache;

  /** A cache of at most {@code maxEntries} keys, each dropped after {@code idle} unused. */
  public JcaKeyCache(long maxEntries, Duration idle) {
    this.cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterAccess(idle).build();
  }

  /**
   * The {@code type} key (PrivateKey or PublicKey) of version {@code version} of {@code uid}, from
   * {@code load} if it is not cached at that version.
   */
  public <K extends Key> K get(
      String uid, long version, Class<K> type, Supplier<? extends K> load) {
    String id = type.getSimpleName() + ":" + uid;
    Entry entry = cache.getIfPresent(id);
    if (entry != null && entry.version() == version && type.isInstance(entry.key())) {
      return type.cast(entry.key());
    }
    K key = load.get();
    cache.put(id, new Entry(version, key));
    return key;
  }

  /** Keys currently cached (for tests and metrics). */
  public long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }
}
