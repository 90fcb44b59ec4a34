package io.arca.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.ttlv.ByteString;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
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

  @Test
  void aReaderFromMemoryNeverWaitsForAnUnwrapInProgress() throws Exception {
    KeyCache.Entry entry = entry("slow");
    ByteString plaintext = ByteString.copyOf(TestObjects.keyBytes("slow"));
    CountDownLatch unwrapping = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try {
      Future<byte @Nullable []> first =
          worker.submit(
              () -> entry.plaintextCopy(wrapped -> slowly(plaintext, unwrapping, release)));
      assertThat(unwrapping.await(10, TimeUnit.SECONDS)).isTrue();

      // What the event loop asks while a worker unwraps (an HSM call may take seconds).
      Future<byte @Nullable []> fromMemory =
          ForkJoinPool.commonPool().submit(entry::plaintextIfUnwrapped);
      assertThat(fromMemory.get(5, TimeUnit.SECONDS)).as("not unwrapped yet").isNull();

      release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(TestObjects.keyBytes("slow"));
      assertThat(entry.plaintextIfUnwrapped()).isEqualTo(TestObjects.keyBytes("slow"));
    } finally {
      release.countDown();
      worker.shutdownNow();
    }
  }

  @Test
  void anEntryRemovedDuringItsUnwrapKeepsNoPlaintext() throws Exception {
    KeyCache cache = cacheOf(10);
    KeyCache.Entry entry = entry("gone");
    cache.get("gone", uid -> entry);
    ByteString plaintext = ByteString.copyOf(TestObjects.keyBytes("gone"));
    CountDownLatch unwrapping = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try {
      Future<byte @Nullable []> copy =
          worker.submit(
              () -> entry.plaintextCopy(wrapped -> slowly(plaintext, unwrapping, release)));
      assertThat(unwrapping.await(10, TimeUnit.SECONDS)).isTrue();

      cache.invalidate("gone");
      release.countDown();

      assertThat(copy.get(10, TimeUnit.SECONDS)).as("the reader tries again").isNull();
      assertThat(zeroed(plaintext)).isTrue();
      assertThat(entry.plaintextIfUnwrapped()).isNull();
    } finally {
      release.countDown();
      worker.shutdownNow();
    }
  }

  /** An unwrap that takes as long as the test says. */
  private static ByteString slowly(
      ByteString plaintext, CountDownLatch unwrapping, CountDownLatch release) {
    unwrapping.countDown();
    try {
      assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return plaintext;
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
