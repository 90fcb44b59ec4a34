package io.arca.server.tls;

import static io.arca.server.tls.RevocationEndToEndTest.assertRefusedAtHandshake;
import static io.arca.server.tls.RevocationEndToEndTest.call;
import static io.arca.server.tls.RevocationEndToEndTest.discover;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.ResultStatus;
import io.arca.server.Arca;
import io.arca.server.TestServers;
import io.arca.server.config.ServerConfig;
import io.arca.server.transport.TestClients;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reloading TLS material while clients are connected, over real sockets: a new server certificate
 * reaches new handshakes while an open connection carries on; a reload whose files are broken or do
 * not belong together changes nothing; new client CAs and CRLs take effect with the reload.
 */
class ReloadEndToEndTest {
  @TempDir Path dir;
  private TestPki pki;
  private Path certificate;
  private Path key;
  private Path clientCas;
  private ServerConfig.Tls tls;
  private TestPki.Issued first;
  private @Nullable Arca server;

  @BeforeEach
  void start() throws Exception {
    pki = TestPki.create(dir.resolve("pki"), "Clients CA");
    certificate = dir.resolve("server.crt");
    key = dir.resolve("server.key");
    clientCas = dir.resolve("client-cas.pem");
    first = pki.server("first");
    install(first);
    Files.copy(pki.caFile, clientCas);
    tls = new ServerConfig.Tls(certificate, key, clientCas, null, ServerConfig.Revocation.NONE);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void clientStaysConnectedAcrossAReloadThatSwapsTheServerCertificate() throws Exception {
    Arca arca = startServer(tls);
    SSLContext client = pki.context(pki.client("admin"));
    try (SSLSocket open = TestClients.connect(client, arca.port())) {
      assertThat(call(open).resultStatus()).isEqualTo(ResultStatus.SUCCESS);
      assertThat(serverSerial(open)).isEqualTo(first.serial());

      TestPki.Issued second = pki.server("second");
      install(second);
      assertThat(arca.tls().reload(tls)).isTrue();

      assertThat(call(open).resultStatus())
          .as("the open connection carries on")
          .isEqualTo(ResultStatus.SUCCESS);
      assertThat(serverSerial(open)).isEqualTo(first.serial());
      try (SSLSocket fresh = TestClients.connect(client, arca.port())) {
        assertThat(serverSerial(fresh)).isEqualTo(second.serial());
        assertThat(call(fresh).resultStatus()).isEqualTo(ResultStatus.SUCCESS);
      }
    }
  }

  @Test
  void failedReloadKeepsServingWithTheOldCertificate() throws Exception {
    Arca arca = startServer(tls);
    SSLContext client = pki.context(pki.client("admin"));

    Files.writeString(certificate, "-----BEGIN CERTIFICATE-----\nnot a certificate\n");
    assertThat(arca.tls().reload(tls)).as("bad PEM").isFalse();
    assertServedWith(client, arca, first.serial());

    TestPki.Issued other = pki.server("other");
    Files.copy(other.certificateFile(), certificate, StandardCopyOption.REPLACE_EXISTING);
    assertThat(arca.tls().reload(tls)).as("key not matching the certificate").isFalse();
    assertServedWith(client, arca, first.serial());

    install(other);
    Files.writeString(clientCas, "no CA here\n");
    assertThat(arca.tls().reload(tls)).as("client CA bundle unreadable").isFalse();
    assertServedWith(client, arca, first.serial());
  }

  @Test
  void reloadPutsNewClientCasAndRevocationDataInUse() throws Exception {
    Arca arca = startServer(tls);
    TestPki partner = TestPki.create(dir.resolve("partner"), "Partner CA");
    TestPki.Issued partnerUser = partner.client("partner-user");
    SSLContext partnerUserContext =
        TestClients.context(pki.caFile, partnerUser.certificateFile(), partnerUser.keyFile());
    TestPki.Issued revoked = pki.client("leaver");
    assertRefusedAtHandshake(partnerUserContext, arca);
    assertThat(discover(pki.context(revoked), arca)).isEqualTo(ResultStatus.SUCCESS);

    Files.writeString(clientCas, Files.readString(pki.caFile) + Files.readString(partner.caFile));
    Path crl = dir.resolve("clients.crl");
    pki.writeCrl(crl, true, revoked.serial());
    ServerConfig.Tls withCrl =
        new ServerConfig.Tls(
            certificate, key, clientCas, null, RevocationEndToEndTest.revocation(crl, null));
    assertThat(arca.tls().reload(withCrl)).isTrue();

    assertThat(discover(partnerUserContext, arca)).isEqualTo(ResultStatus.SUCCESS);
    assertRefusedAtHandshake(pki.context(revoked), arca);
  }

  private Arca startServer(ServerConfig.Tls settings) throws Exception {
    Arca arca =
        Arca.start(
            TestServers.config(dir.resolve("data"), settings, 16, 64 * 1024),
            ServerTls.start(settings, Duration.ofSeconds(10)));
    server = arca;
    return arca;
  }

  private void install(TestPki.Issued issued) throws Exception {
    Files.copy(issued.certificateFile(), certificate, StandardCopyOption.REPLACE_EXISTING);
    Files.copy(issued.keyFile(), key, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void assertServedWith(SSLContext client, Arca arca, BigInteger serial)
      throws Exception {
    try (SSLSocket socket = TestClients.connect(client, arca.port())) {
      assertThat(serverSerial(socket)).isEqualTo(serial);
      assertThat(call(socket).resultStatus()).isEqualTo(ResultStatus.SUCCESS);
    }
  }

  private static BigInteger serverSerial(SSLSocket socket) throws Exception {
    return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
  }
}
