package io.arca.server;

import io.arca.server.config.IdentitySource;
import io.arca.server.config.Observability;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import java.nio.file.Path;
import java.time.Duration;

/** Settings for servers that tests start on a random loopback port. */
public final class TestServers {
  private TestServers() {}

  /** The development PKI's server certificate and key, trusting its CA for clients. */
  public static ServerConfig.Tls tls(DevelopmentPki pki) {
    return new ServerConfig.Tls(
        pki.serverCertificate(), pki.serverKey(), pki.caCertificate(), null);
  }

  /** Loopback, port 0, CN identities, four workers, Interop off. */
  public static ServerConfig config(
      Path dataDir, ServerConfig.Tls tls, int maxConnections, int maxMessageBytes) {
    return new ServerConfig(
        "127.0.0.1",
        0,
        dataDir,
        tls,
        IdentitySource.CN,
        new ServerConfig.Limits(
            maxConnections, maxMessageBytes, Duration.ofMinutes(1), Duration.ofSeconds(5)),
        4,
        "info",
        false,
        ServerConfig.Storage.EMBEDDED);
  }

  /** {@code config} with {@code observability} instead of its own (none by default). */
  public static ServerConfig watched(ServerConfig config, Observability observability) {
    return new ServerConfig(
        config.bind(),
        config.port(),
        config.dataDir(),
        config.tls(),
        config.identityFrom(),
        config.limits(),
        config.workerThreads(),
        config.logLevel(),
        config.interop(),
        config.storage(),
        config.access(),
        config.hsm(),
        config.requestBounds(),
        observability);
  }
}
