package io.arca.server.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.arca.kmip.ttlv.ByteString;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Objects recently used, with their key material unwrapped on first use, so that a warm key costs
 * no database read and no HSM call. Bounded in entries and idle time; every entry is zeroed when it
 * leaves, whether evicted, expired, replaced or invalidated.
 *
 * <p>Several servers may share one database, and another one may change or destroy an object. An
 * entry is therefore trusted for {@code recheck} (1 s by default) after it was last confirmed;
 * after that the store compares the stored version (one primary-key read) before using it. So a
 * change made elsewhere is seen within that bound, and changes made here are seen at once (the
 * store invalidates before it answers).
 */
final class KeyCache {

  /**
   * One object: its record and wrapped material as stored, and the plaintext once unwrapped. The
   * plaintext is only ever copied out under the entry's lock, so a copy is never taken from a wiped
   * entry; that lock is never held while unwrapping.
   */
  static final class Entry {
    final ObjectRecord record;
    final @Nullable WrappedKey wrapped;
    private volatile long confirmedAt;

    /** Held across the unwrap, so that concurrent first readers unwrap once. */
    private final Object unwrapping = new Object();

    // Guarded by this entry's monitor, which is never held across an unwrap.
    private @Nullable ByteString plaintext;
    private boolean wiped;

    Entry(ObjectRecord record, @Nullable WrappedKey wrapped, long now) {
      this.record = record;
      this.wrapped = wrapped;
      this.confirmedAt = now;
    }

    /**
     * A copy of the plaintext, unwrapping it first (once, whoever else is waiting) if needed; null
     * if the entry was wiped meanwhile or has no material. The caller wipes the copy.
     */
    byte @Nullable [] plaintextCopy(Function<WrappedKey, ByteString> unwrap) {
      synchronized (unwrapping) {
        WrappedKey material;
        synchronized (this) {
          if (wiped || wrapped == null) {
            return null;
          }
          if (plaintext != null) {
            return plaintext.toByteArray();
          }
          material = wrapped;
        }
        ByteString clear = unwrap.apply(material);
        synchronized (this) {
          if (wiped) {
            // Removed while it was being unwrapped: nothing may keep the plaintext.
            clear.wipe();
            return null;
          }
          plaintext = clear;
          return clear.toByteArray();
        }
      }
    }

    /**
     * A copy of the plaintext if it was unwrapped already, else null; it never unwraps, nor waits
     * for another reader's unwrap (an HSM call), so the event loop may ask. The caller wipes it.
     */
    synchronized byte @Nullable [] plaintextIfUnwrapped() {
      return wiped || plaintext == null ? null : plaintext.toByteArray();
    }

    synchronized void wipe() {
      wiped = true;
      if (plaintext != null) {
        plaintext.wipe();
        plaintext = null;
      }
    }

    @Override
    public String toString() {
      return "KeyCache.Entry[" + record.uid() + " v" + record.version() + "]";
    }
  }

  private final Cache<String, Entry> cache;
  private final Ticker ticker;
  private final long recheckNanos;

  KeyCache(KeyCacheSettings settings, Ticker ticker) {
    this.ticker = ticker;
    this.recheckNanos = settings.recheck().toNanos();
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(settings.maxEntries())
            .expireAfterAccess(settings.idleTimeout())
            .ticker(ticker)
            // Hits, misses and evictions for the metrics endpoint: a few LongAdder increments.
            .recordStats()
            // Notifications run on the thread that removed the entry, so the wipe is done by the
            // time invalidate() returns.
            .executor(Runnable::run)
            .removalListener(
                (@Nullable String uid, @Nullable Entry entry, RemovalCause cause) -> wipe(entry))
            .build();
  }

  private static void wipe(@Nullable Entry entry) {
    if (entry != null) {
      entry.wipe();
    }
  }

  long now() {
    return ticker.read();
  }

  /** The cached entry, or null; it may be stale (see {@link #isConfirmed}). */
  @Nullable Entry getIfPresent(String uid) {
    return cache.getIfPresent(uid);
  }

  /**
   * The entry for {@code uid}, loaded by {@code loader} if absent; concurrent callers for the same
   * uid wait for one load. Null when the loader finds nothing (nothing is cached then).
   */
  @Nullable Entry get(String uid, Function<String, @Nullable Entry> loader) {
    return cache.get(uid, loader);
  }

  /** True while the entry is within its recheck interval. */
  boolean isConfirmed(Entry entry) {
    return now() - entry.confirmedAt <= recheckNanos;
  }

  /** Records that the stored version still matches the entry. */
  void confirm(Entry entry) {
    entry.confirmedAt = now();
  }

  /** Drops {@code entry} if it is still the cached one (a newer entry is left alone). */
  void invalidate(String uid, Entry entry) {
    cache.asMap().remove(uid, entry);
  }

  /** Drops (and wipes) whatever is cached for {@code uid}. */
  void invalidate(String uid) {
    cache.invalidate(uid);
  }

  /** Drops and wipes everything (at shutdown). */
  void clear() {
    cache.invalidateAll();
    cache.cleanUp();
  }

  /** Runs pending maintenance (evictions) now. */
  void cleanUp() {
    cache.cleanUp();
  }

  /** Hits, misses and evictions since start. */
  CacheStats stats() {
    return cache.stats();
  }

  long size() {
    return cache.estimatedSize();
  }
}
