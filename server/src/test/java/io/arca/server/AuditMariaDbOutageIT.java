package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.persistence.AuditRecord;
import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.JdbcAuditRepository;
import io.arca.persistence.TestMariaDb;
import io.arca.server.audit.AuditVerifier;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.store.LocalKek;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB server is killed under a running Arca: requests answered while it is down (Encrypts
 * served from the key cache, and the Creates answered just before the kill) all have their audit
 * records, in order, once it is back, and {@code audit verify} says intact. Runs a MariaDB server
 * of its own, since it stops it.
 */
class AuditMariaDbOutageIT {
  private static final Logger log = LoggerFactory.getLogger(AuditMariaDbOutageIT.class);
  private static final ProtocolVersion V = ProtocolVersion.V2_1;
  private static Path mariadb;
  private static Path script;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    TestMariaDb.requireServer();
    script = Path.of(System.getProperty("arca.scripts", "scripts"), "mariadb-test-server");
    mariadb = Path.of("target/mariadb-audit-outage");
    run("start");
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (mariadb != null) {
      run("stop");
    }
  }

  private static void run(String command) throws Exception {
    Process process =
        new ProcessBuilder(script.toString(), command, mariadb.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(command).isTrue();
    assertThat(process.exitValue()).as(script + " " + command).isZero();
  }

  @Test
  void requestsAnsweredWhileMariaDbIsDownAreAllAuditedAfterIt() throws Exception {
    String base = Files.readString(mariadb.resolve("url"), StandardCharsets.UTF_8).strip();
    try (Connection c = DriverManager.getConnection(base, TestMariaDb.USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS audit_outage");
      s.execute("CREATE DATABASE audit_outage CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
    String url = base + "audit_outage";
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    SSLContext admin =
        TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    ServerConfig config =
        new ServerConfig(
            "127.0.0.1",
            0,
            dir,
            tls,
            IdentitySource.CN,
            new ServerConfig.Limits(64, 64 * 1024, Duration.ofMinutes(1), Duration.ofSeconds(5)),
            4,
            "info",
            false,
            new ServerConfig.Storage(
                url,
                TestMariaDb.USER,
                null,
                4,
                null,
                10_000,
                Duration.ofHours(1),
                Duration.ofHours(1))); // the cached key serves Encrypts during the outage
    List<String> created = new ArrayList<>();
    int encryptsDuringOutage = 0;
    try (Arca server = Arca.start(config, TlsContexts.server(tls))) {
      String key = activeKey(admin, server.port());
      created.add(key);
      encrypt(admin, server.port(), key); // warms the key cache
      server.audit().flush();
      for (int i = 0; i < 20; i++) {
        created.add(AuditOutageTest.create(admin, server.port()));
      }
      run("stop"); // no flush: the last Creates' records may still be on their way
      for (int i = 0; i < 50; i++) {
        encrypt(admin, server.port(), key);
        encryptsDuringOutage++;
      }
      run("restart"); // on the same port: the pool reconnects
      server.audit().flush();
    }

    List<String> createdIds = new ArrayList<>();
    long encrypts = 0;
    try (Database db = Database.open(DatabaseConfig.mariadb(url, TestMariaDb.USER, null))) {
      List<AuditRecord> records = new ArrayList<>();
      new JdbcAuditRepository(db).all().forEachRemaining(records::add);
      for (AuditRecord r : records) {
        if (r.entry().operation().equals("Create")) {
          createdIds.add(r.entry().uniqueIds());
        } else if (r.entry().operation().equals("Encrypt")) {
          encrypts++;
        }
      }
    }
    assertThat(createdIds).containsExactlyElementsOf(created);
    assertThat(encrypts).isEqualTo(1 + encryptsDuringOutage);
    StringWriter out = new StringWriter();
    assertThat(
            AuditVerifier.verify(
                DatabaseConfig.mariadb(url, TestMariaDb.USER, null),
                LocalKek.openOrCreate(dir.resolve("kek"), new SecureRandom()),
                null,
                new PrintWriter(out)))
        .as(out.toString())
        .isTrue();
    log.info(
        "MariaDB outage: {} Creates, {} Encrypts answered while it was down; {}",
        created.size(),
        encryptsDuringOutage,
        out);
  }

  private static String activeKey(SSLContext who, int port) throws Exception {
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
    String uid =
        Create.Response.decode(Objects.requireNonNull(created.responsePayload()), V)
            .uniqueIdentifier();
    assertThat(
            AuditOutageTest.call(who, port, Operation.ACTIVATE, new Activate.Request(uid).encode(V))
                .resultStatus())
        .isEqualTo(ResultStatus.SUCCESS);
    return uid;
  }

  private static void encrypt(SSLContext who, int port, String key) throws Exception {
    TtlvStructure payload =
        new Encrypt.Request(
                key, null, ByteString.copyOf(new byte[16]), null, null, null, null, null)
            .encode(V);
    ResponseBatchItem answer = AuditOutageTest.call(who, port, Operation.ENCRYPT, payload);
    assertThat(answer.resultStatus())
        .as("%s", answer.resultMessage())
        .isEqualTo(ResultStatus.SUCCESS);
  }
}
