package io.arca.server.tls;

import static io.arca.server.tls.RevocationEndToEndTest.assertRefusedAtHandshake;
import static io.arca.server.tls.RevocationEndToEndTest.discover;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.ResultStatus;
import io.arca.server.Arca;
import io.arca.server.TestServers;
import io.arca.server.config.ServerConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.bouncycastle.asn1.x500.X500Name;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCSP at the handshake over real mutual TLS, against a responder started here from Bouncy Castle's
 * OCSP classes: a good client is served (and its answer cached), a revoked one refused, an answer
 * signed by anyone but the CA or its responder disbelieved, and a responder that is down refuses
 * every client when failing closed, and lets them in, counted, when failing open.
 */
class OcspEndToEndTest {
  @TempDir Path dir;
  private TestPki pki;
  private @Nullable Arca server;
  private @Nullable TestOcspResponder responder;

  @BeforeEach
  void makeCa() throws Exception {
    pki = TestPki.create(dir.resolve("pki"), "Clients CA");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (responder != null) {
      responder.close();
    }
  }

  @Test
  void goodClientIsServedAndItsAnswerCached() throws Exception {
    TestOcspResponder ocsp = responder(new TestOcspResponder(pki.caKeys, caName()));
    TestPki.Issued client = pki.client("good", ocsp.uri());
    Arca arca = start(null, false);

    assertThat(discover(pki.context(client), arca)).isEqualTo(ResultStatus.SUCCESS);
    assertThat(discover(pki.context(client), arca)).isEqualTo(ResultStatus.SUCCESS);
    assertThat(ocsp.asked()).as("the second handshake used the cached answer").isEqualTo(1);
  }

  @Test
  void revokedClientIsRefusedByTheCasDelegatedResponder() throws Exception {
    TestPki.Issued delegate = pki.responder();
    TestOcspResponder ocsp =
        responder(
            new TestOcspResponder(
                delegate.keys(),
                new X500Name(delegate.certificate().getSubjectX500Principal().getName()),
                delegate.certificate()));
    TestPki.Issued revoked = pki.client("revoked", ocsp.uri());
    TestPki.Issued good = pki.client("good", ocsp.uri());
    ocsp.revoke(revoked.serial());
    Arca arca = start(null, false);

    assertRefusedAtHandshake(pki.context(revoked), arca);
    assertThat(discover(pki.context(good), arca)).isEqualTo(ResultStatus.SUCCESS);
  }

  @Test
  void answerSignedByAnotherKeyIsNotBelieved() throws Exception {
    TestOcspResponder ocsp = responder(new TestOcspResponder(TestPki.newKeys(), caName()));
    TestPki.Issued client = pki.client("good", ocsp.uri());
    Arca arca = start(null, false);

    assertRefusedAtHandshake(pki.context(client), arca);
    assertThat(ocsp.asked()).isEqualTo(1);
  }

  @Test
  void responderDownRefusesWhenFailingClosed() throws Exception {
    TestPki.Issued client = pki.client("someone");
    Arca arca = start(deadResponder(), false);

    assertRefusedAtHandshake(pki.context(client), arca);
    assertThat(arca.tls().ocspSoftFailures()).isZero();
  }

  @Test
  void responderDownAcceptsAndCountsWhenFailingOpen() throws Exception {
    TestPki.Issued client = pki.client("someone");
    Arca arca = start(deadResponder(), true);

    assertThat(discover(pki.context(client), arca)).isEqualTo(ResultStatus.SUCCESS);
    assertThat(discover(pki.context(client), arca)).isEqualTo(ResultStatus.SUCCESS);
    assertThat(arca.tls().ocspSoftFailures()).as("each unanswered handshake counted").isEqualTo(2);
  }

  private TestOcspResponder responder(TestOcspResponder started) {
    responder = started;
    return started;
  }

  private X500Name caName() {
    return new X500Name(pki.ca.getSubjectX500Principal().getName());
  }

  /** A loopback port that nothing listens on. */
  private static URI deadResponder() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port + "/ocsp");
  }

  private Arca start(@Nullable URI configuredResponder, boolean failOpen) throws Exception {
    ServerConfig.Revocation revocation =
        new ServerConfig.Revocation(
            null, null, true, configuredResponder, failOpen, Duration.ofSeconds(10));
    ServerConfig.Tls tls = RevocationEndToEndTest.tls(pki, pki.server("server"), revocation);
    Arca arca =
        Arca.start(
            TestServers.config(dir.resolve("data"), tls, 16, 64 * 1024),
            ServerTls.start(tls, Duration.ofSeconds(10)));
    server = arca;
    return arca;
  }
}
