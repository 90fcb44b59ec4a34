package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.Get;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.server.config.Observability;
import io.arca.server.config.ServerConfig;
import io.arca.server.metrics.AdminClient;
import io.arca.server.metrics.Scrape;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.ServerTls;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A known sequence of KMIP requests over mutual TLS, then {@code /metrics} read over the admin
 * listener's own mutual TLS: every count the sequence implies is there, and a client without a
 * certificate gets nothing from the admin listener.
 */
class MetricsEndToEndTest {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;

  @TempDir Path dir;

  @Test
  void metricsCountWhatASequenceOfRequestsDid() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    ServerConfig config =
        TestServers.watched(
            TestServers.config(dir, tls, 64, 64 * 1024),
            new Observability(
                InetSocketAddress.createUnresolved("127.0.0.1", 0),
                pki.caCertificate(),
                Observability.LogFormat.TEXT,
                false));
    SSLContext admin =
        TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    try (Arca server =
        Arca.start(config, ServerTls.start(tls, config.limits().refusalLogInterval()))) {
      AdminClient metrics = new AdminClient(server.adminPort(), admin);
      assertThat(metrics.get("/healthz").status()).isEqualTo(200);
      assertThat(metrics.get("/readyz")).isEqualTo(new AdminClient.Answer(200, "ready\n"));

      // 3 Creates, 1 Activate, 5 Encrypts, 2 Gets of a missing object: 11 connections.
      String key = encryptionKey(admin, server.port());
      AuditOutageTest.create(admin, server.port());
      AuditOutageTest.create(admin, server.port());
      activate(admin, server.port(), key);
      for (int i = 0; i < 5; i++) {
        encrypt(admin, server.port(), key);
      }
      for (int i = 0; i < 2; i++) {
        ResponseBatchItem missing =
            AuditOutageTest.call(
                admin,
                server.port(),
                Operation.GET,
                new Get.Request("no-such-object", null, null, null, null).encode(V));
        assertThat(missing.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
      }
      // A client without a certificate: refused at the handshake.
      SSLContext anonymous = TestClients.context(pki.caCertificate(), null, null);
      assertThatThrownBy(
              () -> {
                try (SSLSocket socket = TestClients.connect(anonymous, server.port())) {
                  socket.getOutputStream().write(new byte[8]);
                  socket.getInputStream().read();
                }
              })
          .isInstanceOf(IOException.class);

      Scrape scrape = metrics.metrics();
      String counts =
          scrape
              .text()
              .lines()
              .filter(line -> line.startsWith("arca_requests_seconds_count"))
              .filter(line -> !line.endsWith(" 0"))
              .collect(java.util.stream.Collectors.joining("\n"));
      assertThat(requests(scrape, "Create", "Success")).as(counts).isEqualTo(3);
      assertThat(requests(scrape, "Activate", "Success")).as(counts).isEqualTo(1);
      assertThat(requests(scrape, "Encrypt", "Success")).as(counts).isEqualTo(5);
      assertThat(requests(scrape, "Get", "ObjectNotFound")).as(counts).isEqualTo(2);
      assertThat(requests(scrape, "Get", "Success")).isZero();
      assertThat(scrape.value("arca_requests_seconds_count")).isEqualTo(11);
      // The histogram: every Encrypt falls under the largest bucket.
      assertThat(
              scrape.value(
                  "arca_requests_seconds_bucket",
                  "operation",
                  "Encrypt",
                  "result",
                  "Success",
                  "le",
                  "+Inf"))
          .isEqualTo(5);
      assertThat(scrape.value("arca_tls_handshakes_seconds_count", "outcome", "success"))
          .isEqualTo(11);
      // The refused handshake ends on the server's event loop, maybe after the client gave up.
      assertThat(
              eventually(
                  () ->
                      metricsValue(
                          metrics, "arca_tls_handshakes_seconds_count", "outcome", "failure")))
          .isEqualTo(1);
      assertThat(metrics.metrics().value("arca_refusals_total", "reason", "handshake_failed"))
          .isEqualTo(1);
      // The key was used six times after its Create (Activate, five Encrypts): cache hits.
      assertThat(scrape.value("arca_key_cache_hits_total")).isGreaterThanOrEqualTo(5);
      assertThat(scrape.value("arca_db_group_commit_batch_count")).isEqualTo(3);
      assertThat(scrape.value("arca_db_group_commit_batch_sum")).isEqualTo(3);
      assertThat(scrape.has("arca_db_pool_connections")).isTrue();
      assertThat(scrape.has("arca_audit_backlog_bytes")).isTrue();
      assertThat(scrape.value("arca_tls_certificate_expiry_days")).isGreaterThan(300);
      assertThat(scrape.value("arca_connections_open")).isZero();

      // The admin listener asks for a certificate from its own CA bundle.
      AdminClient stranger = new AdminClient(server.adminPort(), anonymous);
      assertThatThrownBy(() -> stranger.get("/metrics")).isInstanceOf(IOException.class);
    }
  }

  @Test
  void adminBindOffKeepsNoListener() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    ServerConfig config = TestServers.config(dir, tls, 64, 64 * 1024);
    assertThat(config.observability().adminBind()).isNull();
    try (Arca server =
        Arca.start(config, ServerTls.start(tls, config.limits().refusalLogInterval()))) {
      assertThat(server.adminPort()).isEqualTo(-1);
    }
  }

  private static double requests(Scrape scrape, String operation, String result) {
    return scrape.value("arca_requests_seconds_count", "operation", operation, "result", result);
  }

  private static double metricsValue(AdminClient client, String name, String... labels) {
    try {
      return client.metrics().value(name, labels);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value once it is not 0, waiting up to five seconds for it. */
  private static double eventually(DoubleSupplier value) throws InterruptedException {
    long until = System.nanoTime() + 5_000_000_000L;
    double now = value.getAsDouble();
    while (now == 0 && System.nanoTime() < until) {
      Thread.sleep(20);
      now = value.getAsDouble();
    }
    return now;
  }

  private static void activate(SSLContext who, int port, String uid) throws IOException {
    assertThat(
            AuditOutageTest.call(who, port, Operation.ACTIVATE, new Activate.Request(uid).encode(V))
                .resultStatus())
        .isEqualTo(ResultStatus.SUCCESS);
  }

  private static void encrypt(SSLContext who, int port, String key) throws IOException {
    ResponseBatchItem answer =
        AuditOutageTest.call(
            who,
            port,
            Operation.ENCRYPT,
            new Encrypt.Request(
                    key, null, ByteString.copyOf(new byte[16]), null, null, null, null, null)
                .encode(V));
    assertThat(answer.resultStatus())
        .as("%s", answer.resultMessage())
        .isEqualTo(ResultStatus.SUCCESS);
  }

  private static String encryptionKey(SSLContext who, int port) throws IOException {
    Attributes attributes =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)),
            Attribute.of(
                new TtlvInteger(
                    Tag.CRYPTOGRAPHIC_USAGE_MASK.code(),
                    CryptographicUsageMask.ENCRYPT.value()
                        | CryptographicUsageMask.DECRYPT.value())));
    ResponseBatchItem created =
        AuditOutageTest.call(
            who,
            port,
            Operation.CREATE,
            Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(V));
    assertThat(created.resultStatus()).isEqualTo(ResultStatus.SUCCESS);
    return Create.Response.decode(Objects.requireNonNull(created.responsePayload()), V)
        .uniqueIdentifier();
  }
}
