package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.NameType;
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
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Name is unique among one owner's live objects (KMIP 1.4 §3.2, 2.1 §4.35) unless the server runs
 * with {@code --allow-duplicate-names}; over mutual TLS, two servers side by side.
 */
class DuplicateNamesEndToEndTest {
  @TempDir static Path dir;
  static Arca strict;
  static Arca lenient;
  static SSLContext admin;

  @BeforeAll
  static void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    strict =
        Arca.start(
            TestServers.config(dir.resolve("strict"), tls, 64, 64 * 1024), TlsContexts.server(tls));
    ServerConfig base = TestServers.config(dir.resolve("lenient"), tls, 64, 64 * 1024);
    ServerConfig.Access access = base.access();
    ServerConfig repeating =
        new ServerConfig(
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
            new ServerConfig.Access(
                access.privilegedUsers(),
                access.auditFile(),
                access.auditJournalMaxBytes(),
                access.auditSync(),
                access.auditRequireDatabase(),
                true),
            base.hsm(),
            base.requestBounds());
    lenient = Arca.start(repeating, TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
  }

  @AfterAll
  static void stop() {
    strict.close();
    lenient.close();
  }

  private static ProtocolVersion version(String text) {
    String[] parts = text.split("\\.", -1);
    return new ProtocolVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
  }

  static Attribute name(String value) {
    return Attribute.of(
        TtlvStructure.of(
            Tag.NAME.code(),
            new TtlvTextString(Tag.NAME_VALUE.code(), value),
            new TtlvEnumeration(Tag.NAME_TYPE.code(), NameType.UNINTERPRETED_TEXT_STRING.value())));
  }

  static ResponseBatchItem call(
      SSLSocket socket, ProtocolVersion v, Operation operation, TtlvStructure payload)
      throws IOException {
    RequestMessage request =
        new RequestMessage(
            RequestHeader.of(v),
            List.of(new RequestBatchItem(operation.value(), null, null, payload, List.of())));
    return TestClients.exchange(socket, request).batchItems().get(0);
  }

  static ResponseBatchItem createNamed(SSLSocket socket, ProtocolVersion v, String label)
      throws IOException {
    Attributes attributes =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128)),
            Attribute.of(
                new TtlvInteger(
                    Tag.CRYPTOGRAPHIC_USAGE_MASK.code(),
                    CryptographicUsageMask.ENCRYPT.value()
                        | CryptographicUsageMask.DECRYPT.value())),
            name(label));
    return call(
        socket,
        v,
        Operation.CREATE,
        Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(v));
  }

  static String uid(ResponseBatchItem item, ProtocolVersion v) {
    assertThat(item.resultStatus())
        .as(String.valueOf(item.resultMessage()))
        .isEqualTo(ResultStatus.SUCCESS);
    return Create.Response.decode(Objects.requireNonNull(item.responsePayload()), v)
        .uniqueIdentifier();
  }

  @ParameterizedTest(name = "KMIP {0}")
  @ValueSource(strings = {"1.0", "1.1", "1.2", "1.3", "1.4", "2.0", "2.1"})
  void aSecondObjectWithTheOwnersNameIsRefusedByDefault(String text) throws Exception {
    ProtocolVersion v = version(text);
    String label = "dup-strict-" + text;
    try (SSLSocket socket = TestClients.connect(admin, strict.port())) {
      String first = uid(createNamed(socket, v, label), v);

      ResponseBatchItem second = createNamed(socket, v, label);

      assertThat(second.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
      assertThat(second.resultReason())
          .isEqualTo(
              v.isAtLeast(ProtocolVersion.V2_0)
                  ? ResultReason.NON_UNIQUE_NAME_ATTRIBUTE.value()
                  : ResultReason.INVALID_FIELD.value());
      assertThat(locate(socket, v, label)).containsExactly(first);
    }
  }

  @ParameterizedTest(name = "KMIP {0}")
  @ValueSource(strings = {"1.0", "1.1", "1.2", "1.3", "1.4", "2.0", "2.1"})
  void withTheOptionOnTwoObjectsShareANameAndLocateFindsBoth(String text) throws Exception {
    ProtocolVersion v = version(text);
    String label = "dup-lenient-" + text;
    try (SSLSocket socket = TestClients.connect(admin, lenient.port())) {
      String first = uid(createNamed(socket, v, label), v);
      String second = uid(createNamed(socket, v, label), v);

      assertThat(second).isNotEqualTo(first);
      assertThat(locate(socket, v, label)).containsExactlyInAnyOrder(first, second);
    }
  }

  /**
   * Clients on their own connections create one Name at the same moment: every handler's search
   * before the insert finds it free, and the database's unique index must leave exactly one object.
   * The others are refused as a second create is (a 1.x client reads General Failure then, or
   * Invalid Field when its search already saw the winner).
   */
  @ParameterizedTest(name = "KMIP {0}")
  @ValueSource(strings = {"1.4", "2.1"})
  void clientsRacingForOneNameLeaveExactlyOneObject(String text) throws Exception {
    ProtocolVersion v = version(text);
    int clients = 6;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<SSLSocket> sockets = new ArrayList<>();
    try {
      for (int c = 0; c < clients; c++) {
        sockets.add(TestClients.connect(admin, strict.port()));
      }
      for (int round = 0; round < 5; round++) {
        String label = "race-" + text + "-" + round;
        CyclicBarrier start = new CyclicBarrier(clients);
        List<Future<ResponseBatchItem>> answers = new ArrayList<>();
        for (SSLSocket socket : sockets) {
          answers.add(
              pool.submit(
                  () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return createNamed(socket, v, label);
                  }));
        }
        List<ResponseBatchItem> items = new ArrayList<>();
        for (Future<ResponseBatchItem> answer : answers) {
          items.add(answer.get(60, TimeUnit.SECONDS));
        }
        List<ResponseBatchItem> created =
            items.stream().filter(i -> i.resultStatus() == ResultStatus.SUCCESS).toList();
        assertThat(created).as("round %d", round).hasSize(1);
        Set<Integer> refusals =
            v.isAtLeast(ProtocolVersion.V2_0)
                ? Set.of(ResultReason.NON_UNIQUE_NAME_ATTRIBUTE.value())
                : Set.of(ResultReason.INVALID_FIELD.value(), ResultReason.GENERAL_FAILURE.value());
        assertThat(items)
            .filteredOn(i -> i.resultStatus() != ResultStatus.SUCCESS)
            .allSatisfy(i -> assertThat(refusals).contains(i.resultReason()));
        assertThat(locate(sockets.get(0), v, label)).containsExactly(uid(created.get(0), v));
      }
    } finally {
      pool.shutdownNow();
      for (SSLSocket socket : sockets) {
        socket.close();
      }
    }
  }

  static List<String> locate(SSLSocket socket, ProtocolVersion v, String label) throws IOException {
    ResponseBatchItem item =
        call(socket, v, Operation.LOCATE, Locate.Request.of(Attributes.of(name(label))).encode(v));
    assertThat(item.resultStatus()).isEqualTo(ResultStatus.SUCCESS);
    return Locate.Response.decode(Objects.requireNonNull(item.responsePayload()), v)
        .uniqueIdentifiers();
  }
}
