package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.QueryFunction;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.StorageStatusMask;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.Archive;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.payload.Query;
import io.arca.kmip.payload.Recover;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Archive and Recover over mutual TLS in every version (1.0-2.1): an archived object keeps its
 * state and attributes, answers Object Archived to every operation but Recover, is found by Locate
 * only when the Storage Status Mask asks for archival storage, and comes back whole on Recover.
 */
class ArchiveEndToEndTest {
  @TempDir static java.nio.file.Path dir;
  static Arca server;
  static SSLContext admin;

  @BeforeAll
  static void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    server = Arca.start(TestServers.config(dir, tls, 64, 64 * 1024), TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static VersionedClient connect(String version) throws Exception {
    return new VersionedClient(admin, server.port(), VersionedClient.version(version));
  }

  /** An AES key with a Name, so that Locate has something to find it by. */
  private static String create(VersionedClient client, String name) throws Exception {
    List<Attribute> items = new ArrayList<>();
    items.add(
        Attribute.of(
            new TtlvEnumeration(
                Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())));
    items.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128)));
    items.add(
        Attribute.of(
            new TtlvInteger(
                Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), CryptographicUsageMask.ENCRYPT.value())));
    items.add(TestAttributes.name(name));
    ProtocolVersion version = client.version();
    return Create.Response.decode(
            client.ok(
                Operation.CREATE,
                Create.Request.of(
                        ObjectType.SYMMETRIC_KEY.value(), new Attributes(items, List.of()))
                    .encode(version)),
            version)
        .uniqueIdentifier();
  }

  private static List<String> locate(VersionedClient client, String name, @Nullable Integer mask)
      throws Exception {
    ProtocolVersion version = client.version();
    return Locate.Response.decode(
            client.ok(
                Operation.LOCATE,
                new Locate.Request(null, null, mask, null, Attributes.of(TestAttributes.name(name)))
                    .encode(version)),
            version)
        .uniqueIdentifiers();
  }

  /** Every attribute but Last Change Date, which Archive and Recover move. */
  private static List<Attribute> attributes(VersionedClient client, String uid) throws Exception {
    ProtocolVersion version = client.version();
    List<Attribute> kept = new ArrayList<>();
    for (Attribute attribute :
        GetAttributes.Response.decode(
                client.ok(
                    Operation.GET_ATTRIBUTES,
                    new GetAttributes.Request(uid, List.of()).encode(version)),
                version)
            .attributes()
            .items()) {
      if (attribute.value().tag() != Tag.LAST_CHANGE_DATE.code()) {
        kept.add(attribute);
      }
    }
    return kept;
  }

  private static int refused(ResponseBatchItem item) {
    assertThat(item.resultStatus())
        .as(item.resultMessage())
        .isEqualTo(ResultStatus.OPERATION_FAILED);
    return Objects.requireNonNull(item.resultReason());
  }

  @ParameterizedTest(name = "KMIP {0}")
  @ValueSource(strings = {"1.0", "1.1", "1.2", "1.3", "1.4", "2.0", "2.1"})
  void anArchivedObjectIsOffLineUntilRecoveredWithAllItsAttributes(String v) throws Exception {
    try (VersionedClient client = connect(v)) {
      ProtocolVersion version = client.version();
      String name = "archived-" + UUID.randomUUID();
      String uid = create(client, name);
      List<Attribute> before = attributes(client, uid);

      Archive.Response archived =
          Archive.Response.decode(
              client.ok(Operation.ARCHIVE, new Archive.Request(uid).encode(version)), version);
      assertThat(archived.uniqueIdentifier()).isEqualTo(uid);

      int objectArchived = ResultReason.OBJECT_ARCHIVED.value();
      assertThat(refused(client.call(Operation.GET, Get.Request.of(uid).encode(version))))
          .isEqualTo(objectArchived);
      assertThat(
              refused(
                  client.call(
                      Operation.GET_ATTRIBUTES,
                      new GetAttributes.Request(uid, List.of()).encode(version))))
          .isEqualTo(objectArchived);
      assertThat(refused(client.call(Operation.ARCHIVE, new Archive.Request(uid).encode(version))))
          .as("Archive of an archived object, 1.4 Table 349")
          .isEqualTo(objectArchived);

      assertThat(locate(client, name, null)).as("on line only, by default").isEmpty();
      assertThat(locate(client, name, StorageStatusMask.ON_LINE_STORAGE.value())).isEmpty();
      assertThat(locate(client, name, StorageStatusMask.ARCHIVAL_STORAGE.value()))
          .containsExactly(uid);
      assertThat(
              locate(
                  client,
                  name,
                  StorageStatusMask.ON_LINE_STORAGE.value()
                      | StorageStatusMask.ARCHIVAL_STORAGE.value()))
          .containsExactly(uid);

      Recover.Response recovered =
          Recover.Response.decode(
              client.ok(Operation.RECOVER, new Recover.Request(uid).encode(version)), version);
      assertThat(recovered.uniqueIdentifier()).isEqualTo(uid);
      assertThat(attributes(client, uid)).containsExactlyInAnyOrderElementsOf(before);
      client.ok(Operation.GET, Get.Request.of(uid).encode(version));
      assertThat(locate(client, name, null)).containsExactly(uid);
      assertThat(locate(client, name, StorageStatusMask.ARCHIVAL_STORAGE.value())).isEmpty();
    }
  }

  @ParameterizedTest(name = "KMIP {0}")
  @ValueSource(strings = {"1.0", "1.2", "1.4", "2.0", "2.1"})
  void recoverOfAnObjectOnLineOrUnknownIsRefused(String v) throws Exception {
    try (VersionedClient client = connect(v)) {
      ProtocolVersion version = client.version();
      boolean v2 = version.isAtLeast(ProtocolVersion.V2_0);
      String uid = create(client, "online-" + UUID.randomUUID());
      assertThat(refused(client.call(Operation.RECOVER, new Recover.Request(uid).encode(version))))
          .isEqualTo((v2 ? ResultReason.INVALID_FIELD : ResultReason.ILLEGAL_OPERATION).value());
      client.ok(Operation.GET, Get.Request.of(uid).encode(version));
      assertThat(
              refused(
                  client.call(
                      Operation.RECOVER, new Recover.Request("no-such-object").encode(version))))
          .isEqualTo((v2 ? ResultReason.OBJECT_NOT_FOUND : ResultReason.ITEM_NOT_FOUND).value());
      assertThat(
              refused(
                  client.call(
                      Operation.ARCHIVE, new Archive.Request("no-such-object").encode(version))))
          .isEqualTo((v2 ? ResultReason.OBJECT_NOT_FOUND : ResultReason.ITEM_NOT_FOUND).value());
    }
  }

  @ParameterizedTest(name = "KMIP {0}")
  @ValueSource(strings = {"1.0", "1.3", "1.4", "2.0", "2.1"})
  void queryListsArchiveRecoverPollAndCancel(String v) throws Exception {
    try (VersionedClient client = connect(v)) {
      List<Integer> operations =
          Query.Response.decode(
                  client.ok(
                      Operation.QUERY,
                      new Query.Request(List.of(QueryFunction.QUERY_OPERATIONS.value())).encode()))
              .operations();
      assertThat(operations)
          .contains(
              Operation.ARCHIVE.value(),
              Operation.RECOVER.value(),
              Operation.POLL.value(),
              Operation.CANCEL.value());
    }
  }
}
