package io.arca.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.server.ArcaServer;
import io.arca.server.TestServers;
import io.arca.server.config.ServerConfig;
import io.arca.server.transport.Answer;
import io.arca.server.transport.Connection;
import io.arca.server.transport.MalformedFrame;
import io.arca.server.transport.RequestProcessor;
import io.arca.server.transport.TestClients;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server's TLS context really negotiates, checked with a JDK client. */
class CipherSuitesTest {
  @TempDir static Path dir;
  static DevelopmentPki pki;
  static SslContext context;
  static ArcaServer server;
  static SSLContext admin;

  @BeforeAll
  static void start() throws Exception {
    pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    context = TlsContexts.server(tls);
    server = ArcaServer.start(TestServers.config(dir, tls, 16, 4096), context, new Silent());
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String negotiate(String protocol, String suite) throws Exception {
    try (SSLSocket socket =
        (SSLSocket) admin.getSocketFactory().createSocket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.setEnabledProtocols(new String[] {protocol});
      socket.setEnabledCipherSuites(new String[] {suite});
      socket.startHandshake();
      return socket.getSession().getCipherSuite();
    }
  }

  @Test
  void everySuiteTheListNamesIsOffered() {
    assertThat(context.cipherSuites()).containsAll(TlsContexts.CIPHER_SUITES);
  }

  @Test
  void theListHasOnlyForwardSecretAeadSuites() {
    assertThat(TlsContexts.CIPHER_SUITES)
        .allMatch(suite -> suite.contains("GCM") || suite.contains("CHACHA20_POLY1305"))
        .allMatch(suite -> !suite.startsWith("TLS_RSA_"));
  }

  @Test
  void tls12ClientGetsEcdheWithAesGcm() throws Exception {
    assertThat(negotiate("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"))
        .isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    assertThat(negotiate("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"))
        .isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
  }

  @Test
  void tls13ClientIsServed() throws Exception {
    assertThat(negotiate("TLSv1.3", "TLS_AES_256_GCM_SHA384")).isEqualTo("TLS_AES_256_GCM_SHA384");
  }

  @Test
  void clientOfferingOnlyCbcSuitesIsRefused() {
    assertThatThrownBy(() -> negotiate("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"))
        .isInstanceOf(SSLHandshakeException.class);
    assertThatThrownBy(() -> negotiate("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"))
        .isInstanceOf(SSLHandshakeException.class);
  }

  /** Never asked: these tests stop at the handshake. */
  private static final class Silent implements RequestProcessor {
    @Override
    public Answer process(ByteBuf frame, Connection connection, ByteBufAllocator allocator) {
      throw new UnsupportedOperationException();
    }

    @Override
    public @Nullable ByteBuf malformed(
        MalformedFrame frame, Connection connection, ByteBufAllocator allocator) {
      return null;
    }

    @Override
    public @Nullable ByteBuf unauthenticated(
        @Nullable ByteBuf frame, String why, ByteBufAllocator allocator) {
      return null;
    }
  }
}
