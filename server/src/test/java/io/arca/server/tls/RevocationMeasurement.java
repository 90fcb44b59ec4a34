package io.arca.server.tls;

import io.arca.server.config.ServerConfig;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The revocation figures of docs/SECURITY.md, run by hand (not a test): how long a CRL of 20,000
 * entries takes to read and check, and what the per-handshake lookup and the per-request generation
 * compare cost. Medians of interleaved rounds.
 */
public final class RevocationMeasurement {
  private static final int ENTRIES = 20_000;
  private static final int ROUNDS = 7;
  private static final int LOOKUPS = 200_000;

  private RevocationMeasurement() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("arca-revocation");
    TestPki pki = TestPki.create(dir, "Clients CA");
    TestPki.Issued kept = pki.client("kept");
    TestPki.Issued revoked = pki.client("revoked");
    BigInteger[] serials = new BigInteger[ENTRIES];
    for (int i = 0; i < ENTRIES - 1; i++) {
      serials[i] = BigInteger.valueOf(1_000_000_000L + i);
    }
    serials[ENTRIES - 1] = revoked.serial();
    Path crl = dir.resolve("big.crl");
    pki.writeCrl(crl, false, serials);
    ServerConfig.Revocation settings =
        new ServerConfig.Revocation(
            crl, null, false, null, false, ServerConfig.Revocation.REFRESH_INTERVAL);
    List<X509Certificate> cas = List.of(pki.ca);
    TestPki.Issued server = pki.server("server");
    ServerTls tls =
        ServerTls.start(
            new ServerConfig.Tls(
                server.certificateFile(), server.keyFile(), pki.caFile, null, settings),
            ServerConfig.Limits.REFUSAL_LOG_INTERVAL);

    long[] loads = new long[ROUNDS];
    long[] lookups = new long[ROUNDS];
    long[] compares = new long[ROUNDS];
    RevocationList list = RevocationList.load(settings, cas);
    X509Certificate[] keptChain = {kept.certificate()};
    X509Certificate[] revokedChain = {revoked.certificate()};
    long sink = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      list = RevocationList.load(settings, cas);
      loads[round] = System.nanoTime() - start;

      start = System.nanoTime();
      for (int i = 0; i < LOOKUPS; i++) {
        String why = list.refusal((i & 1) == 0 ? keptChain : revokedChain);
        sink += why == null ? 0 : 1;
      }
      lookups[round] = (System.nanoTime() - start) / LOOKUPS;

      // What RequestDispatcher does per request while nothing changed: two volatile reads.
      long checked = tls.revocation().generation() - 1;
      start = System.nanoTime();
      for (int i = 0; i < LOOKUPS; i++) {
        if (tls.revocation().generation() != checked) {
          sink++;
        }
      }
      compares[round] = System.nanoTime() - start;
    }
    tls.close();
    Logger log = LoggerFactory.getLogger(RevocationMeasurement.class);
    log.info(
        String.format(
            Locale.ROOT,
            "CRL of %,d entries, %,d bytes (DER); read and verified: median %.1f ms; handshake"
                + " lookup (refusal of a 1-certificate chain): median %d ns; per-request"
                + " generation compare: median %.2f ns (sink %d)",
            ENTRIES,
            Files.size(crl),
            median(loads) / 1e6,
            median(lookups),
            median(compares) / (double) LOOKUPS,
            sink));
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
