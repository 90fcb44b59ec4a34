package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.AsynchronousIndicator;
import io.arca.kmip.CancellationResult;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
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
import io.arca.kmip.payload.Cancel;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.Poll;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import io.arca.testing.ClientCertificates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Asynchronous operations over mutual TLS in every version (1.0-2.1): a Create Key Pair the client
 * lets run asynchronously is answered Pending with a correlation value, Poll gives its result once,
 * only its owner may Poll or Cancel it, a Cancel of the finished request says Completed, and an
 * operation that finishes at once is answered synchronously even when the client allows otherwise.
 */
class AsynchronousEndToEndTest {
  @TempDir static Path dir;
  static Arca server;
  static SSLContext admin;
  static SSLContext stranger;

  @BeforeAll
  static void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    server = Arca.start(TestServers.config(dir, tls, 64, 64 * 1024), TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    Path cert = dir.resolve("stranger.crt");
    Path key = dir.resolve("stranger.key");
    ClientCertificates.issue(
        pki.caCertificate(), pki.directory().resolve("ca.key"), "stranger", cert, key);
    stranger = TestClients.context(pki.caCertificate(), cert, key);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** One item, with the Asynchronous Indicator the client sends (null: none). */
  private static ResponseBatchItem send(
      SSLSocket socket,
      ProtocolVersion version,
      @Nullable AsynchronousIndicator asynchronous,
      Operation operation,
      TtlvStructure payload)
      throws IOException {
    RequestHeader header =
        new RequestHeader(
            version,
            null,
            null,
            null,
            asynchronous == null ? null : asynchronous.value(),
            null,
            List.of(),
            null,
            null,
            null,
            null);
    RequestMessage request =
        new RequestMessage(
            header,
            List.of(new RequestBatchItem(operation.value(), null, null, payload, List.of())));
    return TestClients.exchange(socket, request).batchItems().get(0);
  }

  private static TtlvStructure rsaKeyPair(ProtocolVersion version) {
    return new CreateKeyPair.Request(
            new Attributes(
                List.of(
                    Attribute.of(
                        new TtlvEnumeration(
                            Tag.CRYPTOGRAPHIC_ALGORITHM.code(),
                            CryptographicAlgorithm.RSA.value())),
                    Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 2048))),
                List.of()),
            Attributes.of(
                Attribute.of(
                    new TtlvInteger(
                        Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), CryptographicUsageMask.SIGN.value()))),
            Attributes.of(
                Attribute.of(
                    new TtlvInteger(
                        Tag.CRYPTOGRAPHIC_USAGE_MASK.code(),
                        CryptographicUsageMask.VERIFY.value()))),
            CreateKeyPair.KeyPairMasks.NONE)
        .encode(version);
  }

  private static ResponseBatchItem poll(SSLSocket socket, ProtocolVersion version, ByteString value)
      throws IOException {
    return send(socket, version, null, Operation.POLL, new Poll.Request(value).encode(version));
  }

  private static int cancel(SSLSocket socket, ProtocolVersion version, ByteString value)
      throws IOException {
    ResponseBatchItem answer =
        send(socket, version, null, Operation.CANCEL, new Cancel.Request(value).encode(version));
    assertThat(answer.resultStatus()).as(answer.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    Cancel.Response response =
        Cancel.Response.decode(Objects.requireNonNull(answer.responsePayload()), version);
    assertThat(response.asynchronousCorrelationValue()).isEqualTo(value);
    return response.cancellationResult();
  }

  @ParameterizedTest(name = "KMIP {0}")
  @ValueSource(strings = {"1.0", "1.1", "1.2", "1.3", "1.4", "2.0", "2.1"})
  void aKeyPairGeneratedAsynchronouslyIsPolledOnceAndOnlyByItsOwner(String v) throws Exception {
    ProtocolVersion version = VersionedClient.version(v);
    boolean v2 = version.isAtLeast(ProtocolVersion.V2_0);
    int unknownValue =
        (v2 ? ResultReason.INVALID_ASYNCHRONOUS_CORRELATION_VALUE : ResultReason.ITEM_NOT_FOUND)
            .value();
    try (SSLSocket owner = TestClients.connect(admin, server.port());
        SSLSocket other = TestClients.connect(stranger, server.port())) {
      ResponseBatchItem pending =
          send(
              owner,
              version,
              AsynchronousIndicator.OPTIONAL,
              Operation.CREATE_KEY_PAIR,
              rsaKeyPair(version));
      assertThat(pending.resultStatus()).isEqualTo(ResultStatus.OPERATION_PENDING);
      assertThat(pending.operation()).isEqualTo(Operation.CREATE_KEY_PAIR.value());
      assertThat(pending.responsePayload()).isNull();
      ByteString value = Objects.requireNonNull(pending.asynchronousCorrelationValue());

      ResponseBatchItem strangers = poll(other, version, value);
      assertThat(strangers.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
      assertThat(strangers.resultReason()).isEqualTo(unknownValue);
      assertThat(cancel(other, version, value)).isEqualTo(CancellationResult.UNAVAILABLE.value());

      ResponseBatchItem result = pollUntilDone(owner, version, value);
      assertThat(result.resultStatus()).as(result.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
      assertThat(result.operation()).isEqualTo(Operation.CREATE_KEY_PAIR.value());
      CreateKeyPair.Response pair =
          CreateKeyPair.Response.decode(Objects.requireNonNull(result.responsePayload()), version);
      ResponseBatchItem got =
          send(
              owner,
              version,
              null,
              Operation.GET,
              Get.Request.of(pair.privateKeyUniqueIdentifier()).encode(version));
      assertThat(got.resultStatus()).isEqualTo(ResultStatus.SUCCESS);

      ResponseBatchItem again = poll(owner, version, value);
      assertThat(again.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
      assertThat(again.resultReason()).as("a result is given once").isEqualTo(unknownValue);
      assertThat(cancel(owner, version, value))
          .as("Cancel of a finished request")
          .isEqualTo(CancellationResult.COMPLETED.value());
      assertThat(cancel(owner, version, ByteString.copyOf(new byte[16])))
          .isEqualTo(CancellationResult.UNAVAILABLE.value());
      ResponseBatchItem unknown = poll(owner, version, ByteString.copyOf(new byte[16]));
      assertThat(unknown.resultReason()).isEqualTo(unknownValue);
    }
  }

  @ParameterizedTest(name = "KMIP {0}")
  @ValueSource(strings = {"1.0", "1.4", "2.0", "2.1"})
  void anOperationThatFinishesAtOnceIsAnsweredSynchronously(String v) throws Exception {
    ProtocolVersion version = VersionedClient.version(v);
    try (SSLSocket owner = TestClients.connect(admin, server.port())) {
      ResponseBatchItem created =
          send(
              owner,
              version,
              AsynchronousIndicator.OPTIONAL,
              Operation.CREATE,
              Create.Request.of(
                      ObjectType.SYMMETRIC_KEY.value(),
                      Attributes.of(
                          Attribute.of(
                              new TtlvEnumeration(
                                  Tag.CRYPTOGRAPHIC_ALGORITHM.code(),
                                  CryptographicAlgorithm.AES.value())),
                          Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128)),
                          Attribute.of(
                              new TtlvInteger(
                                  Tag.CRYPTOGRAPHIC_USAGE_MASK.code(),
                                  CryptographicUsageMask.ENCRYPT.value()))))
                  .encode(version));
      assertThat(created.resultStatus()).isEqualTo(ResultStatus.SUCCESS);
      assertThat(created.asynchronousCorrelationValue()).isNull();
    }
  }

  @ParameterizedTest(name = "KMIP {0}")
  @ValueSource(strings = {"2.0", "2.1"})
  void mandatoryMakesAnyOperationPendingButPollAndCancel(String v) throws Exception {
    ProtocolVersion version = VersionedClient.version(v);
    try (SSLSocket owner = TestClients.connect(admin, server.port())) {
      ResponseBatchItem pending =
          send(
              owner,
              version,
              AsynchronousIndicator.MANDATORY,
              Operation.GET,
              Get.Request.of("no-such-object").encode(version));
      assertThat(pending.resultStatus()).isEqualTo(ResultStatus.OPERATION_PENDING);
      ByteString value = Objects.requireNonNull(pending.asynchronousCorrelationValue());
      ResponseBatchItem result = pollUntilDone(owner, version, value);
      assertThat(result.operation()).isEqualTo(Operation.GET.value());
      assertThat(result.resultReason()).isEqualTo(ResultReason.OBJECT_NOT_FOUND.value());
      assertThat(cancel(owner, version, value)).isEqualTo(CancellationResult.FAILED.value());

      ResponseBatchItem polled =
          send(
              owner,
              version,
              AsynchronousIndicator.MANDATORY,
              Operation.POLL,
              new Poll.Request(value).encode(version));
      assertThat(polled.resultStatus())
          .as("Poll is never asynchronous")
          .isEqualTo(ResultStatus.OPERATION_FAILED);
      assertThat(polled.resultReason())
          .isEqualTo(ResultReason.INVALID_ASYNCHRONOUS_CORRELATION_VALUE.value());
    }
  }

  private static ResponseBatchItem pollUntilDone(
      SSLSocket socket, ProtocolVersion version, ByteString value) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      ResponseBatchItem answer = poll(socket, version, value);
      if (answer.resultStatus() != ResultStatus.OPERATION_PENDING) {
        return answer;
      }
      assertThat(answer.asynchronousCorrelationValue()).isEqualTo(value);
      assertThat(answer.responsePayload()).isNull();
      Thread.sleep(20);
    }
    throw new AssertionError("still pending after 120 s");
  }
}
