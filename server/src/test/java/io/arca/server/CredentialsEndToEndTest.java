package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.arca.kmip.CredentialType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.Login;
import io.arca.kmip.payload.Logout;
import io.arca.kmip.payload.Ticket;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.auth.CredentialEntry;
import io.arca.server.auth.CredentialEntry.Kind;
import io.arca.server.auth.CredentialFile;
import io.arca.server.auth.PasswordHashes;
import io.arca.server.config.CredentialPolicy;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
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
class CredentialsEndToEndTest extends CredentialsEndToEndBase {
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

}
