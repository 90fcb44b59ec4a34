package io.arca.server;

import io.arca.server.access.AccessPolicy;
import io.arca.server.audit.AuditWriter;
import io.arca.server.config.ServerConfig;
import io.arca.server.hsm.HsmObjects;
import io.arca.server.store.ObjectStore;
import io.arca.server.tls.ServerTls;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A whole Arca server: the stores, the KMIP handlers over them, and the listener, started together
 * and stopped in order (the listener first, so that requests in flight finish before the stores
 * close).
 */
public final class Arca implements AutoCloseable {
  private final ServerStores stores;
  private final ArcaServer server;

  private Arca(ServerStores stores, ArcaServer server) {
    this.stores = stores;
    this.server = server;
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
    ServerStores stores;
    try {
      stores = ServerStores.open(config);
    } catch (IOException | RuntimeException e) {
      tls.close();
      throw e;
    }
    try {
      AccessPolicy access =
          new AccessPolicy(
              stores.grants(),
              config.access().privilegedUsers(),
              config.hsm() == null ? null : config.hsm().admin(),
              config.storage().keyCacheRecheck(),
              config.access().namesMayRepeat());
      return new Arca(
          stores,
          ArcaServer.start(
              config,
              tls,
              ServerHandlers.processor(
                  config, stores.objects(), stores.hsm(), access, stores.audit())));
    } catch (InterruptedException | RuntimeException e) {
      stores.close();
      tls.close();
      throw e;
    }
  }

  /** The bound port. */
  public int port() {
    return server.port();
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
    try {
      server.close();
    } finally {
      stores.close();
    }
  }
}
