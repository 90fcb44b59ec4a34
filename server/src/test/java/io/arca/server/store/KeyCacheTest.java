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
    KeyCache cache = new KeyCache(KeyCacheSettings.DEFAULTS, nanos::get);
    KeyCache.Entry entry = entry("a");
    ByteString plaintext = ByteString.copyOf(TestObjects.keyBytes("a"));
    warm(cache, entry, plaintext);

    cache.invalidate("a");

    assertThat(plaintext.toByteArray()).containsOnly(0);
    assertThat(entry.plaintextCopy(wrapped -> ByteString.copyOf(new byte[] {9}))).isNull();
    assertThat(cache.getIfPresent("a")).isNull();
  }

  @Test
  void entriesEvictedForSpaceOrIdlenessAreZeroed() {
    KeyCache cache =
        new KeyCache(
            new KeyCacheSettings(1, Duration.ofMinutes(1), Duration.ofSeconds(1)), nanos::get);
    ByteString first = ByteString.copyOf(TestObjects.keyBytes("first"));
    warm(cache, entry("first"), first);
    ByteString second = ByteString.copyOf(TestObjects.keyBytes("second"));
    warm(cache, entry("second"), second);

    cache.clear();
    assertThat(first.toByteArray()).containsOnly(0);
    assertThat(second.toByteArray()).containsOnly(0);

    ByteString idle = ByteString.copyOf(TestObjects.keyBytes("idle"));
    warm(cache, entry("idle"), idle);
    nanos.addAndGet(Duration.ofMinutes(2).toNanos());
    assertThat(cache.getIfPresent("idle")).isNull();
    assertThat(idle.toByteArray()).containsOnly(0);
  }

  @Test
  void aCapacityOfOneKeepsOnlyTheNewestAndWipesTheOther() {
    KeyCache cache =
        new KeyCache(
            new KeyCacheSettings(1, Duration.ofMinutes(1), Duration.ofSeconds(1)), nanos::get);
    ByteString first = ByteString.copyOf(TestObjects.keyBytes("first"));
    warm(cache, entry("first"), first);
    ByteString second = ByteString.copyOf(TestObjects.keyBytes("second"));
    warm(cache, entry("second"), second);
    cache.cleanUp();

    assertThat(cache.size()).isEqualTo(1);
    boolean firstWiped = first.toByteArray()[0] == 0 && first.toByteArray()[31] == 0;
    boolean secondWiped = second.toByteArray()[0] == 0 && second.toByteArray()[31] == 0;
    assertThat(firstWiped ^ secondWiped).isTrue();
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
