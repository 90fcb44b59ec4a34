package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.arca.kmip.AttestationType;
import io.arca.kmip.CredentialType;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.QueryFunction;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.TicketType;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.Authentication;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.DelegatedLogin;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.Login;
import io.arca.kmip.payload.Logout;
import io.arca.kmip.payload.Query;
import io.arca.kmip.payload.Ticket;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.auth.CredentialEntry;
import io.arca.server.auth.CredentialEntry.Field;
import io.arca.server.auth.CredentialEntry.Kind;
import io.arca.server.auth.CredentialFile;
import io.arca.server.auth.PasswordHashes;
import io.arca.server.config.CredentialPolicy;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import io.arca.testing.ClientCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * KMIP credentials and tickets over real mutual TLS, in each version that defines each: a server
 * under {@code credential-behind-certificate} (the credential names the user; the certificate only
 * admits the connection), the embedded database, users and devices in a credentials file of
 * Argon2id hashes. Every refusal is looked at: a wrong password, a device that does not match, an
 * expired, used-up or logged-out ticket, a delegated ticket beyond its rights, the failure limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CredentialsEndToEndTest {
  private static final ProtocolVersion V21 = ProtocolVersion.V2_1;
  private static final String ALICE_PASSWORD = "alice-Pa55-word!";
  private static final String BOB_PASSWORD = "bob-secret-77";
  private static final String DEVICE_PASSWORD = "device-pin-9090";
  private static final byte[] GOOD_MEASUREMENT =
      "pcr0=good-firmware".getBytes(StandardCharsets.UTF_8);
  private static final AtomicInteger SERIAL = new AtomicInteger();

  @TempDir static Path dir;
  private Arca server;
  private DevelopmentPki pki;
  private final List<String> answeredMessages = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    Path credentials = dir.resolve("credentials");
    SecureRandom random = new SecureRandom();
    CredentialFile.write(
        credentials,
        List.of(
            new CredentialEntry(
                Kind.USER,
                "alice",
                Map.of(),
                PasswordHashes.hash(ALICE_PASSWORD.toCharArray(), random)),
            new CredentialEntry(
                Kind.USER,
                "bob",
                Map.of(),
                PasswordHashes.hash(BOB_PASSWORD.toCharArray(), random)),
            new CredentialEntry(
                Kind.DEVICE,
                "sensor-7",
                Map.of(Field.SERIAL, "SN-0042", Field.NETWORK_ID, "10.0.0.7"),
                PasswordHashes.hash(DEVICE_PASSWORD.toCharArray(), random)),
            new CredentialEntry(
                Kind.ATTESTATION,
                "host-3",
                Map.of(
                    Field.ATTESTATION_TYPE,
                    AttestationType.TPM_QUOTE.xmlName(),
                    Field.MEASUREMENT_SHA256,
                    HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(GOOD_MEASUREMENT))),
                null)));
    server =
        Arca.start(
            config(
                dir.resolve("data"), CredentialPolicy.CREDENTIAL_BEHIND_CERTIFICATE, credentials),
            TlsContexts.server(TestServers.tls(pki)));
  }

  private ServerConfig config(Path data, CredentialPolicy policy, Path credentials) {
    ServerConfig base =
        new ServerConfig(
            "127.0.0.1",
            0,
            data,
            TestServers.tls(pki),
            IdentitySource.CN,
            new ServerConfig.Limits(64, 64 * 1024, Duration.ofMinutes(1), Duration.ofSeconds(5)),
            4,
            "info",
            false,
            ServerConfig.Storage.EMBEDDED);
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
        new ServerConfig.Access(Set.of(), data.resolve("audit.log"))
            .withCredentials(
                new ServerConfig.Credentials(policy, credentials, Duration.ofHours(1), 5)),
        null);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  // ---- Username and Password (1.0+) ------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.1", "1.2", "1.3", "1.4", "2.0", "2.1"})
  void rightPasswordIsAcceptedInEveryVersion(String text) throws Exception {
    ProtocolVersion version = VersionedClient.version(text);
    ResponseBatchItem answer =
        call(
            client("right-" + text),
            version,
            password("alice", ALICE_PASSWORD),
            Operation.QUERY,
            query());
    assertThat(answer.resultStatus()).as(answer.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.1", "1.2", "1.3", "1.4", "2.0", "2.1"})
  void wrongPasswordIsRefusedInEveryVersion(String text) throws Exception {
    ProtocolVersion version = VersionedClient.version(text);
    SSLContext client = client("wrong-" + text);
    assertRefused(
        call(client, version, password("alice", "alice-Pa55-word?"), Operation.QUERY, query()),
        ResultReason.AUTHENTICATION_NOT_SUCCESSFUL);
    // An unknown user is refused alike, and a password-less Username too.
    assertRefused(
        call(client, version, password("mallory", ALICE_PASSWORD), Operation.QUERY, query()),
        ResultReason.AUTHENTICATION_NOT_SUCCESSFUL);
  }

  @Test
  void requestWithoutCredentialIsRefused() throws Exception {
    ResponseBatchItem answer = call(client("none"), V21, null, Operation.QUERY, query());
    assertRefused(answer, ResultReason.AUTHENTICATION_NOT_SUCCESSFUL);
    assertThat(answer.resultMessage()).contains("a Credential is required");
  }

  @Test
  void theCredentialsUserIsTheIdentityNotTheCertificates() throws Exception {
    SSLContext admin =
        TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    String key = createKey(admin, password("alice", ALICE_PASSWORD));
    Get.Request get = new Get.Request(key, null, null, null, null);
    // bob, behind the very same certificate, holds no right on alice's key.
    assertRefused(
        call(admin, V21, password("bob", BOB_PASSWORD), Operation.GET, get.encode(V21)),
        ResultReason.OBJECT_NOT_FOUND);
    assertThat(
            call(admin, V21, password("alice", ALICE_PASSWORD), Operation.GET, get.encode(V21))
                .resultStatus())
        .isEqualTo(ResultStatus.SUCCESS);
  }

  // ---- Device (1.1+) ----------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"1.1", "1.2", "1.3", "1.4", "2.0", "2.1"})
  void deviceCredentialMustMatchItsEntry(String text) throws Exception {
    ProtocolVersion version = VersionedClient.version(text);
    SSLContext client = client("device-" + text);
    ResponseBatchItem ok =
        call(
            client,
            version,
            device("SN-0042", "10.0.0.7", DEVICE_PASSWORD),
            Operation.QUERY,
            query());
    assertThat(ok.resultStatus()).as(ok.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    assertRefused(
        call(
            client,
            version,
            device("SN-0043", "10.0.0.7", DEVICE_PASSWORD),
            Operation.QUERY,
            query()),
        ResultReason.AUTHENTICATION_NOT_SUCCESSFUL);
    assertRefused(
        call(
            client,
            version,
            device("SN-0042", "10.0.0.8", DEVICE_PASSWORD),
            Operation.QUERY,
            query()),
        ResultReason.AUTHENTICATION_NOT_SUCCESSFUL);
    assertRefused(
        call(
            client,
            version,
            device("SN-0042", "10.0.0.7", "device-pin-9091"),
            Operation.QUERY,
            query()),
        ResultReason.AUTHENTICATION_NOT_SUCCESSFUL);
  }

  @Test
  void deviceCredentialIsNotAKmip10Type() throws Exception {
    ResponseBatchItem answer =
        call(
            client("device-1.0"),
            ProtocolVersion.V1_0,
            device("SN-0042", "10.0.0.7", DEVICE_PASSWORD),
            Operation.QUERY,
            query());
    assertRefused(answer, ResultReason.AUTHENTICATION_NOT_SUCCESSFUL);
    assertThat(answer.resultMessage()).contains("not defined in KMIP 1.0");
  }

  // ---- Attestation (1.2+) -----------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"1.2", "1.3", "1.4", "2.0", "2.1"})
  void attestationIsCheckedAgainstTheConfiguredMeasurement(String text) throws Exception {
    ProtocolVersion version = VersionedClient.version(text);
    SSLContext client = client("attest-" + text);
    ResponseBatchItem ok =
        call(client, version, attestation(GOOD_MEASUREMENT), Operation.QUERY, query());
    assertThat(ok.resultStatus()).as(ok.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    assertRefused(
        call(
            client,
            version,
            attestation("pcr0=tampered".getBytes(StandardCharsets.UTF_8)),
            Operation.QUERY,
            query()),
        ResultReason.ATTESTATION_FAILED);
  }

  // ---- One Time Password, Hashed Password (2.0+)
  // --------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"2.0", "2.1"})
  void oneTimeAndHashedPasswordsAreRefusedWithTheirReason(String text) throws Exception {
    ProtocolVersion version = VersionedClient.version(text);
    SSLContext client = client("otp-" + text);
    TtlvStructure otp =
        credential(
            CredentialType.ONE_TIME_PASSWORD,
            StructureBuilder.of(Tag.CREDENTIAL_VALUE)
                .text(Tag.USERNAME, "alice")
                .text(Tag.PASSWORD, ALICE_PASSWORD)
                .text(Tag.ONE_TIME_PASSWORD, "123456")
                .build());
    ResponseBatchItem answer = call(client, version, otp, Operation.QUERY, query());
    assertRefused(answer, ResultReason.AUTHENTICATION_NOT_SUCCESSFUL);
    assertThat(answer.resultMessage()).contains("One Time Password");
    ResponseBatchItem inOld = call(client, ProtocolVersion.V1_4, otp, Operation.QUERY, query());
    assertThat(inOld.resultMessage()).contains("not defined in KMIP 1.4");
  }

  // ---- Tickets: Login, Logout, Delegated Login (2.0+) -------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"2.0", "2.1"})
  void loginTicketServesUntilLogout(String text) throws Exception {
    ProtocolVersion version = VersionedClient.version(text);
    SSLContext client = client("login-" + text);
    Ticket ticket = login(client, version, new Login.Request(null, null, null, null));
    TtlvStructure asTicket = ticket(ticket);
    assertThat(call(client, version, asTicket, Operation.QUERY, query()).resultStatus())
        .isEqualTo(ResultStatus.SUCCESS);
    ResponseBatchItem out =
        call(
            client,
            version,
            asTicket,
            Operation.LOGOUT,
            new Logout.Request(ticket).encode(version));
    assertThat(out.resultStatus()).as(out.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    ResponseBatchItem after = call(client, version, asTicket, Operation.QUERY, query());
    assertRefused(after, ResultReason.AUTHENTICATION_NOT_SUCCESSFUL);
    assertThat(after.resultMessage()).contains("unknown or was logged out");
    // Logging out again names a ticket that is no more.
    assertRefused(
        call(
            client,
            version,
            password("alice", ALICE_PASSWORD),
            Operation.LOGOUT,
            new Logout.Request(ticket).encode(version)),
        ResultReason.INVALID_TICKET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.0", "2.1"})
  void ticketIsRefusedBeyondItsRequestCount(String text) throws Exception {
    ProtocolVersion version = VersionedClient.version(text);
    SSLContext client = client("count-" + text);
    Ticket ticket = login(client, version, new Login.Request(null, null, 2L, null));
    for (int i = 0; i < 2; i++) {
      assertThat(call(client, version, ticket(ticket), Operation.QUERY, query()).resultStatus())
          .isEqualTo(ResultStatus.SUCCESS);
    }
    ResponseBatchItem third = call(client, version, ticket(ticket), Operation.QUERY, query());
    assertRefused(third, ResultReason.AUTHENTICATION_NOT_SUCCESSFUL);
    assertThat(third.resultMessage()).contains("used up");
  }

  @Test
  void expiredTicketIsRefused() throws Exception {
    SSLContext client = client("expired");
    Ticket ticket = login(client, V21, new Login.Request(1L, null, null, null));
    Thread.sleep(2100); // the lease is whole seconds: wait past it
    ResponseBatchItem answer = call(client, V21, ticket(ticket), Operation.QUERY, query());
    assertRefused(answer, ResultReason.AUTHENTICATION_NOT_SUCCESSFUL);
    assertThat(answer.resultMessage()).contains("expired");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.0", "2.1"})
  void delegatedTicketAllowsOnlyItsRights(String text) throws Exception {
    ProtocolVersion version = VersionedClient.version(text);
    SSLContext client = client("delegated-" + text);
    ResponseBatchItem issued =
        call(
            client,
            version,
            password("alice", ALICE_PASSWORD),
            Operation.DELEGATED_LOGIN,
            new DelegatedLogin.Request(
                    new Login.Request(null, null, null, null),
                    List.of(DelegatedLogin.Right.of(Operation.QUERY)))
                .encode(version));
    assertThat(issued.resultStatus()).as(issued.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    Ticket ticket =
        DelegatedLogin.Response.decode(Objects.requireNonNull(issued.responsePayload()), version)
            .ticket();
    assertThat(call(client, version, ticket(ticket), Operation.QUERY, query()).resultStatus())
        .isEqualTo(ResultStatus.SUCCESS);
    assertRefused(
        call(client, version, ticket(ticket), Operation.CREATE, aesKey(version)),
        ResultReason.PERMISSION_DENIED);
    // Nor does a ticket make tickets.
    assertRefused(
        call(
            client,
            version,
            ticket(ticket),
            Operation.LOGIN,
            new Login.Request(null, null, null, null).encode(version)),
        ResultReason.PERMISSION_DENIED);
  }

  @Test
  void loginIsNoOperationOfKmip1() throws Exception {
    ResponseBatchItem answer =
        call(
            client("login-1.4"),
            ProtocolVersion.V1_4,
            password("alice", ALICE_PASSWORD),
            Operation.LOGIN,
            new Login.Request(null, null, null, null).encode(V21));
    assertRefused(answer, ResultReason.OPERATION_NOT_SUPPORTED);
  }

  @Test
  void queryListsTheSessionOperations() throws Exception {
    ResponseBatchItem answer =
        call(client("query"), V21, password("alice", ALICE_PASSWORD), Operation.QUERY, query());
    Query.Response response =
        Query.Response.decode(Objects.requireNonNull(answer.responsePayload()));
    assertThat(response.operations())
        .contains(
            Operation.LOGIN.value(), Operation.LOGOUT.value(), Operation.DELEGATED_LOGIN.value());
    ResponseBatchItem types =
        call(
            client("query-attestation"),
            V21,
            password("alice", ALICE_PASSWORD),
            Operation.QUERY,
            new Query.Request(List.of(QueryFunction.QUERY_ATTESTATION_TYPES.value())).encode());
    assertThat(
            Query.Response.decode(Objects.requireNonNull(types.responsePayload()))
                .attestationTypes())
        .containsExactly(AttestationType.TPM_QUOTE.value());
  }

  // ---- The failure limit ------------------------------------------------------------------------

  @Test
  void failedCredentialsAreLimitedPerClient() throws Exception {
    SSLContext guesser = client("guesser");
    for (int i = 0; i < 5; i++) {
      ResponseBatchItem answer =
          call(guesser, V21, password("alice", "guess-" + i), Operation.QUERY, query());
      assertRefused(answer, ResultReason.AUTHENTICATION_NOT_SUCCESSFUL);
      assertThat(answer.resultMessage()).doesNotContain("too many");
    }
    // The sixth try is refused unchecked, even with the right password.
    ResponseBatchItem limited =
        call(guesser, V21, password("alice", ALICE_PASSWORD), Operation.QUERY, query());
    assertRefused(limited, ResultReason.AUTHENTICATION_NOT_SUCCESSFUL);
    assertThat(limited.resultMessage()).contains("too many failed credentials");
    // Another client (another certificate) is not held back by the guesser.
    assertThat(
            call(client("honest"), V21, password("alice", ALICE_PASSWORD), Operation.QUERY, query())
                .resultStatus())
        .isEqualTo(ResultStatus.SUCCESS);
  }

  // ---- No secret reaches a log, an audit record, an error or the disk
  // ------------------------------

  @Test
  @Order(1) // the first refusal of this client's address: the refusal log writes it at once
  void noPasswordOrTicketReachesLogsAuditOrErrors() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    root.addAppender(lines);
    List<String> secrets =
        new ArrayList<>(List.of(ALICE_PASSWORD, BOB_PASSWORD, DEVICE_PASSWORD, "alice-wrong-Pass"));
    try {
      SSLContext client = client("secrets");
      call(client, V21, password("alice", "alice-wrong-Pass"), Operation.QUERY, query());
      call(client, V21, password("bob", BOB_PASSWORD), Operation.QUERY, query());
      call(client, V21, device("SN-0042", "10.0.0.7", DEVICE_PASSWORD), Operation.QUERY, query());
      Ticket ticket = login(client, V21, new Login.Request(null, null, 1L, null));
      byte[] value = ticket.value().toByteArray();
      secrets.add(HexFormat.of().formatHex(value));
      secrets.add(HexFormat.of().withUpperCase().formatHex(value));
      secrets.add(Base64.getEncoder().encodeToString(value));
      secrets.add(new String(value, StandardCharsets.ISO_8859_1));
      call(client, V21, ticket(ticket), Operation.QUERY, query());
      call(client, V21, ticket(ticket), Operation.QUERY, query()); // used up: refused
      call(
          client,
          V21,
          password("alice", ALICE_PASSWORD),
          Operation.LOGOUT,
          new Logout.Request(ticket).encode(V21));
      server.audit().flush();
    } finally {
      root.detachAppender(lines);
    }
    String audit = Files.readString(dir.resolve("data").resolve("audit.log"));
    assertThat(audit).contains("AuthenticationNotSuccessful").contains("Login");
    List<String> logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(logged).anyMatch(line -> line.contains("Credential did not authenticate"));
    for (String secret : secrets) {
      assertThat(audit).doesNotContain(secret);
      assertThat(logged).noneMatch(line -> line.contains(secret));
      assertThat(answeredMessages).noneMatch(message -> message.contains(secret));
      byte[] bytes = secret.getBytes(StandardCharsets.ISO_8859_1);
      try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          assertThat(indexOf(Files.readAllBytes(file), bytes)).as("%s", file).isEqualTo(-1);
        }
      }
    }
  }

  // ---- both-must-match --------------------------------------------------------------------------

  @Test
  void bothMustMatchRefusesACredentialOfAnotherUser() throws Exception {
    Path credentials = dir.resolve("credentials-admin");
    CredentialFile.write(
        credentials,
        List.of(
            new CredentialEntry(
                Kind.USER,
                "admin",
                Map.of(),
                PasswordHashes.hash("admin-pw-1".toCharArray(), new SecureRandom())),
            new CredentialEntry(
                Kind.USER,
                "bob",
                Map.of(),
                PasswordHashes.hash(BOB_PASSWORD.toCharArray(), new SecureRandom()))));
    try (Arca strict =
        Arca.start(
            config(dir.resolve("strict"), CredentialPolicy.BOTH_MUST_MATCH, credentials),
            TlsContexts.server(TestServers.tls(pki)))) {
      SSLContext admin =
          TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
      assertThat(
              call(
                      strict.port(),
                      admin,
                      V21,
                      password("admin", "admin-pw-1"),
                      Operation.QUERY,
                      query())
                  .resultStatus())
          .isEqualTo(ResultStatus.SUCCESS);
      ResponseBatchItem bob =
          call(strict.port(), admin, V21, password("bob", BOB_PASSWORD), Operation.QUERY, query());
      assertRefused(bob, ResultReason.AUTHENTICATION_NOT_SUCCESSFUL);
      assertThat(bob.resultMessage()).contains("both-must-match");
      assertRefused(
          call(strict.port(), admin, V21, null, Operation.QUERY, query()),
          ResultReason.AUTHENTICATION_NOT_SUCCESSFUL);
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private Ticket login(SSLContext client, ProtocolVersion version, Login.Request request)
      throws IOException {
    ResponseBatchItem answer =
        call(
            client,
            version,
            password("alice", ALICE_PASSWORD),
            Operation.LOGIN,
            request.encode(version));
    assertThat(answer.resultStatus()).as(answer.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    Ticket ticket =
        Login.Response.decode(Objects.requireNonNull(answer.responsePayload()), version).ticket();
    assertThat(ticket.ticketType()).isEqualTo(TicketType.LOGIN.value());
    assertThat(ticket.value().length()).isEqualTo(32);
    return ticket;
  }

  private String createKey(SSLContext client, TtlvStructure credential) throws IOException {
    ResponseBatchItem created = call(client, V21, credential, Operation.CREATE, aesKey(V21));
    assertThat(created.resultStatus()).as(created.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    return Create.Response.decode(Objects.requireNonNull(created.responsePayload()), V21)
        .uniqueIdentifier();
  }

  private static TtlvStructure aesKey(ProtocolVersion version) {
    Attributes attributes =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)));
    return Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(version);
  }

  private static TtlvStructure query() {
    return new Query.Request(List.of(QueryFunction.QUERY_OPERATIONS.value())).encode();
  }

  private static TtlvStructure credential(CredentialType type, TtlvStructure value) {
    return StructureBuilder.of(Tag.CREDENTIAL)
        .enumeration(Tag.CREDENTIAL_TYPE, type.value())
        .add(value)
        .build();
  }

  private static TtlvStructure password(String user, String password) {
    return credential(
        CredentialType.USERNAME_AND_PASSWORD,
        StructureBuilder.of(Tag.CREDENTIAL_VALUE)
            .text(Tag.USERNAME, user)
            .text(Tag.PASSWORD, password)
            .build());
  }

  private static TtlvStructure device(String serial, String network, String password) {
    return credential(
        CredentialType.DEVICE,
        StructureBuilder.of(Tag.CREDENTIAL_VALUE)
            .text(Tag.DEVICE_SERIAL_NUMBER, serial)
            .text(Tag.PASSWORD, password)
            .text(Tag.NETWORK_IDENTIFIER, network)
            .build());
  }

  private static TtlvStructure attestation(byte[] measurement) {
    TtlvStructure nonce =
        StructureBuilder.of(Tag.NONCE)
            .bytes(Tag.NONCE_ID, ByteString.copyOf(new byte[] {1}))
            .bytes(Tag.NONCE_VALUE, ByteString.copyOf(new byte[] {2, 3}))
            .build();
    return credential(
        CredentialType.ATTESTATION,
        StructureBuilder.of(Tag.CREDENTIAL_VALUE)
            .add(nonce)
            .enumeration(Tag.ATTESTATION_TYPE, AttestationType.TPM_QUOTE.value())
            .bytes(Tag.ATTESTATION_MEASUREMENT, ByteString.copyOf(measurement))
            .build());
  }

  private static TtlvStructure ticket(Ticket ticket) {
    return credential(
        CredentialType.TICKET,
        StructureBuilder.of(Tag.CREDENTIAL_VALUE)
            .enumeration(Tag.TICKET_TYPE, ticket.ticketType())
            .bytes(Tag.TICKET_VALUE, ticket.value())
            .build());
  }

  /** A client whose certificate names {@code name}: each its own client for the failure limit. */
  private SSLContext client(String name) throws Exception {
    int n = SERIAL.incrementAndGet();
    Path cert = dir.resolve("client-" + n + ".crt");
    Path key = dir.resolve("client-" + n + ".key");
    ClientCertificates.issue(
        pki.caCertificate(), pki.directory().resolve("ca.key"), name, cert, key);
    return TestClients.context(pki.caCertificate(), cert, key);
  }

  private ResponseBatchItem call(
      SSLContext who,
      ProtocolVersion version,
      @Nullable TtlvStructure credential,
      Operation operation,
      TtlvStructure payload)
      throws IOException {
    return call(server.port(), who, version, credential, operation, payload);
  }

  private ResponseBatchItem call(
      int port,
      SSLContext who,
      ProtocolVersion version,
      @Nullable TtlvStructure credential,
      Operation operation,
      TtlvStructure payload)
      throws IOException {
    RequestHeader header =
        new RequestHeader(
            version,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            credential == null ? null : Authentication.of(credential),
            null,
            null,
            null);
    RequestMessage request =
        new RequestMessage(
            header,
            List.of(new RequestBatchItem(operation.value(), null, null, payload, List.of())));
    try (SSLSocket socket = TestClients.connect(who, port)) {
      ResponseBatchItem answer = TestClients.exchange(socket, request).batchItems().get(0);
      synchronized (answeredMessages) {
        answeredMessages.add(String.valueOf(answer.resultMessage()));
      }
      return answer;
    }
  }

  private static void assertRefused(ResponseBatchItem answer, ResultReason reason) {
    assertThat(answer.resultStatus())
        .as(answer.resultMessage())
        .isEqualTo(ResultStatus.OPERATION_FAILED);
    assertThat(answer.resultReason()).as(answer.resultMessage()).isEqualTo(reason.value());
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
