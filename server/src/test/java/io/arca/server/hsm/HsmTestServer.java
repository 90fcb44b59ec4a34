package io.arca.server.hsm;

import io.arca.hsm.HsmKeyRef;
import io.arca.hsm.HsmSlot;
import io.arca.server.Arca;
import io.arca.server.TestServers;
import io.arca.server.config.HsmSettings;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import io.arca.testing.TokenImplementation;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The server the HSM end-to-end tests talk to: Arca over mutual TLS with both test tokens of one
 * PKCS#11 implementation as its HSM, administered by the development PKI's admin, with the admin's
 * TLS context and those of users whose certificates the same CA signs. The opencryptoki tokens are
 * shared between runs, so labels made with {@link #label} carry a suffix of this server's own.
 */
final class HsmTestServer implements AutoCloseable {
  private final HsmTestTokens tokens;
  private final Path pki;
  private final Arca server;
  private final SSLContext admin;
  private final String run = "-" + Long.toHexString(new SecureRandom().nextLong());
  private final Map<String, SSLContext> users = new HashMap<>();

  private HsmTestServer(HsmTestTokens tokens, Path pki, Arca server, SSLContext admin) {
    this.tokens = tokens;
    this.pki = pki;
    this.server = server;
    this.admin = admin;
  }

  /** A server on the tokens of {@code implementation}, its files below {@code dir}. */
  static HsmTestServer start(Path dir, TokenImplementation implementation) throws Exception {
    return start(dir.resolve(implementation.model()), HsmTestTokens.prepare(implementation));
  }

  /** A server on two fresh SoftHSM2 tokens of its own, its files in {@code dir}. */
  static HsmTestServer start(Path dir) throws Exception {
    return start(dir, HsmTestTokens.prepare());
  }

  private static HsmTestServer start(Path base, HsmTestTokens tokens) throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(base.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    ServerConfig config =
        withHsm(
            TestServers.config(base, tls, 64, 1 << 20), tokens.settings(DevelopmentPki.ADMIN_USER));
    Arca server = Arca.start(config, TlsContexts.server(tls));
    SSLContext admin =
        TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    return new HsmTestServer(tokens, pki.directory(), server, admin);
  }

  /** {@code base} with {@code hsm} as its HSM. */
  static ServerConfig withHsm(ServerConfig base, HsmSettings hsm) {
    return new ServerConfig(
        base.bind(),
        base.port(),
        base.dataDir(),
        base.tls(),
        base.identityFrom(),
        base.limits(),
        base.workerThreads(),
        base.logLevel(),
        base.interop(),
        base.storage(),
        base.access(),
        hsm);
  }

  HsmTestTokens tokens() {
    return tokens;
  }

  Arca server() {
    return server;
  }

  int port() {
    return server.port();
  }

  /** The TLS context of the HSM admin. */
  SSLContext admin() {
    return admin;
  }

  /** The TLS context of user {@code name}, its certificate issued on first use. */
  SSLContext user(String name) throws Exception {
    SSLContext context = users.get(name);
    if (context == null) {
      context = KmipTestClient.userSignedBy(pki, name);
      users.put(name, context);
    }
    return context;
  }

  /** The suffix that makes this server's labels its own. */
  String run() {
    return run;
  }

  /** {@code name} with this server's suffix. */
  String label(String name) {
    return name + run;
  }

  /** The token slot that holds the HSM key {@code uid}. */
  HsmSlot slot(String uid) {
    return Objects.requireNonNull(server.hsm()).slot(HsmKeyRef.parse(uid));
  }

  @Override
  public void close() {
    server.close();
  }
}
