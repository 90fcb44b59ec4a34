package io.arca.server.tls;

import io.arca.server.config.ServerConfig;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS as it is now, replaceable while the server runs. New handshakes take the current
 * {@link TlsMaterial}; connections already open keep the session they made and finish. A {@link
 * #reload} reads every file again and swaps the whole set only when all of it reads and checks;
 * else the old set stays and the log says why. Between reloads the CRL and deny-list files are
 * looked at every refresh interval and re-read when they change; connections already open see a new
 * list at their next request ({@link #revocation}'s generation).
 */
public final class ServerTls implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServerTls.class);
  private static final int VERIFIER_THREADS = 4;
  private static final int VERIFIER_QUEUE = 1024;

  private final Duration softFailLogInterval;
  private final LongAdder softFailures;
  private final ScheduledExecutorService refresher;
  private final ThreadPoolExecutor verifiers;
  private volatile TlsMaterial material;
  private @Nullable ScheduledFuture<?> refreshing;

  private ServerTls(TlsMaterial material, Duration softFailLogInterval, LongAdder softFailures) {
    this.material = material;
    this.softFailures = softFailures;
    this.softFailLogInterval = softFailLogInterval;
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            new DefaultThreadFactory("arca-tls-refresh", true));
    // OCSP checks wait on the network: they run here, bounded, never on an event loop.
    this.verifiers =
        new ThreadPoolExecutor(
            VERIFIER_THREADS,
            VERIFIER_THREADS,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(VERIFIER_QUEUE),
            new DefaultThreadFactory("arca-tls-verify", true),
            new ThreadPoolExecutor.AbortPolicy());
    this.verifiers.allowCoreThreadTimeOut(true);
  }

  /**
   * Reads the TLS settings and starts watching the revocation files.
   *
   * @param softFailLogInterval how often an OCSP soft failure may be logged
   * @throws IOException when a file cannot be read or trusted: the server must not start
   */
  public static ServerTls start(ServerConfig.Tls tls, Duration softFailLogInterval)
      throws IOException {
    LongAdder softFailures = new LongAdder();
    ServerTls server =
        new ServerTls(
            TlsMaterial.load(tls, softFailLogInterval, softFailures),
            softFailLogInterval,
            softFailures);
    server.scheduleRefresh(tls.revocation().refreshInterval());
    return server;
  }

  /** A fixed context, without revocation data or reloads (tests and embedded servers). */
  public static ServerTls fixed(SslContext context) {
    return new ServerTls(
        new TlsMaterial(context, ClientRevocation.none(), false, null),
        ServerConfig.Limits.REFUSAL_LOG_INTERVAL,
        new LongAdder());
  }

  /** A TLS handler for a new connection, from the current material. */
  public SslHandler newHandler(ByteBufAllocator allocator) {
    TlsMaterial current = material;
    return current.delegated()
        ? current.context().newHandler(allocator, verifiers)
        : current.context().newHandler(allocator);
  }

  /**
   * The revocation list in use now; its generation changes whenever the list does, by refresh or by
   * reload.
   */
  public RevocationList revocation() {
    return material.revocation().current();
  }

  /** OCSP answers that could not be had and were let through (fail-open), since start. */
  public long ocspSoftFailures() {
    return softFailures.sum();
  }

  /** The server certificate new handshakes present, or null for a fixed context. */
  public @Nullable X509Certificate serverCertificate() {
    return material.serverCertificate();
  }

  /**
   * Reads {@code tls} anew (server key and chain, client CAs, CRLs, deny list) and, when every part
   * reads and checks, uses it for new handshakes. On failure the current material stays.
   *
   * @return true when the new material is in use
   */
  public synchronized boolean reload(ServerConfig.Tls tls) {
    try {
      reloadOrExplain(tls);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * As {@link #reload}, telling what happened.
   *
   * @return what new handshakes present now (the server certificate's serial and expiry)
   * @throws IOException why the files were not used; the current material stays
   */
  public synchronized String reloadOrExplain(ServerConfig.Tls tls) throws IOException {
    TlsMaterial loaded;
    try {
      loaded = TlsMaterial.load(tls, softFailLogInterval, softFailures);
    } catch (IOException | RuntimeException e) {
      log.warn(
          "TLS reload failed, still serving the previous certificate, key, client CAs and"
              + " revocation data: {}",
          e.getMessage());
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
    material = loaded;
    scheduleRefresh(tls.revocation().refreshInterval());
    X509Certificate certificate = loaded.serverCertificate();
    String outcome =
        "new handshakes present serial "
            + (certificate == null ? "?" : certificate.getSerialNumber().toString(16))
            + " (valid until "
            + (certificate == null ? "?" : certificate.getNotAfter().toInstant())
            + "); "
            + loaded.revocation().current().size()
            + " certificate(s) refused by CRLs and the deny list";
    log.info("TLS reloaded: {}", outcome);
    return outcome;
  }

  /** Whether a deny-list file is configured, which {@link #deny} and {@link #allow} edit. */
  public boolean hasDenyList() {
    return material.revocation().hasDenyList();
  }

  /**
   * Adds the certificate {@code entry} names to the deny list and applies it at once.
   *
   * @return the line written
   * @throws IllegalArgumentException when the entry is not a deny-list entry
   * @throws IOException when the list cannot be written or read back; nothing changed
   */
  public synchronized String deny(String entry) throws IOException {
    return material.revocation().changeDenyList(entry, true);
  }

  /**
   * Removes the certificate {@code entry} names from the deny list and applies it at once.
   *
   * @return the entry in the list's form
   * @throws IllegalArgumentException when the entry is not a deny-list entry
   * @throws IOException when the list cannot be written or read back; nothing changed
   */
  public synchronized String allow(String entry) throws IOException {
    return material.revocation().changeDenyList(entry, false);
  }

  /** Looks at the revocation files now instead of at the next interval (tests, reload). */
  public boolean refreshNow() {
    return material.revocation().refreshIfChanged();
  }

  private synchronized void scheduleRefresh(Duration interval) {
    if (refreshing != null) {
      refreshing.cancel(false);
    }
    long every = interval.toMillis();
    refreshing =
        refresher.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  private void refreshQuietly() {
    try {
      refreshNow();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again; the list in use stays.
      log.warn("revocation refresh failed; keeping the last list", e);
    }
  }

  @Override
  public void close() {
    refresher.shutdownNow();
    verifiers.shutdownNow();
  }
}
