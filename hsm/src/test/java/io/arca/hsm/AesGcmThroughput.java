package io.arca.hsm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures 64-byte AES-GCM encryptions per second through an {@link HsmSlot}; it reports, never
 * asserts.
 */
final class AesGcmThroughput {

  private AesGcmThroughput() {}

  static String measure(HsmSlot slot, String label, int threads, int warmup) throws Exception {
    byte[] data = new byte[64];
    byte[] aad = new byte[0];
    for (int i = 0; i < warmup; i++) {
      slot.encryptAesGcm(label, data, aad);
    }
    int perThread = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    slot.encryptAesGcm(label, data, aad);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long total = (long) threads * perThread;
      return String.format(
          "%s, %d thread(s), pool of %d sessions: %d encryptions in %.2f s = %.0f encryptions/s",
          slot.profile().name(),
          threads,
          slot.profile().maxSessions(),
          total,
          seconds,
          total / seconds);
    } finally {
      pool.shutdownNow();
    }
  }
}
