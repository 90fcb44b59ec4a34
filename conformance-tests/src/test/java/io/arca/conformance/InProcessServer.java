package io.arca.conformance;

import io.arca.server.Arca;
import io.arca.server.config.CredentialPolicy;
import io.arca.server.config.CredentialSettings;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An Arca server on a random loopback port with a fresh development PKI, for tests with real
 * clients.
 */
final class InProcessServer implements AutoCloseable {
  private final DevelopmentPki pki;
  private final Arca server;

  private InProcessServer(DevelopmentPki pki, Arca server) {
    this.pki = pki;
    this.server = server;
  }

  /**
   * A server in {@code dataDir} whose PKI is a copy of the one in {@code pkiTemplate} (made there
   * first if missing): starting many servers then costs no key generation. Its HTTPS port is on,
   * for the message-encoding cases.
   */
  static InProcessServer start(Path dataDir, Path pkiTemplate) throws Exception {
    DevelopmentPki.openOrCreate(pkiTemplate);
    Path pki = Files.createDirectories(dataDir.resolve("pki"));
    try (Stream<Path> files = Files.list(pkiTemplate)) {
      for (Path file : files.toList()) {
        Files.copy(
            file, pki.resolve(file.getFileName().toString()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    return start(dataDir, false, true);
  }

  static InProcessServer start(Path dataDir) throws Exception {
    return start(dataDir, false, false);
  }

  /** A server whose users' objects may share a Name ({@code --allow-duplicate-names}). */
  static InProcessServer startAllowingDuplicateNames(Path dataDir) throws Exception {
    return start(dataDir, true, false);
  }

  /**
   * A server where each request's Username and Password credential names its user, behind the
   * client certificate ({@code --credential-policy credential-behind-certificate}).
   */
  static InProcessServer startWithCredentials(Path dataDir, Path credentialsFile) throws Exception {
    return start(
        dataDir,
        false,
        false,
        new CredentialSettings(
            CredentialPolicy.CREDENTIAL_BEHIND_CERTIFICATE,
            credentialsFile,
            Duration.ofHours(1),
            5));
  }

  private static InProcessServer start(Path dataDir, boolean namesMayRepeat, boolean https)
      throws Exception {
    return start(dataDir, namesMayRepeat, https, CredentialSettings.DEFAULTS);
  }

  private static InProcessServer start(
      Path dataDir, boolean namesMayRepeat, boolean https, CredentialSettings credentials)
      throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dataDir.resolve("pki"));
    ServerConfig.Tls tls =
        new ServerConfig.Tls(pki.serverCertificate(), pki.serverKey(), pki.caCertificate(), null);
    ServerConfig config =
        new ServerConfig(
            "127.0.0.1",
            0,
            dataDir,
            tls,
            IdentitySource.CN,
            new ServerConfig.Limits(256, 1 << 20, Duration.ofMinutes(1), Duration.ofSeconds(10)),
            8,
            "info",
            true,
            ServerConfig.Storage.EMBEDDED,
            new ServerConfig.Access(
                    Set.of(),
                    null,
                    ServerConfig.Access.AUDIT_JOURNAL_MAX_BYTES,
                    false,
                    false,
                    namesMayRepeat)
                .withCredentials(credentials),
            null);
    if (https) {
      config = config.withHttpsBind(InetSocketAddress.createUnresolved("127.0.0.1", 0));
    }
    return new InProcessServer(pki, Arca.start(config, TlsContexts.server(tls)));
  }

  DevelopmentPki pki() {
    return pki;
  }

  int port() {
    return server.port();
  }

  /** The HTTPS port, or -1 when it is off. */
  int httpsPort() {
    return server.httpsPort();
  }

  @Override
  public void close() {
    server.close();
  }
}
