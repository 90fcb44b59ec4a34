package io.arca.server;

import io.arca.server.access.AccessPolicy;
import io.arca.server.audit.AuditWriter;
import io.arca.server.batch.AnsweredItems;
import io.arca.server.config.Observability;
import io.arca.server.config.ServerConfig;
import io.arca.server.hsm.HsmObjects;
import io.arca.server.metrics.AdminServer;
import io.arca.server.metrics.OperationLog;
import io.arca.server.metrics.ServerMetrics;
import io.arca.server.store.ObjectStore;
import io.arca.server.tls.AdminTls;
import io.arca.server.tls.ServerTls;
import io.arca.server.transport.TransportEvents;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A whole Arca server: the stores, the KMIP handlers over them, and the listener, started together
 * and stopped in order (the listener first, so that requests in flight finish before the stores
 * close).
 */
public final class Arca implements AutoCloseable {
  /** What the Reload admin operation runs: SIGHUP's work, with its outcome. */
  @FunctionalInterface
  public interface Reloader {
    /**
     * Reads the configuration again and applies what may change while running.
     *
     * @return what new handshakes now present
     * @throws IOException why nothing changed
     */
    String reload() throws IOException;
  }

  private final AtomicBoolean closed = new AtomicBoolean();
  private final ServerStores stores;
  private final ArcaServer server;
  private final @Nullable ServerMetrics metrics;
  private final @Nullable AdminServer admin;

  private Arca(
      ServerStores stores,
      ArcaServer server,
      @Nullable ServerMetrics metrics,
      @Nullable AdminServer admin) {
    this.stores = stores;
    this.server = server;
    this.metrics = metrics;
    this.admin = admin;
  }

  /**
   * Opens the stores and starts listening.
   *
   * @throws IOException if the data directory cannot be used
   * @throws InterruptedException if interrupted while binding
   */
  public static Arca start(ServerConfig config, SslContext tls)
      throws IOException, InterruptedException {
    return start(config, ServerTls.fixed(tls));
  }

  /**
   * Opens the stores and starts listening with TLS material that can be reloaded; the server owns
   * {@code tls} from here and closes it.
   *
   * @throws IOException if the data directory cannot be used
   * @throws InterruptedException if interrupted while binding
   */
  public static Arca start(ServerConfig config, ServerTls tls)
      throws IOException, InterruptedException {
    return start(config, tls, null);
  }

  /**
   * As above, with {@code reloader} as the Reload admin operation's work (SIGHUP's), or null when
   * the settings cannot be read again.
   *
   * @throws IOException if the data directory cannot be used
   * @throws InterruptedException if interrupted while binding
   */
  public static Arca start(ServerConfig config, ServerTls tls, @Nullable Reloader reloader)
      throws IOException, InterruptedException {
    ServerStores stores;
    try {
      stores = ServerStores.open(config);
    } catch (IOException | RuntimeException e) {
      tls.close();
      throw e;
    }
    Observability watching = config.observability();
    InetSocketAddress adminBind = watching.adminBind();
    // Without an admin listener no meter is kept at all: the baseline a cost comparison needs.
    ServerMetrics metrics = adminBind == null ? null : new ServerMetrics();
    ArcaServer server = null;
    try {
      AccessPolicy access =
          new AccessPolicy(
              stores.grants(),
              config.access().privilegedUsers(),
              config.hsm() == null ? null : config.hsm().admin(),
              config.storage().keyCacheRecheck(),
              config.access().namesMayRepeat());
      AnsweredItems observer = new OperationLog(watching.accessLog());
      if (metrics != null) {
        stores.watch(metrics);
        observer = metrics.requests().andThen(observer);
      }
      server =
          ArcaServer.start(
              config,
              tls,
              ServerHandlers.processor(
                  config,
                  stores.objects(),
                  stores.hsm(),
                  access,
                  stores.audit(),
                  observer,
                  new ArcaAdministration(stores.kekRotations(), tls, reloader)),
              metrics == null ? TransportEvents.NONE : metrics.transport());
      AdminServer admin = null;
      if (metrics != null && adminBind != null) {
        metrics.watchServer(server::openConnections, server.tls());
        admin = AdminServer.start(adminBind, adminTls(config), metrics, stores.readiness());
      }
      return new Arca(stores, server, metrics, admin);
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (server != null) {
        server.close(); // closes tls
      } else {
        tls.close();
      }
      stores.close();
      if (metrics != null) {
        metrics.close();
      }
      throw e;
    }
  }

  private static @Nullable SSLContext adminTls(ServerConfig config) throws IOException {
    Path clientCa = config.observability().adminClientCa();
    if (clientCa == null) {
      return null;
    }
    ServerConfig.Tls tls = config.tls();
    if (tls == null) {
      throw new IllegalArgumentException("admin-client-ca needs the server's TLS settings");
    }
    return AdminTls.context(tls, clientCa);
  }

  /** The admin listener's port, or -1 without one. */
  public int adminPort() {
    return admin == null ? -1 : admin.port();
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  /** The bound HTTPS port, or -1 when it is off. */
  public int httpsPort() {
    return server.httpsPort();
  }

  /** The server's TLS material: {@link ServerTls#reload} swaps it for new handshakes. */
  public ServerTls tls() {
    return server.tls();
  }

  /** Connections open now. */
  public int openConnections() {
    return server.openConnections();
  }

  /** The audit log's writer (tests flush it before reading the chain). */
  public AuditWriter audit() {
    return stores.audit();
  }

  /** The managed objects behind the handlers. */
  public ObjectStore objects() {
    return stores.objects();
  }

  /** The HSM's keys as managed objects, or null when the server has no HSM. */
  public @Nullable HsmObjects hsm() {
    return stores.hsm();
  }

  /** Stops listening, lets requests in flight finish, then closes the stores. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return; // closing twice (a test, a shutdown hook after a failed start) stops it once
    }
    try {
      if (admin != null) {
        admin.close();
      }
      server.close();
    } finally {
      stores.close();
      if (metrics != null) {
        metrics.close();
      }
    }
  }
}
