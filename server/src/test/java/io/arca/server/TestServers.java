package io.arca.server;

import io.arca.server.config.IdentitySource;
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
}
