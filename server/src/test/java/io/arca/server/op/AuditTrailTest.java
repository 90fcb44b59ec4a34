package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.Get;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.persistence.AuditChain;
import io.arca.persistence.AuditRecord;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.JdbcAuditRepository;
import io.arca.server.ServerHandlers;
import io.arca.server.access.AccessPolicy;
import io.arca.server.audit.AuditJournal;
import io.arca.server.audit.AuditKeys;
import io.arca.server.audit.AuditLog;
import io.arca.server.audit.AuditVerifier;
import io.arca.server.audit.AuditWriter;
import io.arca.server.batch.BatchProcessor;
import io.arca.server.batch.OperationRegistry;
import io.arca.server.store.LocalKek;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests through the batch processor leave one chained audit record each, in the database and the
 * audit file; the checker passes an intact chain and names a deleted or edited record; no key
 * material reaches the log. Prints what auditing costs a warm Encrypt.
 */
class AuditTrailTest {
  private static final Logger log = LoggerFactory.getLogger(AuditTrailTest.class);
  private static final ProtocolVersion V = ProtocolVersion.V2_1;

  @TempDir Path dir;
  private HandlerFixture fixture;
  private OperationRegistry registry;
  private AuditWriter writer;
  private LocalKek kek;
  private AuditKeys keys;
  private BatchProcessor batches;
  private Path file;

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    registry = ServerHandlers.registry(HandlerFixture.serverConfig(), fixture.store());
    file = dir.resolve("audit.log");
    JdbcAuditRepository repository = new JdbcAuditRepository(fixture.database());
    kek = LocalKek.openOrCreate(dir.resolve("kek"), new SecureRandom());
    keys = AuditKeys.openOrCreate(repository, kek, new SecureRandom());
    writer =
        new AuditWriter(
            repository.keyedWith(keys.keying().key()),
            new AuditJournal(dir.resolve("audit-journal"), 64L << 20, false),
            keys,
            false,
            file);
    batches = processor(writer);
  }

  @AfterEach
  void close() {
    writer.close();
    fixture.close();
  }

  @Test
  void everyAnsweredItemIsChainedAndNothingSecretIsRecorded() throws Exception {
    String key = activeKey();
    ResponseBatchItem got = call("alice", Operation.GET, get(key));
    call("mallory", Operation.GET, get(key));
    writer.flush();

    List<AuditRecord> records = new ArrayList<>();
    new JdbcAuditRepository(fixture.database()).all().forEachRemaining(records::add);
    assertThat(records)
        .extracting(r -> r.entry().operation())
        .containsExactly(AuditRecord.KEYED, "Create", "Activate", "Get", "Get");
    AuditRecord denied = records.get(4);
    assertThat(denied.entry().user()).isEqualTo("mallory");
    assertThat(denied.entry().uniqueIds()).isEqualTo(key);
    assertThat(denied.entry().resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED.xmlName());
    assertThat(denied.entry().resultReason()).isEqualTo("ObjectNotFound");
    assertThat(records.get(1).entry().uniqueIds()).isEqualTo(key);

    byte[] material = keyBytes(Objects.requireNonNull(got.responsePayload()));
    assertThat(material).hasSize(32);
    String log = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(log.toLowerCase(java.util.Locale.ROOT))
        .doesNotContain(HexFormat.of().formatHex(material));
    assertThat(log).doesNotContain(Base64.getEncoder().encodeToString(material));

    StringWriter out = new StringWriter();
    assertThat(AuditVerifier.verify(DatabaseConfig.sqlite(dir), kek, file, new PrintWriter(out)))
        .as(out.toString())
        .isTrue();
    assertThat(out.toString()).contains("5 audit records, chain intact");
  }

  @Test
  void theFileChainNamesADeletedAndAnEditedRecord() throws Exception {
    String key = activeKey();
    call("alice", Operation.GET, get(key));
    call("alice", Operation.GET, get(key));
    writer.flush();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(AuditVerifier.verifyFile(file, keys.keying()).intact()).isTrue();

    List<String> deleted = new ArrayList<>(lines);
    deleted.remove(1);
    Path cut = Files.write(dir.resolve("cut.log"), deleted, StandardCharsets.UTF_8);
    AuditChain.Result afterDelete = AuditVerifier.verifyFile(cut, keys.keying());
    assertThat(afterDelete.firstBroken()).isEqualTo(4L);

    List<String> edited = new ArrayList<>(lines);
    edited.set(2, edited.get(2).replace("|alice|", "|bob|"));
    Path forged = Files.write(dir.resolve("forged.log"), edited, StandardCharsets.UTF_8);
    AuditChain.Result afterEdit = AuditVerifier.verifyFile(forged, keys.keying());
    assertThat(afterEdit.firstBroken()).isEqualTo(4L);
    assertThat(afterEdit.why()).contains("edited");

    StringWriter out = new StringWriter();
    assertThat(AuditVerifier.verify(DatabaseConfig.sqlite(dir), kek, forged, new PrintWriter(out)))
        .isFalse();
    assertThat(out.toString()).contains("chain broken at record 4");
  }

  @Test
  void requiringTheDatabaseRefusesOperationsWhileItCannotBeWritten() throws Exception {
    JdbcAuditRepository repository = new JdbcAuditRepository(fixture.database());
    try (AuditWriter strict =
        new AuditWriter(
            repository.keyedWith(keys.keying().key()),
            new AuditJournal(dir.resolve("strict-journal"), 16L << 20, false),
            keys,
            true,
            null)) {
      BatchProcessor processor = processor(strict);
      TtlvStructure create =
          Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), aes256()).encode(V);
      execute("ALTER TABLE audit_log RENAME TO audit_log_away");
      ResponseBatchItem duringOutage = call(processor, "alice", Operation.CREATE, create);
      assertThat(duringOutage.resultStatus()).isEqualTo(ResultStatus.SUCCESS); // not yet seen
      while (!strict.databaseFailing()) {
        Thread.sleep(5);
      }
      ResponseBatchItem refused = call(processor, "alice", Operation.CREATE, create);
      assertThat(refused.resultReason()).isEqualTo(ResultReason.GENERAL_FAILURE.value());
      assertThat(refused.resultMessage())
          .isEqualTo(
              "the audit log's database cannot be written: the operation was not carried out");
      execute("ALTER TABLE audit_log_away RENAME TO audit_log");
      while (strict.databaseFailing()) {
        Thread.sleep(5);
      }
      ResponseBatchItem after = call(processor, "alice", Operation.CREATE, create);
      assertThat(after.resultStatus()).isEqualTo(ResultStatus.SUCCESS);
      strict.flush();
      List<AuditRecord> records = new ArrayList<>();
      repository.all().forEachRemaining(records::add);
      assertThat(records)
          .extracting(r -> r.entry().operation() + " " + r.entry().uniqueIds())
          .containsExactly(
              AuditRecord.KEYED + " ",
              "Create " + createdId(duringOutage),
              "Create " + createdId(after));
    }
  }

  private static String createdId(ResponseBatchItem created) {
    return Create.Response.decode(Objects.requireNonNull(created.responsePayload()), V)
        .uniqueIdentifier();
  }

  private static Attributes aes256() {
    return Attributes.of(
        Attribute.of(
            new TtlvEnumeration(
                Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
        Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)));
  }

  private void execute(String sql) throws Exception {
    try (java.sql.Connection c = fixture.database().connection();
        java.sql.Statement s = c.createStatement()) {
      s.execute(sql);
      c.commit();
    }
  }

  @Test
  void aLongIdentifierIsRecordedAsABoundedDigest() throws Exception {
    // Within the request bounds (1 KiB, which refuse longer ones before they are audited) and
    // still far longer than the audit keeps whole.
    String huge = "x".repeat(1000);
    String other = "y".repeat(1000);
    ResponseBatchItem got = call("alice", Operation.GET, get(huge));
    call("alice", Operation.GET, get(other));
    writer.flush();

    assertThat(got.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
    List<AuditRecord> records = new ArrayList<>();
    new JdbcAuditRepository(fixture.database()).all().forEachRemaining(records::add);
    String digest =
        HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(huge.getBytes(StandardCharsets.UTF_8)));
    assertThat(records.get(1).entry().uniqueIds())
        .isEqualTo("x".repeat(64) + "\u2026sha256:" + digest);
    assertThat(records.get(2).entry().uniqueIds()).startsWith("y".repeat(64)).hasSize(136);
    assertThat(Files.size(file)).isLessThan(1024);
    assertThat(AuditVerifier.verifyFile(file, keys.keying()).intact()).isTrue();
  }

  @Test
  void whatAuditingCostsAWarmEncrypt() throws Exception {
    String key = activeKey();
    TtlvStructure encrypt =
        new Encrypt.Request(
                key, null, ByteString.copyOf(new byte[64]), null, null, null, null, null)
            .encode(V);
    int requests = 4_000;
    BatchProcessor unaudited = processor(AuditLog.NONE);
    run(unaudited, encrypt, requests); // warm-up: JIT, key cache
    run(batches, encrypt, requests);
    writer.flush();
    long without = Long.MAX_VALUE;
    long with = Long.MAX_VALUE;
    for (int round = 0; round < 2; round++) {
      without = Math.min(without, run(unaudited, encrypt, requests));
      with = Math.min(with, run(batches, encrypt, requests));
      writer.flush();
    }
    log.info(
        String.format(
            java.util.Locale.ROOT,
            "audit cost: %d Encrypts on 4 threads, best of 2: %d ms without audit (%.0f/s),"
                + " %d ms with (%.0f/s), %.1f us per request more; database failing: %b",
            requests,
            without / 1_000_000,
            requests * 1e9 / without,
            with / 1_000_000,
            requests * 1e9 / with,
            (with - without) / 1000.0 / requests,
            writer.databaseFailing()));
    AuditChain.Result chain =
        AuditChain.verify(new JdbcAuditRepository(fixture.database()).all(), keys.keying());
    assertThat(chain.intact()).isTrue();
    assertThat(chain.records()).isEqualTo(3 + 3L * requests);
  }

  private long run(BatchProcessor processor, TtlvStructure payload, int requests) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      long start = System.nanoTime();
      List<Future<ResponseBatchItem>> answers = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        answers.add(pool.submit(() -> call(processor, "alice", Operation.ENCRYPT, payload)));
      }
      for (Future<ResponseBatchItem> answer : answers) {
        assertThat(answer.get().resultStatus()).isEqualTo(ResultStatus.SUCCESS);
      }
      return System.nanoTime() - start;
    } finally {
      pool.shutdown();
    }
  }

  private String activeKey() {
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
            "alice",
            Operation.CREATE,
            Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(V));
    String uid =
        Create.Response.decode(Objects.requireNonNull(created.responsePayload()), V)
            .uniqueIdentifier();
    call("alice", Operation.ACTIVATE, new Activate.Request(uid).encode(V));
    return uid;
  }

  private static TtlvStructure get(String uid) {
    return new Get.Request(uid, null, null, null, null).encode(V);
  }

  /** The Key Material bytes somewhere inside a Get response. */
  private static byte[] keyBytes(TtlvStructure structure) {
    for (Ttlv item : structure.items()) {
      if (item instanceof TtlvByteString bytes && item.tag() == Tag.KEY_MATERIAL.code()) {
        return bytes.value().toByteArray();
      }
      if (item instanceof TtlvStructure inner) {
        byte[] found = keyBytes(inner);
        if (found.length > 0) {
          return found;
        }
      }
    }
    return new byte[0];
  }

  private ResponseBatchItem call(String user, Operation operation, TtlvStructure payload) {
    return call(batches, user, operation, payload);
  }

  private static ResponseBatchItem call(
      BatchProcessor processor, String user, Operation operation, TtlvStructure payload) {
    RequestMessage request =
        new RequestMessage(
            RequestHeader.of(V),
            List.of(new RequestBatchItem(operation.value(), null, null, payload, List.of())));
    return processor.process(request, user, "192.0.2.7:40000").batchItems().get(0);
  }

  private BatchProcessor processor(AuditLog audit) {
    return new BatchProcessor(
        registry,
        Clock.fixed(HandlerFixture.NOW, ZoneOffset.UTC),
        AccessPolicy.ownersOnly(),
        audit);
  }
}
