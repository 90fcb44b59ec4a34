package io.arca.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.Arca;
import io.arca.server.TestServers;
import io.arca.server.config.ServerConfig;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client-certificate revocation over real mutual TLS, with a CA, certificates and CRLs made here: a
 * revoked client is refused at the handshake; an open connection is refused at its next request
 * once the refreshed CRL or deny list names it; a broken refresh keeps the last good list; a CRL
 * that cannot be read or trusted stops the start.
 */
class RevocationEndToEndTest {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;
  private static final Duration REFRESH = Duration.ofMillis(100);

  @TempDir Path dir;
  private @Nullable Arca server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void clientListedInTheCrlIsRefusedAtTheHandshake() throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"), "Clients CA");
    TestPki.Issued revoked = pki.client("stolen");
    TestPki.Issued kept = pki.client("kept");
    Path crl = dir.resolve("clients.crl");
    pki.writeCrl(crl, true, revoked.serial());
    Arca arca = start(pki, revocation(crl, null));

    assertThat(discover(pki.context(kept), arca)).isEqualTo(ResultStatus.SUCCESS);
    assertRefusedAtHandshake(pki.context(revoked), arca);
  }

  @Test
  void openConnectionIsRefusedAtItsNextRequestOnceTheRefreshedCrlListsIt() throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"), "Clients CA");
    TestPki.Issued client = pki.client("laptop");
    Path crl = dir.resolve("clients.crl");
    pki.writeCrl(crl, false);
    Arca arca = start(pki, revocation(crl, null));
    try (SSLSocket open = TestClients.connect(pki.context(client), arca.port())) {
      assertThat(call(open).resultStatus()).isEqualTo(ResultStatus.SUCCESS);

      long before = arca.tls().revocation().generation();
      pki.writeCrl(crl, false, client.serial());
      awaitNewList(arca, before);

      ResponseBatchItem answer = call(open);
      assertThat(answer.resultReason())
          .as(answer.resultMessage())
          .isEqualTo(ResultReason.AUTHENTICATION_NOT_SUCCESSFUL.value());
      assertThat(open.getInputStream().read()).as("closed after the answer").isEqualTo(-1);
    }
    assertRefusedAtHandshake(pki.context(client), arca);
  }

  @Test
  void crlsInADirectoryCountWhetherPemOrDer() throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"), "Clients CA");
    TestPki.Issued inPem = pki.client("pem");
    TestPki.Issued inDer = pki.client("der");
    TestPki.Issued neither = pki.client("neither");
    Path crls = Files.createDirectory(dir.resolve("crls"));
    pki.writeCrl(crls.resolve("a.pem"), true, inPem.serial());
    pki.writeCrl(crls.resolve("b.der"), false, inDer.serial());
    Arca arca = start(pki, revocation(crls, null));

    assertRefusedAtHandshake(pki.context(inPem), arca);
    assertRefusedAtHandshake(pki.context(inDer), arca);
    assertThat(discover(pki.context(neither), arca)).isEqualTo(ResultStatus.SUCCESS);
  }

  @Test
  void denyListRefusesByFingerprintBySerialAndIssuerAndBySerialAndCaFingerprint() throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"), "Clients CA");
    TestPki.Issued byFingerprint = pki.client("one");
    TestPki.Issued byIssuerName = pki.client("two");
    TestPki.Issued byCaFingerprint = pki.client("three");
    TestPki.Issued kept = pki.client("four");
    Path denyList = dir.resolve("deny.txt");
    Files.writeString(denyList, "# nobody yet\n");
    Arca arca = start(pki, revocation(null, denyList));
    SSLSocket open = TestClients.connect(pki.context(byIssuerName), arca.port());
    assertThat(call(open).resultStatus()).isEqualTo(ResultStatus.SUCCESS);

    long before = arca.tls().revocation().generation();
    Files.writeString(
        denyList,
        String.join(
            "\n",
            "# stolen laptop, ticket 42",
            colons(RevocationList.fingerprint(byFingerprint.certificate())),
            byIssuerName.serial().toString(16) + " CN=Clients CA",
            byCaFingerprint.serial().toString(16)
                + " sha256:"
                + RevocationList.fingerprint(pki.ca)
                + "   # with a comment",
            ""),
        StandardCharsets.UTF_8);
    awaitNewList(arca, before);

    assertRefusedAtHandshake(pki.context(byFingerprint), arca);
    assertRefusedAtHandshake(pki.context(byIssuerName), arca);
    assertRefusedAtHandshake(pki.context(byCaFingerprint), arca);
    assertThat(discover(pki.context(kept), arca)).isEqualTo(ResultStatus.SUCCESS);
    try (open) {
      assertThat(call(open).resultReason())
          .isEqualTo(ResultReason.AUTHENTICATION_NOT_SUCCESSFUL.value());
    }
  }

  /**
   * A client that resumes its TLS session skips the certificate check of a full handshake: one
   * denied since it last connected is refused at the first request of the resumed connection.
   */
  @Test
  void resumedSessionOfADeniedClientIsRefusedAtItsFirstRequest() throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"), "Clients CA");
    TestPki.Issued client = pki.client("tablet");
    Path denyList = dir.resolve("deny.txt");
    Files.writeString(denyList, "# nobody yet\n");
    Arca arca = start(pki, revocation(null, denyList));
    // One context for both connections, so that the second may resume the first one's session.
    SSLContext context = pki.context(client);
    byte[] firstSession;
    try (SSLSocket first = TestClients.connect(context, arca.port())) {
      assertThat(call(first).resultStatus()).isEqualTo(ResultStatus.SUCCESS);
      firstSession = first.getSession().getId();
    }

    long before = arca.tls().revocation().generation();
    Files.writeString(
        denyList,
        colons(RevocationList.fingerprint(client.certificate())) + "\n",
        StandardCharsets.UTF_8);
    awaitNewList(arca, before);

    try (SSLSocket second = TestClients.connect(context, arca.port())) {
      ResponseBatchItem answer = call(second);
      assertThat(answer.resultReason())
          .as("resumed: %s", java.util.Arrays.equals(firstSession, second.getSession().getId()))
          .isEqualTo(ResultReason.AUTHENTICATION_NOT_SUCCESSFUL.value());
    } catch (IOException refusedAtTheHandshake) {
      // A full handshake refused it: as good.
    }
  }

  @Test
  void brokenRefreshKeepsTheLastGoodList() throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"), "Clients CA");
    TestPki.Issued revoked = pki.client("revoked");
    Path crl = dir.resolve("clients.crl");
    pki.writeCrl(crl, true, revoked.serial());
    Arca arca = start(pki, revocation(crl, null));
    long generation = arca.tls().revocation().generation();

    Files.writeString(crl, "-----BEGIN X509 CRL-----\nnot base64\n");
    assertThat(arca.tls().refreshNow()).isFalse();
    assertRefusedAtHandshake(pki.context(revoked), arca);

    // A CRL signed by another CA of the same name is no better than garbage.
    TestPki impostor = TestPki.create(dir.resolve("impostor"), "Clients CA");
    impostor.writeCrl(crl, true);
    assertThat(arca.tls().refreshNow()).isFalse();
    Files.delete(crl);
    assertThat(arca.tls().refreshNow()).isFalse();
    assertThat(arca.tls().revocation().generation()).isEqualTo(generation);
    assertRefusedAtHandshake(pki.context(revoked), arca);
  }

  @Test
  void crlThatCannotBeReadOrTrustedStopsTheStart() throws Exception {
    TestPki pki = TestPki.create(dir.resolve("pki"), "Clients CA");
    TestPki.Issued server = pki.server("server");
    Path missing = dir.resolve("missing.crl");
    assertThatThrownBy(() -> ServerTls.start(tls(pki, server, revocation(missing, null)), REFRESH))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("missing.crl");

    TestPki other = TestPki.create(dir.resolve("other"), "Other CA");
    Path foreign = dir.resolve("foreign.crl");
    other.writeCrl(foreign, true);
    assertThatThrownBy(() -> ServerTls.start(tls(pki, server, revocation(foreign, null)), REFRESH))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not signed by a certificate of the client CA bundle");

    Path unqualified = dir.resolve("deny.txt");
    Files.writeString(unqualified, "0a1b2c\n");
    assertThatThrownBy(
            () -> ServerTls.start(tls(pki, server, revocation(null, unqualified)), REFRESH))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("line 1");
  }

  static ServerConfig.Revocation revocation(@Nullable Path crl, @Nullable Path denyList) {
    return new ServerConfig.Revocation(crl, denyList, false, null, false, REFRESH);
  }

  static ServerConfig.Tls tls(
      TestPki pki, TestPki.Issued server, ServerConfig.Revocation revocation) {
    return new ServerConfig.Tls(
        server.certificateFile(), server.keyFile(), pki.caFile, null, revocation);
  }

  private Arca start(TestPki pki, ServerConfig.Revocation revocation) throws Exception {
    ServerConfig.Tls tls = tls(pki, pki.server("server"), revocation);
    Arca arca =
        Arca.start(
            TestServers.config(dir.resolve("data"), tls, 16, 64 * 1024),
            ServerTls.start(tls, Duration.ofSeconds(10)));
    server = arca;
    return arca;
  }

  /** Waits for the periodic refresh to put a new list in use. */
  static void awaitNewList(Arca arca, long before) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (arca.tls().revocation().generation() == before) {
      assertThat(System.nanoTime()).as("a refreshed list within 10 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  static void assertRefusedAtHandshake(SSLContext client, Arca arca) {
    // TLS 1.3 finishes the client's side of the handshake before the server has checked the
    // client certificate: the refusal shows as an alert on the first read.
    assertThatThrownBy(
            () -> {
              try (SSLSocket socket = TestClients.connect(client, arca.port())) {
                call(socket);
              }
            })
        .isInstanceOf(IOException.class);
  }

  static ResultStatus discover(SSLContext client, Arca arca) throws IOException {
    try (SSLSocket socket = TestClients.connect(client, arca.port())) {
      return call(socket).resultStatus();
    }
  }

  static ResponseBatchItem call(SSLSocket socket) throws IOException {
    RequestMessage request =
        new RequestMessage(
            RequestHeader.of(V),
            List.of(
                new RequestBatchItem(
                    Operation.DISCOVER_VERSIONS.value(),
                    null,
                    null,
                    TtlvStructure.of(Tag.REQUEST_PAYLOAD.code()),
                    List.of())));
    return TestClients.exchange(socket, request).batchItems().get(0);
  }

  private static String colons(String hex) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < hex.length(); i += 2) {
      out.append(i == 0 ? "" : ":").append(hex, i, i + 2);
    }
    return out.toString().toUpperCase(java.util.Locale.ROOT);
  }
}
