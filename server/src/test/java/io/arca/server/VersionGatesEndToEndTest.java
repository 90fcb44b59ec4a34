package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.BatchErrorContinuationOption;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KeyValueLocationType;
import io.arca.kmip.NameType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.QueryFunction;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.AddAttribute;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.payload.Query;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The version gates over real mutual TLS at every version 1.0-2.1: every operation the request's
 * version does not define is answered Operation Not Supported; attributes follow that version's
 * rules table (Key Value Location from 1.2, Random Number Generator from 1.3, Digest never from a
 * client); Sensitive is answered as Sensitive from 1.4 and as Permission Denied before; an
 * enumeration value the version lacks is refused in a request and withheld from an answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VersionGatesEndToEndTest {
  @TempDir static Path dir;

  private Arca server;
  private SSLContext admin;
  private String sensitiveKey;

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
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    ServerConfig config = TestServers.config(dir, tls, 16, 1 << 20);
    server = Arca.start(config, TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    sensitiveKey =
        createdUid(
            call(
                    ProtocolVersion.V2_1,
                    create(
                        ProtocolVersion.V2_1,
                        Attribute.of(new TtlvBoolean(Tag.SENSITIVE.code(), true))))
                .get(0),
            ProtocolVersion.V2_1);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @MethodSource("versions")
  void anOperationTheVersionDoesNotDefineIsNotSupported(ProtocolVersion version) throws Exception {
    List<Operation> operations = List.of(Operation.values());
    List<ResponseBatchItem> answers = answersToEveryOperation(version);

    assertThat(answers).hasSize(operations.size());
    for (int i = 0; i < answers.size(); i++) {
      Operation operation = operations.get(i);
      ResponseBatchItem answer = answers.get(i);
      String gate = "is not a KMIP " + version + " operation";
      if (operation.isDefinedIn(version)) {
        assertThat(gated(answer)).as("%s in %s", operation, version).isFalse();
      } else {
        assertThat(answer.resultReason())
            .as("%s in %s", operation, version)
            .isEqualTo(ResultReason.OPERATION_NOT_SUPPORTED.value());
        assertThat(answer.resultMessage()).contains(gate);
      }
    }
    // The spec's own examples of the gate (KMIP 1.1 added Discover Versions, 1.2 Encrypt, Sign).
    boolean v10 = version.equals(ProtocolVersion.V1_0);
    boolean before12 = !version.isAtLeast(ProtocolVersion.V1_2);
    assertThat(gated(answers.get(operations.indexOf(Operation.DISCOVER_VERSIONS)))).isEqualTo(v10);
    assertThat(gated(answers.get(operations.indexOf(Operation.ENCRYPT)))).isEqualTo(before12);
    assertThat(gated(answers.get(operations.indexOf(Operation.SIGN)))).isEqualTo(before12);
  }

  /**
   * Query Operations lists exactly the standard operations a request of that version is served:
   * every one whose request (an empty payload) is answered with anything but Operation Not
   * Supported, and none of Arca's extensions, which a standard client does not know.
   */
  @ParameterizedTest
  @MethodSource("versions")
  void queryListsExactlyTheOperationsThatAreServed(ProtocolVersion version) throws Exception {
    List<Operation> operations = List.of(Operation.values());
    List<ResponseBatchItem> answers = answersToEveryOperation(version);
    Set<Integer> served = new TreeSet<>();
    for (int i = 0; i < operations.size(); i++) {
      Integer reason = answers.get(i).resultReason();
      if (operations.get(i).value() >= 0
          && !Objects.equals(reason, ResultReason.OPERATION_NOT_SUPPORTED.value())) {
        served.add(operations.get(i).value());
      }
    }
    ResponseBatchItem query =
        call(
                version,
                RequestBatchItem.of(
                    Operation.QUERY.value(),
                    new Query.Request(List.of(QueryFunction.QUERY_OPERATIONS.value())).encode()))
            .get(0);
    assertThat(query.resultStatus()).as(query.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    List<Integer> listed =
        Query.Response.decode(Objects.requireNonNull(query.responsePayload())).operations();
    assertThat(new TreeSet<>(listed)).isEqualTo(served);
    assertThat(listed).doesNotHaveDuplicates();
    // Every operation the version defines that Arca serves is among them, and nothing later.
    assertThat(listed).contains(Operation.QUERY.value(), Operation.CREATE.value());
    assertThat(listed.contains(Operation.PING.value()))
        .isEqualTo(version.isAtLeast(ProtocolVersion.V2_1));
  }

  /**
   * The answer to a request of every known operation, in Operation order, batch errors continued.
   */
  private List<ResponseBatchItem> answersToEveryOperation(ProtocolVersion version)
      throws IOException {
    List<RequestBatchItem> items = new ArrayList<>();
    for (Operation operation : Operation.values()) {
      items.add(
          new RequestBatchItem(
              operation.value(),
              null,
              ByteString.copyOf(new byte[] {(byte) items.size()}),
              new TtlvStructure(Tag.REQUEST_PAYLOAD.code(), List.of()),
              List.of()));
    }
    // In batches of at most 32 items: the operations outnumber the server's batch limit (64).
    List<ResponseBatchItem> answers = new ArrayList<>();
    for (int from = 0; from < items.size(); from += 32) {
      List<RequestBatchItem> batch = items.subList(from, Math.min(items.size(), from + 32));
      List<ResponseBatchItem> answered = callContinuing(version, batch);
      assertThat(answered).hasSize(batch.size());
      answers.addAll(answered);
    }
    return answers;
  }

  @ParameterizedTest
  @MethodSource("versions")
  void attributesFollowTheVersionsTable(ProtocolVersion version) throws Exception {
    boolean v2 = version.isAtLeast(ProtocolVersion.V2_0);
    // Add Attribute's 2.x error table names Read Only Attribute.
    int readOnly = (v2 ? ResultReason.READ_ONLY_ATTRIBUTE : ResultReason.PERMISSION_DENIED).value();
    int notInVersion =
        (v2 ? ResultReason.INVALID_ATTRIBUTE : ResultReason.PERMISSION_DENIED).value();
    String uid = createdUid(call(version, create(version)).get(0), version);

    // Key Value Location: client-settable from 1.2, where the tag appears.
    Attribute location =
        Attribute.of(
            TtlvStructure.of(
                Tag.KEY_VALUE_LOCATION.code(),
                new TtlvTextString(Tag.KEY_VALUE_LOCATION_VALUE.code(), "vault 7"),
                new TtlvEnumeration(
                    Tag.KEY_VALUE_LOCATION_TYPE.code(),
                    KeyValueLocationType.UNINTERPRETED_TEXT_STRING.value())));
    ResponseBatchItem added = call(version, add(version, uid, location)).get(0);
    if (version.isAtLeast(ProtocolVersion.V1_2)) {
      assertThat(added.resultStatus()).as(added.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
      assertThat(attributes(version, uid, Tag.KEY_VALUE_LOCATION)).hasSize(1);
    } else {
      assertThat(added.resultReason()).isEqualTo(notInVersion);
    }

    // Digest is the server's alone, in every version: refused, and nothing is stored.
    Attribute digest =
        Attribute.of(
            TtlvStructure.of(
                Tag.DIGEST.code(),
                new TtlvEnumeration(Tag.HASHING_ALGORITHM.code(), 6),
                TtlvByteString.of(Tag.DIGEST_VALUE.code(), new byte[32])));
    List<Attribute> digestsBefore = attributes(version, uid, Tag.DIGEST);
    ResponseBatchItem forged = call(version, add(version, uid, digest)).get(0);
    assertThat(forged.resultReason()).as(forged.resultMessage()).isEqualTo(readOnly);
    assertThat(attributes(version, uid, Tag.DIGEST)).isEqualTo(digestsBefore);

    // Random Number Generator: a client may describe its own from 1.3, where the tag appears.
    Attribute generator =
        Attribute.of(
            TtlvStructure.of(
                Tag.RANDOM_NUMBER_GENERATOR.code(),
                new TtlvEnumeration(Tag.RNG_ALGORITHM.code(), 1)));
    ResponseBatchItem withGenerator = call(version, create(version, generator)).get(0);
    if (version.isAtLeast(ProtocolVersion.V1_3)) {
      assertThat(withGenerator.resultStatus())
          .as(withGenerator.resultMessage())
          .isEqualTo(ResultStatus.SUCCESS);
    } else {
      assertThat(withGenerator.resultReason()).isEqualTo(notInVersion);
      assertThat(withGenerator.responsePayload()).isNull();
    }
  }

  @ParameterizedTest
  @MethodSource("versions")
  void sensitiveIsAnsweredAsTheVersionNamesIt(ProtocolVersion version) throws Exception {
    ResponseBatchItem get =
        call(
                version,
                RequestBatchItem.of(
                    Operation.GET.value(), Get.Request.of(sensitiveKey).encode(version)))
            .get(0);
    ResultReason expected =
        version.isAtLeast(ProtocolVersion.V1_4)
            ? ResultReason.SENSITIVE
            : ResultReason.PERMISSION_DENIED;
    assertThat(get.resultReason()).as(get.resultMessage()).isEqualTo(expected.value());
  }

  static List<ProtocolVersion> valueGateVersions() {
    return List.of(ProtocolVersion.V1_0, ProtocolVersion.V1_2, ProtocolVersion.V2_0);
  }

  /**
   * A value the request's version does not define, picked from the table (the first Object Type and
   * Hashing Algorithm the version lacks: PGP Key and SHA-512/224 for 1.0, Certificate Request and
   * SHA3-224 for 1.2, Template for 2.0), is refused before anything is done.
   */
  @ParameterizedTest
  @MethodSource("valueGateVersions")
  void aValueTheVersionDoesNotDefineIsRefused(ProtocolVersion version) throws Exception {
    int refused =
        (version.isAtLeast(ProtocolVersion.V2_0)
                ? ResultReason.UNKNOWN_ENUMERATION
                : ResultReason.INVALID_FIELD)
            .value();
    ObjectType lacking =
        Arrays.stream(ObjectType.values()).filter(t -> !t.isDefinedIn(version)).findFirst().get();
    ResponseBatchItem located = call(version, locate(version, lacking.value())).get(0);
    assertThat(located.resultReason()).as(located.resultMessage()).isEqualTo(refused);
    assertThat(located.resultMessage())
        .contains(lacking.xmlName() + " is not defined in KMIP " + version);
    ResponseBatchItem defined =
        call(version, locate(version, ObjectType.SYMMETRIC_KEY.value())).get(0);
    assertThat(defined.resultStatus()).as(defined.resultMessage()).isEqualTo(ResultStatus.SUCCESS);

    HashingAlgorithm hashing =
        Arrays.stream(HashingAlgorithm.values())
            .filter(h -> !h.isDefinedIn(version))
            .findFirst()
            .orElse(null);
    if (hashing != null) {
      String name = "gate-" + version + "-" + hashing.xmlName();
      ResponseBatchItem created =
          call(
                  version,
                  create(
                      version,
                      Attribute.of(
                          TtlvStructure.of(
                              Tag.CRYPTOGRAPHIC_PARAMETERS.code(),
                              new TtlvEnumeration(Tag.HASHING_ALGORITHM.code(), hashing.value()))),
                      Attribute.of(
                          TtlvStructure.of(
                              Tag.NAME.code(),
                              new TtlvTextString(Tag.NAME_VALUE.code(), name),
                              new TtlvEnumeration(
                                  Tag.NAME_TYPE.code(),
                                  NameType.UNINTERPRETED_TEXT_STRING.value())))))
              .get(0);
      assertThat(created.resultReason()).as(created.resultMessage()).isEqualTo(refused);
      assertThat(created.responsePayload()).isNull();
    }
  }

  /**
   * An answer never holds a value the client's version lacks: a key made at 2.1 with Cryptographic
   * Parameters naming SHA3-256 (1.4) shows them to 2.0, and to 1.0 and 1.2 clients not at all.
   */
  @ParameterizedTest
  @MethodSource("valueGateVersions")
  void anAnswerHoldsNoValueTheClientsVersionLacks(ProtocolVersion version) throws Exception {
    String uid =
        createdUid(
            call(
                    ProtocolVersion.V2_1,
                    create(
                        ProtocolVersion.V2_1,
                        Attribute.of(
                            TtlvStructure.of(
                                Tag.CRYPTOGRAPHIC_PARAMETERS.code(),
                                new TtlvEnumeration(
                                    Tag.HASHING_ALGORITHM.code(),
                                    HashingAlgorithm.SHA3_256.value())))))
                .get(0),
            ProtocolVersion.V2_1);
    List<Attribute> shown = attributes(version, uid, Tag.CRYPTOGRAPHIC_PARAMETERS);
    assertThat(shown).hasSize(HashingAlgorithm.SHA3_256.isDefinedIn(version) ? 1 : 0);
    assertThat(version.isAtLeast(ProtocolVersion.V1_4)).isEqualTo(shown.size() == 1);
  }

  private static RequestBatchItem locate(ProtocolVersion version, int objectType) {
    return RequestBatchItem.of(
        Operation.LOCATE.value(),
        Locate.Request.of(
                new Attributes(
                    List.of(Attribute.of(new TtlvEnumeration(Tag.OBJECT_TYPE.code(), objectType))),
                    List.of()))
            .encode(version));
  }

  private static boolean gated(ResponseBatchItem answer) {
    return answer.resultMessage() != null && answer.resultMessage().contains("is not a KMIP");
  }

  private static RequestBatchItem create(ProtocolVersion version, Attribute... more) {
    List<Attribute> items = new ArrayList<>();
    items.add(
        Attribute.of(
            new TtlvEnumeration(
                Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())));
    items.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128)));
    items.addAll(List.of(more));
    return RequestBatchItem.of(
        Operation.CREATE.value(),
        Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), new Attributes(items, List.of()))
            .encode(version));
  }

  private static RequestBatchItem add(ProtocolVersion version, String uid, Attribute attribute) {
    return RequestBatchItem.of(
        Operation.ADD_ATTRIBUTE.value(), new AddAttribute.Request(uid, attribute).encode(version));
  }

  private static String createdUid(ResponseBatchItem answer, ProtocolVersion version) {
    assertThat(answer.resultStatus()).as(answer.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    return Create.Response.decode(Objects.requireNonNull(answer.responsePayload()), version)
        .uniqueIdentifier();
  }

  private List<Attribute> attributes(ProtocolVersion version, String uid, Tag tag)
      throws IOException {
    ResponseBatchItem answer =
        call(
                version,
                RequestBatchItem.of(
                    Operation.GET_ATTRIBUTES.value(),
                    new GetAttributes.Request(uid, List.of(AttributeReference.tag(tag.code())))
                        .encode(version)))
            .get(0);
    assertThat(answer.resultStatus()).as(answer.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    return GetAttributes.Response.decode(Objects.requireNonNull(answer.responsePayload()), version)
        .attributes()
        .all(tag.code());
  }

  private List<ResponseBatchItem> call(ProtocolVersion version, RequestBatchItem... items)
      throws IOException {
    return exchange(new RequestMessage(RequestHeader.of(version), List.of(items)));
  }

  private List<ResponseBatchItem> callContinuing(
      ProtocolVersion version, List<RequestBatchItem> items) throws IOException {
    RequestHeader header =
        new RequestHeader(
            version,
            null,
            null,
            null,
            null,
            null,
            List.of(),
            null,
            BatchErrorContinuationOption.CONTINUE.value(),
            null,
            null);
    return exchange(new RequestMessage(header, items));
  }

  private List<ResponseBatchItem> exchange(RequestMessage request) throws IOException {
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      return TestClients.exchange(socket, request, new DecodeLimits(1 << 22, 32, 65_536))
          .batchItems();
    }
  }
}
