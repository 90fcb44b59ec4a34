package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.payload.AccessGrant;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GrantAccess;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import io.arca.testing.ClientCertificates;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Certificates that name a user ambiguously, over real mutual TLS: each is valid, issued by the
 * server's CA, and each is answered Authentication Not Successful on its first request, then
 * closed. A clean {@code user2} certificate is served and uses what the admin granted user2.
 * Subclasses choose the database, since the same names once compared equal on one and not the
 * other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IdentityEndToEndContract {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;
  private static final AtomicInteger SERIAL = new AtomicInteger();

  @TempDir static Path dir;
  private Arca server;
  private DevelopmentPki pki;
  private SSLContext admin;
  private String grantedToUser2;

  /** Where the server keeps its objects and grants. */
  protected abstract ServerConfig.Storage storage() throws Exception;

  @BeforeAll
  void start() throws Exception {
    pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    ServerConfig config =
        new ServerConfig(
            "127.0.0.1",
            0,
            dir,
            tls,
            IdentitySource.CN,
            new ServerConfig.Limits(64, 64 * 1024, Duration.ofMinutes(1), Duration.ofSeconds(5)),
            4,
            "info",
            false,
            storage());
    server = Arca.start(config, TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    grantedToUser2 = createKey();
    TtlvStructure grant =
        new GrantAccess.Request(new AccessGrant("user2", grantedToUser2, Set.of(Operation.GET)))
            .encode(V);
    assertSuccess(call(admin, Operation.GRANT_ACCESS, grant), "grant Get to user2");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void cleanUser2GetsWhatWasGrantedToUser2() throws Exception {
    SSLContext user2 = clientFor(new X500Name("CN=user2,O=Example"));
    assertSuccess(call(user2, Operation.GET, get(grantedToUser2)), "user2 Get");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "user2 ", // trailing space: equal to user2 under a PAD SPACE collation
        " user2",
        "user2\t",
        "*", // the grantee that means every user
        "user2\u0007", // a control character
        "us\u200ber2", // a zero-width space (format character)
        "user2\u00a0", // a no-break space
        "rene\u0301", // not in normal form C
        ""
      })
  void commonNameThatIsNotACanonicalUserIsRefused(String commonName) throws Exception {
    X500Name subject = new X500NameBuilder().addRDN(BCStyle.CN, commonName).build();
    assertRefused(clientFor(subject));
  }

  @Test
  void subjectWithTwoCommonNamesIsRefused() throws Exception {
    // Readers disagree on which CN counts: the last RDN (admin) was the user.
    X500Name twoRdns =
        new X500NameBuilder().addRDN(BCStyle.CN, "user2").addRDN(BCStyle.CN, "admin").build();
    assertRefused(clientFor(twoRdns));
    X500Name oneRdn =
        new X500NameBuilder()
            .addMultiValuedRDN(
                new ASN1ObjectIdentifier[] {BCStyle.CN, BCStyle.CN},
                new String[] {"user2", "admin"})
            .build();
    assertRefused(clientFor(oneRdn));
  }

  @Test
  void subjectWithoutCommonNameIsRefused() throws Exception {
    assertRefused(clientFor(new X500Name("O=Example")));
  }

  @Test
  void refusedUserCannotGetWhatWasGrantedToUser2() throws Exception {
    SSLContext lookAlike = clientFor(new X500NameBuilder().addRDN(BCStyle.CN, "user2 ").build());
    ResponseBatchItem answer = call(lookAlike, Operation.GET, get(grantedToUser2));
    assertThat(answer.resultReason())
        .as(answer.resultMessage())
        .isEqualTo(ResultReason.AUTHENTICATION_NOT_SUCCESSFUL.value());
  }

  private void assertRefused(SSLContext client) throws Exception {
    try (SSLSocket socket = TestClients.connect(client, server.port())) {
      ResponseMessage response =
          exchange(
              socket, Operation.DISCOVER_VERSIONS, TtlvStructure.of(Tag.REQUEST_PAYLOAD.code()));
      assertThat(response.header().protocolVersion()).isEqualTo(V);
      ResponseBatchItem item = response.batchItems().get(0);
      assertThat(item.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
      assertThat(item.resultReason())
          .as(item.resultMessage())
          .isEqualTo(ResultReason.AUTHENTICATION_NOT_SUCCESSFUL.value());
      assertThat(socket.getInputStream().read()).as("closed after the answer").isEqualTo(-1);
    }
  }

  private String createKey() throws IOException {
    Attributes attributes =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)));
    ResponseBatchItem created =
        call(
            admin,
            Operation.CREATE,
            Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(V));
    assertSuccess(created, "create");
    return Create.Response.decode(Objects.requireNonNull(created.responsePayload()), V)
        .uniqueIdentifier();
  }

  private static TtlvStructure get(String uid) {
    return new Get.Request(uid, null, null, null, null).encode(V);
  }

  private static void assertSuccess(ResponseBatchItem answer, String what) {
    assertThat(answer.resultStatus())
        .as("%s: %s", what, answer.resultMessage())
        .isEqualTo(ResultStatus.SUCCESS);
  }

  private ResponseBatchItem call(SSLContext who, Operation operation, TtlvStructure payload)
      throws IOException {
    try (SSLSocket socket = TestClients.connect(who, server.port())) {
      return exchange(socket, operation, payload).batchItems().get(0);
    }
  }

  private static ResponseMessage exchange(
      SSLSocket socket, Operation operation, TtlvStructure payload) throws IOException {
    RequestMessage request =
        new RequestMessage(
            RequestHeader.of(V),
            List.of(new RequestBatchItem(operation.value(), null, null, payload, List.of())));
    return TestClients.exchange(socket, request);
  }

  /** A client certificate with {@code subject}, issued by the development CA, as a TLS context. */
  private SSLContext clientFor(X500Name subject) throws Exception {
    int n = SERIAL.incrementAndGet();
    Path cert = dir.resolve("client-" + n + ".crt");
    Path key = dir.resolve("client-" + n + ".key");
    ClientCertificates.issue(
        pki.caCertificate(), pki.directory().resolve("ca.key"), subject, cert, key);
    return TestClients.context(pki.caCertificate(), cert, key);
  }
}
