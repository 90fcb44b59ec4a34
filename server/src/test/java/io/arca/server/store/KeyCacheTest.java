package io.arca.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.ttlv.ByteString;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyCacheTest {
  private final AtomicLong nanos = new AtomicLong();

  private static KeyCache.Entry entry(String uid) {
    return new KeyCache.Entry(
        TestObjects.aesDraft(uid, null),
        new WrappedKey("kek", WrappedKey.AES_KWP, ByteString.copyOf(new byte[] {1})),
        0);
  }

  /** Loads {@code entry} and unwraps it to {@code plaintext}, which the test keeps a hold of. */
  private static void warm(KeyCache cache, KeyCache.Entry entry, ByteString plaintext) {
    cache.get(entry.record.uid(), uid -> entry);
    byte[] copy = entry.plaintextCopy(wrapped -> plaintext);
    assertThat(copy).isEqualTo(TestObjects.keyBytes(entry.record.uid()));
  }

  @Test
  void invalidatedEntriesAreZeroedAndHandOutNothingMore() {
    KeyCache cache = cacheOf(10);
    KeyCache.Entry entry = entry("a");
    ByteString plaintext = ByteString.copyOf(TestObjects.keyBytes("a"));
    warm(cache, entry, plaintext);

    cache.invalidate("a");

    assertThat(zeroed(plaintext)).isTrue();
    assertThat(entry.plaintextCopy(wrapped -> ByteString.copyOf(new byte[] {9}))).isNull();
    assertThat(cache.getIfPresent("a")).isNull();
  }

  private KeyCache cacheOf(long maxEntries) {
    return new KeyCache(
        new KeyCacheSettings(maxEntries, Duration.ofMinutes(1), Duration.ofSeconds(1)), nanos::get);
  }

  private static ByteString warmed(KeyCache cache, String uid) {
    ByteString plaintext = ByteString.copyOf(TestObjects.keyBytes(uid));
    warm(cache, entry(uid), plaintext);
    return plaintext;
  }

  private static boolean zeroed(ByteString bytes) {
    for (byte b : bytes.toByteArray()) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  @Test
  void clearingZeroesEveryEntry() {
    KeyCache cache = cacheOf(10);
    ByteString first = warmed(cache, "first");
    ByteString second = warmed(cache, "second");

    cache.clear();

    assertThat(zeroed(first)).isTrue();
    assertThat(zeroed(second)).isTrue();
  }

  @Test
  void idleEntriesExpireZeroed() {
    KeyCache cache = cacheOf(10);
    ByteString idle = warmed(cache, "idle");

    nanos.addAndGet(Duration.ofMinutes(2).toNanos());

    assertThat(cache.getIfPresent("idle")).isNull();
    assertThat(zeroed(idle)).isTrue();
  }

  @Test
  void aFullCacheEvictsOneEntryZeroedAndKeepsTheOther() {
    KeyCache cache = cacheOf(1);
    ByteString first = warmed(cache, "first");
    ByteString second = warmed(cache, "second");

    cache.cleanUp();

    assertThat(cache.size()).isEqualTo(1);
    assertThat(zeroed(first) ^ zeroed(second)).isTrue();
  }

  @Test
  void anEntryIsConfirmedOnlyWithinTheRecheckInterval() {
    KeyCache cache = new KeyCache(KeyCacheSettings.DEFAULTS, nanos::get);
    KeyCache.Entry entry = entry("r");
    assertThat(cache.isConfirmed(entry)).isTrue();
    nanos.addAndGet(Duration.ofMillis(1001).toNanos());
    assertThat(cache.isConfirmed(entry)).isFalse();
    cache.confirm(entry);
    assertThat(cache.isConfirmed(entry)).isTrue();
  }
}
