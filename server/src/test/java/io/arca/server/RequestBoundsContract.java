package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
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
import io.arca.kmip.payload.AddAttribute;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.kmip.ttlv.TtlvWriter;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Oversized request fields over real mutual TLS, at every protocol version: each is refused with
 * Invalid Field before anything is stored, echoed or audited, and the database grows by a bounded
 * amount whatever the client sent. Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RequestBoundsContract {
  private static final int MEGABYTE = 1 << 20;

  /** A generous bound on what one refused request may add to the database (its audit row). */
  private static final long STORED_PER_REQUEST = 512;

  private Arca server;
  private SSLContext admin;
  private Database database;

  /** A fresh, empty directory for the server's data and PKI. */
  abstract Path dataDir();

  /** Where the server keeps objects and the audit log. */
  abstract ServerConfig.Storage storage() throws Exception;

  /** The same database, as the test reads it. */
  abstract DatabaseConfig database();

  static List<ProtocolVersion> versions() {
    return List.of(
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
    ServerConfig.Storage storage = storage();
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dataDir().resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    ServerConfig defaults = TestServers.config(dataDir(), tls, 16, 2 * MEGABYTE);
    ServerConfig config =
        new ServerConfig(
            defaults.bind(),
            defaults.port(),
            defaults.dataDir(),
            tls,
            defaults.identityFrom(),
            defaults.limits(),
            defaults.workerThreads(),
            defaults.logLevel(),
            false,
            storage);
    server = Arca.start(config, TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    database = Database.open(database());
  }

  @AfterAll
  void stop() {
    if (database != null) {
      database.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @MethodSource("versions")
  void aGetOfAHugeOrOverlongIdentifierIsInvalidFieldAndNotAudited(ProtocolVersion version)
      throws Exception {
    long before = storedBytes();

    ResponseBatchItem huge = call(version, get(version, "u".repeat(MEGABYTE))).get(0);
    ResponseBatchItem overlong = call(version, get(version, "u".repeat(1025))).get(0);
    ResponseBatchItem longest = call(version, get(version, "u".repeat(1024))).get(0);

    assertInvalidField(huge);
    assertInvalidField(overlong);
    assertThat(huge.responsePayload()).isNull();
    // Within the bound the identifier is looked up as usual.
    assertThat(longest.resultReason())
        .isEqualTo(
            (version.isAtLeast(ProtocolVersion.V2_0)
                    ? ResultReason.OBJECT_NOT_FOUND
                    : ResultReason.ITEM_NOT_FOUND)
                .value());
    List<AuditRecord> records = auditRecords();
    assertThat(records).allSatisfy(r -> assertThat(r.entry().uniqueIds()).hasSizeLessThan(1025));
    assertThat(records.subList(records.size() - 3, records.size() - 1))
        .allSatisfy(
            r -> {
              assertThat(r.entry().operation()).isEqualTo("Get");
              assertThat(r.entry().resultReason()).isEqualTo("InvalidField");
              assertThat(r.entry().uniqueIds()).isEmpty();
            });
    assertThat(storedBytes() - before).isLessThan(3 * STORED_PER_REQUEST + 1024);
  }

  @ParameterizedTest
  @MethodSource("versions")
  void aCreateWithAHugeNameIsInvalidFieldAndStoresNothing(ProtocolVersion version)
      throws Exception {
    long objects = count("objects");
    long before = storedBytes();
    TtlvStructure name =
        TtlvStructure.of(
            Tag.NAME.code(),
            new TtlvTextString(Tag.NAME_VALUE.code(), "n".repeat(MEGABYTE)),
            new TtlvEnumeration(Tag.NAME_TYPE.code(), NameType.UNINTERPRETED_TEXT_STRING.value()));

    ResponseBatchItem answer = call(version, create(version, aes(Attribute.of(name)))).get(0);

    assertInvalidField(answer);
    assertThat(count("objects")).isEqualTo(objects);
    assertThat(storedBytes() - before).isLessThan(STORED_PER_REQUEST);
  }

  @ParameterizedTest
  @MethodSource("versions")
  void anAddAttributeWithAnOversizedValueIsInvalidFieldAndStoresNothing(ProtocolVersion version)
      throws Exception {
    ResponseBatchItem created = call(version, create(version, aes())).get(0);
    assertThat(created.resultStatus()).as(created.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    String uid =
        Create.Response.decode(Objects.requireNonNull(created.responsePayload()), version)
            .uniqueIdentifier();
    long attributeBytes = getAttributesBytes(version, uid);
    long before = storedBytes();

    // Over the attribute bound (16 KiB) as bytes, and over the text bound (4 KiB) as text.
    ResponseBatchItem bytes =
        call(
                version,
                addAttribute(
                    version, uid, new TtlvByteString(0, ByteString.copyOf(new byte[20_000]))))
            .get(0);
    ResponseBatchItem text =
        call(version, addAttribute(version, uid, new TtlvTextString(0, "t".repeat(5000)))).get(0);

    assertInvalidField(bytes);
    assertInvalidField(text);
    assertThat(getAttributesBytes(version, uid)).isEqualTo(attributeBytes);
    assertThat(storedBytes() - before).isLessThan(2 * STORED_PER_REQUEST + 1024);
  }

  @ParameterizedTest
  @MethodSource("versions")
  void aMessageWithTooManyBatchItemsIsRefusedWholeAndStoresNothing(ProtocolVersion version)
      throws Exception {
    long objects = count("objects");
    long audited = count("audit_log");
    List<RequestBatchItem> items = new ArrayList<>();
    for (int i = 0; i < 65; i++) {
      RequestBatchItem create = create(version, aes());
      items.add(
          new RequestBatchItem(
              create.operation(),
              null,
              ByteString.copyOf(new byte[] {(byte) i}),
              create.requestPayload(),
              List.of()));
    }

    List<ResponseBatchItem> answers = call(version, items.toArray(RequestBatchItem[]::new));

    assertThat(answers).hasSize(1);
    assertInvalidField(answers.get(0));
    assertThat(answers.get(0).resultMessage()).contains("BatchCount: 65");
    assertThat(count("objects")).isEqualTo(objects);
    assertThat(count("audit_log")).isEqualTo(audited);
  }

  private static void assertInvalidField(ResponseBatchItem answer) {
    assertThat(answer.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
    assertThat(answer.resultReason())
        .as(answer.resultMessage())
        .isEqualTo(ResultReason.INVALID_FIELD.value());
  }

  private static RequestBatchItem get(ProtocolVersion version, String uid) {
    return RequestBatchItem.of(
        Operation.GET.value(), new Get.Request(uid, null, null, null, null).encode(version));
  }

  private static Attributes aes(Attribute... more) {
    List<Attribute> attributes = new ArrayList<>();
    attributes.add(
        Attribute.of(
            new TtlvEnumeration(
                Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())));
    attributes.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128)));
    attributes.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), 12)));
    attributes.addAll(List.of(more));
    return new Attributes(attributes, List.of());
  }

  private static RequestBatchItem create(ProtocolVersion version, Attributes attributes) {
    return RequestBatchItem.of(
        Operation.CREATE.value(),
        Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(version));
  }

  private static RequestBatchItem addAttribute(ProtocolVersion version, String uid, Ttlv value) {
    // A custom attribute in 1.x (x-big), a vendor attribute in 2.x.
    Attribute attribute = Attribute.vendor("x", "big", value);
    return RequestBatchItem.of(
        Operation.ADD_ATTRIBUTE.value(), new AddAttribute.Request(uid, attribute).encode(version));
  }

  private long getAttributesBytes(ProtocolVersion version, String uid) throws IOException {
    ResponseBatchItem answer =
        call(
                version,
                RequestBatchItem.of(
                    Operation.GET_ATTRIBUTES.value(),
                    new GetAttributes.Request(uid, List.of()).encode(version)))
            .get(0);
    assertThat(answer.resultStatus()).as(answer.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    return TtlvWriter.encodedLength(Objects.requireNonNull(answer.responsePayload()));
  }

  private List<ResponseBatchItem> call(ProtocolVersion version, RequestBatchItem... items)
      throws IOException {
    RequestMessage request = new RequestMessage(RequestHeader.of(version), List.of(items));
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      return TestClients.exchange(socket, request, new DecodeLimits(16 * MEGABYTE, 32, 65_536))
          .batchItems();
    }
  }

  private List<AuditRecord> auditRecords() throws InterruptedException {
    server.audit().flush();
    List<AuditRecord> records = new ArrayList<>();
    Iterator<AuditRecord> all = new JdbcAuditRepository(database).all();
    all.forEachRemaining(records::add);
    return records;
  }

  /** What the audit log and the objects' attributes hold, in bytes. */
  private long storedBytes() throws SQLException, InterruptedException {
    long bytes = 0;
    for (AuditRecord record : auditRecords()) {
      bytes += auditBytes(record);
    }
    return bytes
        + query(
            "SELECT COALESCE(SUM(LENGTH(text_value)), 0) + COALESCE(SUM(LENGTH(blob_value)), 0)"
                + " FROM object_attributes");
  }

  private long count(String table) throws SQLException, InterruptedException {
    server.audit().flush();
    return query("SELECT COUNT(*) FROM " + table);
  }

  private long query(String sql) throws SQLException {
    try (Connection connection = database.connection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** The text an audit record holds, in characters. */
  private static long auditBytes(AuditRecord record) {
    return (long) record.entry().user().length()
        + record.entry().clientAddress().length()
        + record.entry().operation().length()
        + record.entry().uniqueIds().length()
        + record.entry().resultStatus().length()
        + record.hash().length()
        + record.previousHash().length();
  }
}
