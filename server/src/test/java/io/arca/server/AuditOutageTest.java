package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.payload.Create;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.persistence.AuditRecord;
import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.JdbcAuditRepository;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creates acknowledged over real TLS while the audit log's table cannot be written (the embedded
 * database's outage: the table is renamed away) all have their audit records, in order, once it can
 * be written again, also across a restart of the server during the outage.
 */
class AuditOutageTest {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;

  @TempDir Path dir;

  @Test
  void createsAcknowledgedDuringAnOutageAreAllAuditedInOrderAfterIt() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    SSLContext admin =
        TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    ServerConfig config = TestServers.config(dir, tls, 64, 64 * 1024);
    List<String> acknowledged = new ArrayList<>();
    try (Arca server = Arca.start(config, TlsContexts.server(tls))) {
      acknowledged.add(create(admin, server.port()));
      server.audit().flush();
      outage(true);
      for (int i = 0; i < 20; i++) {
        acknowledged.add(create(admin, server.port()));
      }
      Thread.sleep(500); // the writer meets the outage
      outage(false);
      for (int i = 0; i < 5; i++) {
        acknowledged.add(create(admin, server.port()));
      }
      server.audit().flush();
      assertThat(createdIds()).containsExactlyElementsOf(acknowledged);

      outage(true);
      for (int i = 0; i < 10; i++) {
        acknowledged.add(create(admin, server.port()));
      }
    } // stopped during the outage: the last records wait in the journal
    outage(false);
    try (Arca server = Arca.start(config, TlsContexts.server(tls))) {
      acknowledged.add(create(admin, server.port()));
      server.audit().flush();
      assertThat(createdIds()).containsExactlyElementsOf(acknowledged);
    }
    AuditVerifierCheck.assertIntact(dir);
  }

  /** The identifiers of the audited successful Creates, in chain order. */
  private List<String> createdIds() {
    List<String> ids = new ArrayList<>();
    try (Database db = Database.open(DatabaseConfig.sqlite(dir))) {
      new JdbcAuditRepository(db)
          .all()
          .forEachRemaining(
              (AuditRecord r) -> {
                if (r.entry().operation().equals("Create")) {
                  ids.add(r.entry().uniqueIds());
                }
              });
    }
    return ids;
  }

  private void outage(boolean start) throws Exception {
    try (Database db = Database.open(DatabaseConfig.sqlite(dir));
        Connection c = db.connection();
        Statement s = c.createStatement()) {
      s.execute(
          start
              ? "ALTER TABLE audit_log RENAME TO audit_log_away"
              : "ALTER TABLE audit_log_away RENAME TO audit_log");
      c.commit();
    }
  }

  static String create(SSLContext who, int port) throws IOException {
    Attributes attributes =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)));
    ResponseBatchItem created =
        call(
            who,
            port,
            Operation.CREATE,
            Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(V));
    assertThat(created.resultStatus())
        .as("%s", created.resultMessage())
        .isEqualTo(ResultStatus.SUCCESS);
    return Create.Response.decode(Objects.requireNonNull(created.responsePayload()), V)
        .uniqueIdentifier();
  }

  static ResponseBatchItem call(
      SSLContext who, int port, Operation operation, TtlvStructure payload) throws IOException {
    RequestMessage request =
        new RequestMessage(
            RequestHeader.of(V),
            List.of(new RequestBatchItem(operation.value(), null, null, payload, List.of())));
    try (SSLSocket socket = TestClients.connect(who, port)) {
      ResponseMessage response = TestClients.exchange(socket, request);
      return response.batchItems().get(0);
    }
  }
}
