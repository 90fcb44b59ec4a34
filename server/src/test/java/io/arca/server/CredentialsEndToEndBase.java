package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.arca.kmip.payload.Login;
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
import io.arca.server.config.CredentialSettings;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import io.arca.testing.ClientCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The server, clients and requests the credential end-to-end tests share. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CredentialsEndToEndBase {
  static final ProtocolVersion V21 = ProtocolVersion.V2_1;
  static final String ALICE_PASSWORD = "alice-Pa55-word!";
  static final String BOB_PASSWORD = "bob-secret-77";
  static final String DEVICE_PASSWORD = "device-pin-9090";
  static final byte[] GOOD_MEASUREMENT = "pcr0=good-firmware".getBytes(StandardCharsets.UTF_8);
  static final AtomicInteger SERIAL = new AtomicInteger();

  @TempDir static Path dir;
  Arca server;
  DevelopmentPki pki;
  final List<String> answeredMessages = new ArrayList<>();

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

  ServerConfig config(Path data, CredentialPolicy policy, Path credentials) {
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
            .withCredentials(new CredentialSettings(policy, credentials, Duration.ofHours(1), 5)),
        null);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  // ---- Username and Password (1.0+) ------------------------------------------------------------

  Ticket login(SSLContext client, ProtocolVersion version, Login.Request request)
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

  String createKey(SSLContext client, TtlvStructure credential) throws IOException {
    ResponseBatchItem created = call(client, V21, credential, Operation.CREATE, aesKey(V21));
    assertThat(created.resultStatus()).as(created.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    return Create.Response.decode(Objects.requireNonNull(created.responsePayload()), V21)
        .uniqueIdentifier();
  }

  static TtlvStructure aesKey(ProtocolVersion version) {
    Attributes attributes =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)));
    return Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(version);
  }

  static TtlvStructure query() {
    return new Query.Request(List.of(QueryFunction.QUERY_OPERATIONS.value())).encode();
  }

  static TtlvStructure credential(CredentialType type, TtlvStructure value) {
    return StructureBuilder.of(Tag.CREDENTIAL)
        .enumeration(Tag.CREDENTIAL_TYPE, type.value())
        .add(value)
        .build();
  }

  static TtlvStructure password(String user, String password) {
    return credential(
        CredentialType.USERNAME_AND_PASSWORD,
        StructureBuilder.of(Tag.CREDENTIAL_VALUE)
            .text(Tag.USERNAME, user)
            .text(Tag.PASSWORD, password)
            .build());
  }

  static TtlvStructure device(String serial, String network, String password) {
    return credential(
        CredentialType.DEVICE,
        StructureBuilder.of(Tag.CREDENTIAL_VALUE)
            .text(Tag.DEVICE_SERIAL_NUMBER, serial)
            .text(Tag.PASSWORD, password)
            .text(Tag.NETWORK_IDENTIFIER, network)
            .build());
  }

  static TtlvStructure attestation(byte[] measurement) {
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

  static TtlvStructure ticket(Ticket ticket) {
    return credential(
        CredentialType.TICKET,
        StructureBuilder.of(Tag.CREDENTIAL_VALUE)
            .enumeration(Tag.TICKET_TYPE, ticket.ticketType())
            .bytes(Tag.TICKET_VALUE, ticket.value())
            .build());
  }

  /** A client whose certificate names {@code name}: each its own client for the failure limit. */
  SSLContext client(String name) throws Exception {
    int n = SERIAL.incrementAndGet();
    Path cert = dir.resolve("client-" + n + ".crt");
    Path key = dir.resolve("client-" + n + ".key");
    ClientCertificates.issue(
        pki.caCertificate(), pki.directory().resolve("ca.key"), name, cert, key);
    return TestClients.context(pki.caCertificate(), cert, key);
  }

  ResponseBatchItem call(
      SSLContext who,
      ProtocolVersion version,
      @Nullable TtlvStructure credential,
      Operation operation,
      TtlvStructure payload)
      throws IOException {
    return call(server.port(), who, version, credential, operation, payload);
  }

  ResponseBatchItem call(
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

  static void assertRefused(ResponseBatchItem answer, ResultReason reason) {
    assertThat(answer.resultStatus())
        .as(answer.resultMessage())
        .isEqualTo(ResultStatus.OPERATION_FAILED);
    assertThat(answer.resultReason()).as(answer.resultMessage()).isEqualTo(reason.value());
  }

  static int indexOf(byte[] haystack, byte[] needle) {
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
