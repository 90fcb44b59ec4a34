package io.arca.server.tls;

import static io.arca.server.tls.RevocationEndToEndTest.assertRefusedAtHandshake;
import static io.arca.server.tls.RevocationEndToEndTest.discover;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.QueryFunction;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.DenyCertificate;
import io.arca.kmip.payload.KekStatus;
import io.arca.kmip.payload.Query;
import io.arca.kmip.payload.Reload;
import io.arca.kmip.payload.RotateKek;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.Arca;
import io.arca.server.TestServers;
import io.arca.server.config.ServerConfig;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin extension operations (Rotate KEK, KEK Status, Deny and Allow Certificate, Reload) over
 * real mutual TLS on a real server and database: served only when administrators are configured,
 * refused Permission Denied to everyone else, listed by Query to the administrator alone, and each
 * doing what the command line or SIGHUP does.
 */
class AdminOperationsEndToEndTest {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;

  @TempDir Path dir;
  private @Nullable Arca server;
  private TestPki pki;
  private SSLContext admin;
  private SSLContext user;
  private Path denyList;

  @BeforeEach
  void makePki() throws Exception {
    pki = TestPki.create(dir.resolve("pki"), "Clients CA");
    admin = pki.context(pki.client("admin"));
    user = pki.context(pki.client("alice"));
    denyList = Files.writeString(dir.resolve("deny.txt"), "");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void withoutServerAdminsTheAdminOperationsAreNotServed() throws Exception {
    Arca arca = start(Set.of(), () -> "reloaded");

    for (Operation operation :
        List.of(Operation.KEK_STATUS, Operation.DENY_CERTIFICATE, Operation.RELOAD)) {
      ResponseBatchItem answer = call(admin, arca, operation, payload(operation));
      assertThat(answer.resultReason())
          .as(operation + ": " + answer.resultMessage())
          .isEqualTo(ResultReason.OPERATION_NOT_SUPPORTED.value());
    }
    assertThat(queriedOperations(admin, arca)).doesNotContainAnyElementsOf(adminValues());
  }

  @Test
  void onlyTheServerAdminMayCallThemAndOnlyTheAdminSeesThemInQuery() throws Exception {
    Arca arca = start(Set.of("admin"), () -> "reloaded");

    for (Operation operation :
        List.of(
            Operation.ROTATE_KEK,
            Operation.KEK_STATUS,
            Operation.DENY_CERTIFICATE,
            Operation.ALLOW_CERTIFICATE,
            Operation.RELOAD)) {
      ResponseBatchItem answer = call(user, arca, operation, payload(operation));
      assertThat(answer.resultReason())
          .as(operation + ": " + answer.resultMessage())
          .isEqualTo(ResultReason.PERMISSION_DENIED.value());
    }
    assertThat(Files.readString(denyList)).as("nothing written for a refused caller").isEmpty();
    assertThat(queriedOperations(user, arca)).doesNotContainAnyElementsOf(adminValues());
    assertThat(queriedOperations(admin, arca)).containsAll(adminValues());
  }

  @Test
  void denyCertificateCutsAnOpenConnectionOffAndAllowLetsTheClientBackIn() throws Exception {
    Arca arca = start(Set.of("admin"), () -> "reloaded");
    TestPki.Issued laptop = pki.client("laptop");
    SSLContext stolen = pki.context(laptop);
    String fingerprint = RevocationList.fingerprint(laptop.certificate());
    try (SSLSocket open = TestClients.connect(stolen, arca.port())) {
      assertThat(RevocationEndToEndTest.call(open).resultStatus()).isEqualTo(ResultStatus.SUCCESS);

      ResponseBatchItem denied =
          call(
              admin,
              arca,
              Operation.DENY_CERTIFICATE,
              new DenyCertificate.Request(fingerprint.toUpperCase(java.util.Locale.ROOT))
                  .encode(V));
      assertThat(denied.resultStatus()).as(denied.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
      assertThat(DenyCertificate.Response.decode(payloadOf(denied), V).entry())
          .isEqualTo(fingerprint);
      assertThat(Files.readAllLines(denyList)).containsExactly(fingerprint);

      // At once, with no refresh interval to wait for: the open connection's next request.
      ResponseBatchItem next = RevocationEndToEndTest.call(open);
      assertThat(next.resultReason())
          .as(next.resultMessage())
          .isEqualTo(ResultReason.AUTHENTICATION_NOT_SUCCESSFUL.value());
    }
    // A new context each time, as a new client process: no TLS session to resume.
    assertRefusedAtHandshake(pki.context(laptop), arca);

    // Allowed by another spelling of the same fingerprint (colons, upper case).
    ResponseBatchItem allowed =
        call(
            admin,
            arca,
            Operation.ALLOW_CERTIFICATE,
            new DenyCertificate.Request(
                    fingerprint.toUpperCase(java.util.Locale.ROOT).replaceAll("(..)(?!$)", "$1:"))
                .encode(V));
    assertThat(allowed.resultStatus()).as(allowed.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    assertThat(Files.readAllLines(denyList)).isEmpty();
    assertThat(discover(pki.context(laptop), arca)).isEqualTo(ResultStatus.SUCCESS);

    ResponseBatchItem bySerial =
        call(
            admin,
            arca,
            Operation.DENY_CERTIFICATE,
            new DenyCertificate.Request(
                    laptop.serial().toString(16) + " sha256:" + RevocationList.fingerprint(pki.ca))
                .encode(V));
    assertThat(bySerial.resultStatus())
        .as(bySerial.resultMessage())
        .isEqualTo(ResultStatus.SUCCESS);
    assertRefusedAtHandshake(pki.context(laptop), arca);
  }

  @Test
  void denyEntryThatNamesNoCertificateIsInvalidFieldAndChangesNothing() throws Exception {
    Arca arca = start(Set.of("admin"), () -> "reloaded");

    for (String entry : List.of("0a1b2c", "not-hex", "0a1b sha256:" + "ab".repeat(32))) {
      ResponseBatchItem answer =
          call(
              admin,
              arca,
              Operation.DENY_CERTIFICATE,
              new DenyCertificate.Request(entry).encode(V));
      assertThat(answer.resultReason())
          .as(entry + ": " + answer.resultMessage())
          .isEqualTo(ResultReason.INVALID_FIELD.value());
    }
    assertThat(Files.readString(denyList)).isEmpty();
  }

  @Test
  void rotateKekMovesEveryRowUnderANewKekAndKekStatusReportsIt() throws Exception {
    Arca arca = start(Set.of("admin"), () -> "reloaded");
    KekStatus.Response before = kekStatus(arca);
    assertThat(before.keks()).hasSize(1);
    String old = before.keks().get(0).kekId();
    assertThat(before.keks().get(0).wrapped()).as("the audit keys at least").isPositive();
    assertThat(before.rotation().state()).isEqualTo("none");

    ResponseBatchItem started =
        call(admin, arca, Operation.ROTATE_KEK, new RotateKek.Request("local").encode(V));
    assertThat(started.resultStatus()).as(started.resultMessage()).isEqualTo(ResultStatus.SUCCESS);

    KekStatus.Response after = kekStatus(arca);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!after.rotation().state().equals("finished")) {
      assertThat(after.rotation().state()).as(after.rotation().message()).isEqualTo("running");
      assertThat(System.nanoTime()).as("rotation done within 60 s").isLessThan(deadline);
      Thread.sleep(50);
      after = kekStatus(arca);
    }
    String target = Objects.requireNonNull(after.rotation().target());
    assertThat(target).isNotEqualTo(old);
    assertThat(after.keks())
        .contains(
            new KekStatus.Kek(old, "previous", 0),
            new KekStatus.Kek(target, "current", before.keks().get(0).wrapped()));
    try (var files = Files.list(dir.resolve("data"))) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .as("the new local KEK's file")
          .anyMatch(name -> name.startsWith("kek-"));
    }
    // The server still serves under the new KEK.
    assertThat(discover(admin, arca)).isEqualTo(ResultStatus.SUCCESS);
  }

  @Test
  void reloadAnswersItsOutcomeAndAFailureWithItsReason() throws Exception {
    boolean[] fail = {false};
    Arca arca =
        start(
            Set.of("admin"),
            () -> {
              if (fail[0]) {
                throw new IOException("the private key does not match the server certificate");
              }
              return "new handshakes present serial 1f";
            });

    ResponseBatchItem done = call(admin, arca, Operation.RELOAD, new Reload.Request().encode(V));
    assertThat(done.resultStatus()).as(done.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    assertThat(Reload.Response.decode(payloadOf(done), V).message())
        .isEqualTo("new handshakes present serial 1f");

    fail[0] = true;
    ResponseBatchItem failed = call(admin, arca, Operation.RELOAD, new Reload.Request().encode(V));
    assertThat(failed.resultReason()).isEqualTo(ResultReason.GENERAL_FAILURE.value());
    assertThat(failed.resultMessage())
        .contains("the previous configuration stays in use")
        .contains("the private key does not match the server certificate");
  }

  private Arca start(Set<String> admins, Arca.Reloader reloader) throws Exception {
    ServerConfig.Tls tls =
        RevocationEndToEndTest.tls(
            pki, pki.server("server"), RevocationEndToEndTest.revocation(null, denyList));
    ServerConfig config = TestServers.config(dir.resolve("data"), tls, 16, 64 * 1024);
    config =
        new ServerConfig(
            config.bind(),
            config.port(),
            config.dataDir(),
            config.tls(),
            config.identityFrom(),
            config.limits(),
            config.workerThreads(),
            config.logLevel(),
            config.interop(),
            config.storage(),
            config.access().withServerAdmins(admins),
            config.hsm(),
            config.requestBounds(),
            config.observability());
    Arca arca = Arca.start(config, ServerTls.start(tls, Duration.ofSeconds(10)), reloader);
    server = arca;
    return arca;
  }

  private KekStatus.Response kekStatus(Arca arca) throws IOException {
    ResponseBatchItem answer =
        call(admin, arca, Operation.KEK_STATUS, new KekStatus.Request().encode(V));
    assertThat(answer.resultStatus()).as(answer.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    return KekStatus.Response.decode(payloadOf(answer), V);
  }

  private static TtlvStructure payload(Operation operation) {
    return switch (operation) {
      case ROTATE_KEK -> new RotateKek.Request("local").encode(V);
      case DENY_CERTIFICATE, ALLOW_CERTIFICATE ->
          new DenyCertificate.Request("ab".repeat(32)).encode(V);
      case RELOAD -> new Reload.Request().encode(V);
      default -> new KekStatus.Request().encode(V);
    };
  }

  private static List<Integer> adminValues() {
    return List.of(
        Operation.ROTATE_KEK.value(),
        Operation.KEK_STATUS.value(),
        Operation.DENY_CERTIFICATE.value(),
        Operation.ALLOW_CERTIFICATE.value(),
        Operation.RELOAD.value());
  }

  private static List<Integer> queriedOperations(SSLContext client, Arca arca) throws IOException {
    ResponseBatchItem answer =
        call(
            client,
            arca,
            Operation.QUERY,
            new Query.Request(List.of(QueryFunction.QUERY_OPERATIONS.value())).encode());
    assertThat(answer.resultStatus()).as(answer.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    return Query.Response.decode(payloadOf(answer)).operations();
  }

  private static TtlvStructure payloadOf(ResponseBatchItem item) {
    return Objects.requireNonNull(item.responsePayload());
  }

  private static ResponseBatchItem call(
      SSLContext client, Arca arca, Operation operation, TtlvStructure payload) throws IOException {
    try (SSLSocket socket = TestClients.connect(client, arca.port())) {
      RequestMessage request =
          new RequestMessage(
              RequestHeader.of(V),
              List.of(new RequestBatchItem(operation.value(), null, null, payload, List.of())));
      return TestClients.exchange(socket, request).batchItems().get(0);
    }
  }
}
