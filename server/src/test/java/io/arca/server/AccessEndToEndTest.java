package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.RevocationReasonCode;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.payload.AccessGrant;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Destroy;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GrantAccess;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.payload.Revoke;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.persistence.DatabaseConfig;
import io.arca.server.audit.AuditVerifier;
import io.arca.server.config.ServerConfig;
import io.arca.server.store.LocalKek;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import io.arca.testing.ClientCertificates;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access control over real mutual TLS with two client certificates: user1 cannot Get, Encrypt with,
 * Destroy or Locate the admin's key until the admin grants those operations, and can afterwards;
 * the audit chain the server wrote holds and names both users.
 */
class AccessEndToEndTest {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;

  @TempDir static Path dir;
  static Arca server;
  static SSLContext admin;
  static SSLContext user1;

  @BeforeAll
  static void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    server = Arca.start(TestServers.config(dir, tls, 64, 64 * 1024), TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    user1 = clientFor("user1", pki);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void user1UsesTheAdminsKeyOnlyOnceGranted() throws Exception {
    String key = createActiveKey();

    assertNotFound(call(user1, Operation.GET, get(key)), "Get before the grant");
    assertNotFound(call(user1, Operation.ENCRYPT, encrypt(key)), "Encrypt before the grant");
    assertNotFound(call(user1, Operation.DESTROY, destroy(key)), "Destroy before the grant");
    assertThat(locate(user1)).doesNotContain(key);

    TtlvStructure grant =
        new GrantAccess.Request(
                new AccessGrant(
                    "user1",
                    key,
                    Set.of(Operation.GET, Operation.ENCRYPT, Operation.DESTROY, Operation.LOCATE)))
            .encode(V);
    assertSuccess(call(admin, Operation.GRANT_ACCESS, grant), "the admin grants");
    // user1 may not pass the right on.
    TtlvStructure onward =
        new GrantAccess.Request(new AccessGrant("user2", key, Set.of(Operation.GET))).encode(V);
    assertThat(call(user1, Operation.GRANT_ACCESS, onward).resultReason())
        .isEqualTo(ResultReason.PERMISSION_DENIED.value());

    assertSuccess(call(user1, Operation.GET, get(key)), "Get once granted");
    assertSuccess(call(user1, Operation.ENCRYPT, encrypt(key)), "Encrypt once granted");
    assertThat(locate(user1)).containsExactly(key);
    // Not granted: Revoke. An active key cannot be destroyed, so the admin revokes it.
    TtlvStructure revoke =
        new Revoke.Request(
                key,
                new Revoke.RevocationReason(
                    RevocationReasonCode.CESSATION_OF_OPERATION.value(), null),
                null)
            .encode(V);
    assertThat(call(user1, Operation.REVOKE, revoke).resultReason())
        .isEqualTo(ResultReason.PERMISSION_DENIED.value());
    assertSuccess(call(admin, Operation.REVOKE, revoke), "the admin revokes the key");
    assertSuccess(call(user1, Operation.DESTROY, destroy(key)), "Destroy once granted");

    server.audit().flush();
    StringWriter out = new StringWriter();
    assertThat(
            AuditVerifier.verify(
                DatabaseConfig.sqlite(dir),
                LocalKek.openOrCreate(dir.resolve("kek"), new java.security.SecureRandom()),
                null,
                new PrintWriter(out)))
        .as(out.toString())
        .isTrue();
  }

  private static String createActiveKey() throws IOException {
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
        call(
            admin,
            Operation.CREATE,
            Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(V));
    assertSuccess(created, "create");
    String uid =
        Create.Response.decode(Objects.requireNonNull(created.responsePayload()), V)
            .uniqueIdentifier();
    assertSuccess(call(admin, Operation.ACTIVATE, new Activate.Request(uid).encode(V)), "activate");
    return uid;
  }

  private static TtlvStructure get(String uid) {
    return new Get.Request(uid, null, null, null, null).encode(V);
  }

  private static TtlvStructure encrypt(String uid) {
    return new Encrypt.Request(
            uid, null, ByteString.copyOf(new byte[16]), null, null, null, null, null)
        .encode(V);
  }

  private static TtlvStructure destroy(String uid) {
    return new Destroy.Request(uid).encode(V);
  }

  private static List<String> locate(SSLContext who) throws IOException {
    ResponseBatchItem answer =
        call(
            who,
            Operation.LOCATE,
            new Locate.Request(null, null, null, null, Attributes.EMPTY).encode(V));
    assertSuccess(answer, "locate");
    return Locate.Response.decode(Objects.requireNonNull(answer.responsePayload()), V)
        .uniqueIdentifiers();
  }

  private static void assertSuccess(ResponseBatchItem answer, String what) {
    assertThat(answer.resultStatus())
        .as("%s: %s", what, answer.resultMessage())
        .isEqualTo(ResultStatus.SUCCESS);
  }

  private static void assertNotFound(ResponseBatchItem answer, String what) {
    assertThat(answer.resultReason())
        .as("%s: %s", what, answer.resultMessage())
        .isEqualTo(ResultReason.OBJECT_NOT_FOUND.value());
  }

  private static ResponseBatchItem call(SSLContext who, Operation operation, TtlvStructure payload)
      throws IOException {
    RequestMessage request =
        new RequestMessage(
            RequestHeader.of(V),
            List.of(new RequestBatchItem(operation.value(), null, null, payload, List.of())));
    try (SSLSocket socket = TestClients.connect(who, server.port())) {
      ResponseMessage response = TestClients.exchange(socket, request);
      return response.batchItems().get(0);
    }
  }

  /** A client certificate for {@code user}, issued by the development CA, as a TLS context. */
  private static SSLContext clientFor(String user, DevelopmentPki pki) throws Exception {
    Path cert = dir.resolve(user + ".crt");
    Path key = dir.resolve(user + ".key");
    ClientCertificates.issue(
        pki.caCertificate(), pki.directory().resolve("ca.key"), user, cert, key);
    return TestClients.context(pki.caCertificate(), cert, key);
  }
}
