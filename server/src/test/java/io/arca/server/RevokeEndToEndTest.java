package io.arca.server;

import static io.arca.server.TestAttributes.date;
import static io.arca.server.TestAttributes.keyOf;
import static io.arca.server.TestAttributes.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.RevocationReasonCode;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.Revoke;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Revoke over real mutual TLS (KMIP 1.4 §4.20, 2.0 §6.1.40, 2.1 §6.1.48), at every version: a
 * compromise without a Compromise Occurrence Date in the request dates it at the object's Initial
 * Date, as the spec says the server SHOULD; one given in the request is kept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevokeEndToEndTest {
  @TempDir static Path dir;

  private Arca server;
  private SSLContext admin;

  static Stream<ProtocolVersion> versions() {
    return Stream.of(
        ProtocolVersion.V1_0,
        ProtocolVersion.V1_1,
        ProtocolVersion.V1_2,
        ProtocolVersion.V1_3,
        ProtocolVersion.V1_4,
        ProtocolVersion.V2_0,
        ProtocolVersion.V2_1);
  }

  @BeforeAll
  void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    server = Arca.start(TestServers.config(dir, tls, 64, 1 << 20), TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @MethodSource("versions")
  void aCompromiseWithoutAnOccurrenceDateDatesItAtTheInitialDate(ProtocolVersion version)
      throws Exception {
    try (VersionedClient client = new VersionedClient(admin, server.port(), version)) {
      // The Initial Date is the server's own: a second boundary between it and the Revoke tells
      // the two dates apart.
      String uid = createActive(client);
      Instant initial = date(attributes(client, uid), Tag.INITIAL_DATE);
      waitPast(initial);

      revoke(client, uid, RevocationReasonCode.KEY_COMPROMISE, null);

      Attributes after = attributes(client, uid);
      assertThat(state(after)).isEqualTo(State.COMPROMISED);
      assertThat(date(after, Tag.COMPROMISE_OCCURRENCE_DATE)).isEqualTo(initial);
      assertThat(date(after, Tag.COMPROMISE_DATE)).isAfter(initial);
    }
  }

  @ParameterizedTest
  @MethodSource("versions")
  void aCompromiseWithAnOccurrenceDateKeepsIt(ProtocolVersion version) throws Exception {
    try (VersionedClient client = new VersionedClient(admin, server.port(), version)) {
      String uid = createActive(client);
      Instant occurred = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

      revoke(client, uid, RevocationReasonCode.CA_COMPROMISE, occurred.getEpochSecond());

      Attributes after = attributes(client, uid);
      assertThat(state(after)).isEqualTo(State.COMPROMISED);
      assertThat(date(after, Tag.COMPROMISE_OCCURRENCE_DATE)).isEqualTo(occurred);
    }
  }

  private static void waitPast(Instant instant) throws InterruptedException {
    while (!Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(instant)) {
      Thread.sleep(50);
    }
  }

  private static String createActive(VersionedClient client) throws IOException {
    List<Attribute> items = keyOf(CryptographicAlgorithm.AES, 128);
    String uid =
        Create.Response.decode(
                client.ok(
                    Operation.CREATE,
                    Create.Request.of(
                            ObjectType.SYMMETRIC_KEY.value(), new Attributes(items, List.of()))
                        .encode(client.version())),
                client.version())
            .uniqueIdentifier();
    client.ok(Operation.ACTIVATE, new Activate.Request(uid).encode(client.version()));
    return uid;
  }

  private static void revoke(
      VersionedClient client, String uid, RevocationReasonCode code, @Nullable Long occurred)
      throws IOException {
    client.ok(
        Operation.REVOKE,
        new Revoke.Request(uid, new Revoke.RevocationReason(code.value(), null), occurred)
            .encode(client.version()));
  }

  private static Attributes attributes(VersionedClient client, String uid) throws IOException {
    return GetAttributes.Response.decode(
            client.ok(
                Operation.GET_ATTRIBUTES,
                new GetAttributes.Request(uid, List.of()).encode(client.version())),
            client.version())
        .attributes();
  }
}
