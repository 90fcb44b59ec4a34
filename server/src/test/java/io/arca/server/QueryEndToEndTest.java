package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.DRBGAlgorithm;
import io.arca.kmip.DestroyAction;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProfileName;
import io.arca.kmip.ProtectionStorageMask;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.QueryFunction;
import io.arca.kmip.RNGAlgorithm;
import io.arca.kmip.RNGMode;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.ShreddingAlgorithm;
import io.arca.kmip.Tag;
import io.arca.kmip.UnwrapMode;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeCodec;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.Query;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.config.ServerConfig;
import io.arca.server.op.ClaimedProfiles;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Query over real mutual TLS: every Query Function at every version 1.0-2.1. A version that defines
 * the function gets the server's real answer (the operations its registry serves there, the
 * profiles whose cases pass, its generator, its capabilities, the defaults a new key really gets);
 * a version that does not gets Invalid Field, as for any value it does not know.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryEndToEndTest {
  /**
   * The first version of each Query Function, from the specifications (1.1 added the extension
   * functions, 1.2 attestation, 1.3 the rest of 1.x's, 2.0 defaults and storage masks): written
   * here independently of the vocabulary the server derives its gate from.
   */
  private static final Map<QueryFunction, ProtocolVersion> SINCE =
      Map.ofEntries(
          Map.entry(QueryFunction.QUERY_OPERATIONS, ProtocolVersion.V1_0),
          Map.entry(QueryFunction.QUERY_OBJECTS, ProtocolVersion.V1_0),
          Map.entry(QueryFunction.QUERY_SERVER_INFORMATION, ProtocolVersion.V1_0),
          Map.entry(QueryFunction.QUERY_APPLICATION_NAMESPACES, ProtocolVersion.V1_0),
          Map.entry(QueryFunction.QUERY_EXTENSION_LIST, ProtocolVersion.V1_1),
          Map.entry(QueryFunction.QUERY_EXTENSION_MAP, ProtocolVersion.V1_1),
          Map.entry(QueryFunction.QUERY_ATTESTATION_TYPES, ProtocolVersion.V1_2),
          Map.entry(QueryFunction.QUERY_RNGS, ProtocolVersion.V1_3),
          Map.entry(QueryFunction.QUERY_VALIDATIONS, ProtocolVersion.V1_3),
          Map.entry(QueryFunction.QUERY_PROFILES, ProtocolVersion.V1_3),
          Map.entry(QueryFunction.QUERY_CAPABILITIES, ProtocolVersion.V1_3),
          Map.entry(QueryFunction.QUERY_CLIENT_REGISTRATION_METHODS, ProtocolVersion.V1_3),
          Map.entry(QueryFunction.QUERY_DEFAULTS_INFORMATION, ProtocolVersion.V2_0),
          Map.entry(QueryFunction.QUERY_STORAGE_PROTECTION_MASKS, ProtocolVersion.V2_0));

  private static final List<ProtocolVersion> VERSIONS =
      List.of(
          ProtocolVersion.V1_0,
          ProtocolVersion.V1_1,
          ProtocolVersion.V1_2,
          ProtocolVersion.V1_3,
          ProtocolVersion.V1_4,
          ProtocolVersion.V2_0,
          ProtocolVersion.V2_1);

  @TempDir static Path dir;

  private Arca server;
  private ServerConfig config;
  private SSLContext admin;

  static Stream<Arguments> definedFunctions() {
    return VERSIONS.stream()
        .flatMap(
            v ->
                SINCE.entrySet().stream()
                    .filter(e -> v.isAtLeast(e.getValue()))
                    .map(e -> Arguments.of(e.getKey(), v)));
  }

  static Stream<Arguments> undefinedFunctions() {
    return VERSIONS.stream()
        .flatMap(
            v ->
                SINCE.entrySet().stream()
                    .filter(e -> !v.isAtLeast(e.getValue()))
                    .map(e -> Arguments.of(e.getKey(), v)));
  }

  static List<ProtocolVersion> versions() {
    return VERSIONS;
  }

  @BeforeAll
  void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    config = TestServers.config(dir, tls, 16, 1 << 20);
    server = Arca.start(config, TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest(name = "{0} in KMIP {1}")
  @MethodSource("definedFunctions")
  void eachQueryFunctionGetsTheServersRealAnswer(QueryFunction function, ProtocolVersion version)
      throws Exception {
    TtlvStructure payload = query(version, function);
    Query.Response answer = Query.Response.decode(payload);

    switch (function) {
      case QUERY_OPERATIONS -> {
        List<Integer> served =
            ServerHandlers.registry(config, server.objects(), server.hsm())
                .servedIn(version)
                .stream()
                .filter(o -> o.value() >= 0)
                .map(Operation::value)
                .toList();
        assertThat(answer.operations()).containsExactlyElementsOf(served);
        assertThat(answer.operations().contains(Operation.DISCOVER_VERSIONS.value()))
            .isEqualTo(version.isAtLeast(ProtocolVersion.V1_1));
        assertThat(answer.operations().contains(Operation.ENCRYPT.value()))
            .isEqualTo(version.isAtLeast(ProtocolVersion.V1_2));
        assertThat(answer.operations()).doesNotContain(Operation.GRANT_ACCESS.value());
      }
      case QUERY_OBJECTS -> {
        List<Integer> expected =
            new ArrayList<>(
                Stream.of(
                        ObjectType.SYMMETRIC_KEY,
                        ObjectType.PUBLIC_KEY,
                        ObjectType.PRIVATE_KEY,
                        ObjectType.SECRET_DATA,
                        ObjectType.OPAQUE_OBJECT,
                        ObjectType.CERTIFICATE,
                        ObjectType.SPLIT_KEY,
                        ObjectType.PGP_KEY)
                    // PGP Key came with 1.2: a 1.0 or 1.1 client is not told of it.
                    .filter(t -> t.isDefinedIn(version))
                    .map(ObjectType::value)
                    .toList());
        if (version.major() == 1) {
          expected.add(ObjectType.TEMPLATE.value());
        }
        assertThat(answer.objectTypes()).containsExactlyInAnyOrderElementsOf(expected);
      }
      case QUERY_SERVER_INFORMATION -> {
        assertThat(answer.vendorIdentification()).isEqualTo("Arca");
        TtlvStructure information = Objects.requireNonNull(answer.serverInformation());
        assertThat(information.first(Tag.PRODUCT_NAME.code()) != null)
            .isEqualTo(version.major() == 2);
      }
      case QUERY_EXTENSION_LIST, QUERY_EXTENSION_MAP -> {
        boolean map = function == QueryFunction.QUERY_EXTENSION_MAP;
        assertThat(answer.extensions())
            .startsWith(
                extension(version, map, "Arca User", 0x540001, 0x07),
                extension(version, map, "Arca Access Grant", 0x540002, 0x01),
                extension(version, map, "Arca Owner", 0x540003, 0x07),
                extension(version, map, "Arca Owned Object", 0x540004, 0x07))
            .hasSize(arcaTags());
      }
      case QUERY_RNGS -> {
        assertThat(answer.rngs()).hasSize(1);
        TtlvStructure rng = answer.rngs().get(0);
        // The JDK's default DRBG: Hash_DRBG over SHA-256, without prediction resistance.
        assertThat(rng.items())
            .containsExactly(
                new TtlvEnumeration(Tag.RNG_ALGORITHM.code(), RNGAlgorithm.DRBG.value()),
                new TtlvEnumeration(Tag.HASHING_ALGORITHM.code(), HashingAlgorithm.SHA_256.value()),
                new TtlvEnumeration(Tag.DRBG_ALGORITHM.code(), DRBGAlgorithm.HASH.value()),
                new TtlvBoolean(Tag.PREDICTION_RESISTANCE.code(), false));
      }
      case QUERY_PROFILES -> {
        assertThat(answer.profiles())
            .isEqualTo(ClaimedProfiles.standard().served(false).answer(version));
        List<Integer> names =
            answer.profiles().stream()
                .map(
                    p ->
                        ((TtlvEnumeration) Objects.requireNonNull(p.first(Tag.PROFILE_NAME.code())))
                            .value())
                .toList();
        if (version.equals(ProtocolVersion.V1_4)) {
          assertThat(names)
              .contains(
                  ProfileName.SYMMETRIC_KEY_LIFECYCLE_SERVER_KMIP_V1_0.value(),
                  ProfileName.SYMMETRIC_KEY_LIFECYCLE_SERVER_KMIP_V1_4.value())
              // TL-M-3-14 does not pass (docs/CONFORMANCE.md): no Tape Library claim at 1.4.
              .doesNotContain(ProfileName.TAPE_LIBRARY_SERVER_KMIP_V1_4.value());
        } else if (version.equals(ProtocolVersion.V1_3)) {
          assertThat(names)
              .doesNotContain(ProfileName.SYMMETRIC_KEY_LIFECYCLE_SERVER_KMIP_V1_4.value());
        } else if (version.major() == 2) {
          assertThat(names)
              // QS-M-1 and QS-M-2 pass at 2.0 and 2.1: Quantum Safe Server is earned.
              .contains(
                  ProfileName.BASIC_CRYPTOGRAPHIC_SERVER.value(),
                  ProfileName.QUANTUM_SAFE_SERVER.value());
          // One claim per name, whichever 2.x versions' cases earned it.
          assertThat(names).doesNotHaveDuplicates();
        }
        assertThat(names).isNotEmpty();
      }
      case QUERY_CAPABILITIES -> {
        assertThat(answer.capabilities()).hasSize(1);
        TtlvStructure capabilities = answer.capabilities().get(0);
        assertThat(capabilities.first(Tag.STREAMING_CAPABILITY.code()))
            .isEqualTo(new TtlvBoolean(Tag.STREAMING_CAPABILITY.code(), true));
        assertThat(capabilities.first(Tag.ASYNCHRONOUS_CAPABILITY.code()))
            .isEqualTo(new TtlvBoolean(Tag.ASYNCHRONOUS_CAPABILITY.code(), true));
        assertThat(capabilities.first(Tag.UNWRAP_MODE.code()))
            .isEqualTo(
                new TtlvEnumeration(Tag.UNWRAP_MODE.code(), UnwrapMode.NOT_PROCESSED.value()));
        assertThat(capabilities.first(Tag.DESTROY_ACTION.code()))
            .isEqualTo(
                new TtlvEnumeration(
                    Tag.DESTROY_ACTION.code(), DestroyAction.KEY_MATERIAL_DELETED.value()));
        assertThat(capabilities.first(Tag.SHREDDING_ALGORITHM.code()))
            .isEqualTo(
                new TtlvEnumeration(
                    Tag.SHREDDING_ALGORITHM.code(), ShreddingAlgorithm.UNSUPPORTED.value()));
        assertThat(capabilities.first(Tag.RNG_MODE.code()))
            .isEqualTo(
                new TtlvEnumeration(Tag.RNG_MODE.code(), RNGMode.SHARED_INSTANTIATION.value()));
        // Batch Undo and Continue came with 1.4.
        boolean v14 = version.isAtLeast(ProtocolVersion.V1_4);
        assertThat(capabilities.first(Tag.BATCH_UNDO_CAPABILITY.code()))
            .isEqualTo(v14 ? new TtlvBoolean(Tag.BATCH_UNDO_CAPABILITY.code(), true) : null);
        assertThat(capabilities.first(Tag.BATCH_CONTINUE_CAPABILITY.code()))
            .isEqualTo(v14 ? new TtlvBoolean(Tag.BATCH_CONTINUE_CAPABILITY.code(), true) : null);
        assertThat(capabilities.first(Tag.QUANTUM_SAFE_CAPABILITY.code())).isNull();
      }
      case QUERY_DEFAULTS_INFORMATION -> defaultsAreWhatANewKeyGets(answer, version);
      case QUERY_STORAGE_PROTECTION_MASKS ->
          assertThat(answer.protectionStorageMasks())
              .isEqualTo(
                  TtlvStructure.of(
                      Tag.PROTECTION_STORAGE_MASKS.code(),
                      new TtlvInteger(
                          Tag.PROTECTION_STORAGE_MASK.code(),
                          ProtectionStorageMask.SOFTWARE.value())));
      // No namespaces generated, no attestation, no validation claimed, no registration over
      // KMIP: an empty payload, as the specification says when there is nothing to return.
      case QUERY_APPLICATION_NAMESPACES,
          QUERY_ATTESTATION_TYPES,
          QUERY_VALIDATIONS,
          QUERY_CLIENT_REGISTRATION_METHODS ->
          assertThat(payload.items()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0} in KMIP {1}")
  @MethodSource("undefinedFunctions")
  void aQueryFunctionTheVersionDoesNotDefineIsAnInvalidField(
      QueryFunction function, ProtocolVersion version) throws Exception {
    ResponseBatchItem answer = call(version, QueryFunction.QUERY_OPERATIONS, function);

    assertThat(answer.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
    assertThat(answer.resultReason()).isEqualTo(ResultReason.INVALID_FIELD.value());
    // The value gate (vocabulary.tsv) refuses it before Query's own check of the answer's tag.
    assertThat(answer.resultMessage())
        .contains(function.xmlName())
        .containsAnyOf(
            "not a KMIP " + version + " Query Function", "is not defined in KMIP " + version);
  }

  @ParameterizedTest
  @MethodSource("versions")
  void aQueryFunctionNoVersionDefinesIsAnInvalidField(ProtocolVersion version) throws Exception {
    for (int value : new int[] {0x0000000F, 0x80000001}) {
      ResponseBatchItem answer =
          exchange(
              version,
              RequestBatchItem.of(
                  Operation.QUERY.value(),
                  TtlvStructure.of(
                      Tag.REQUEST_PAYLOAD.code(),
                      new TtlvEnumeration(Tag.QUERY_FUNCTION.code(), value))));

      assertThat(answer.resultReason()).isEqualTo(ResultReason.INVALID_FIELD.value());
    }
  }

  /** Arca's own tags (0x54xxxx): the access extension's four and the admin operations' fields. */
  private static int arcaTags() {
    return (int) Arrays.stream(Tag.values()).filter(t -> (t.code() & 0xFF0000) == 0x540000).count();
  }

  @ParameterizedTest
  @MethodSource("versions")
  void extensionMapAndListTogetherAnswerTheMapOnce(ProtocolVersion version) throws Exception {
    if (!version.isAtLeast(ProtocolVersion.V1_1)) {
      return; // covered by the undefined-function test
    }
    Query.Response answer =
        Query.Response.decode(
            query(
                version,
                QueryFunction.QUERY_EXTENSION_LIST,
                QueryFunction.QUERY_EXTENSION_MAP,
                QueryFunction.QUERY_EXTENSION_LIST));

    assertThat(answer.extensions()).hasSize(arcaTags());
    assertThat(answer.extensions())
        .allSatisfy(e -> assertThat(e.first(Tag.EXTENSION_TAG.code())).isNotNull());
  }

  /**
   * Each default Query Defaults Information states is the value a symmetric key made without that
   * attribute really has.
   */
  private void defaultsAreWhatANewKeyGets(Query.Response answer, ProtocolVersion version)
      throws IOException {
    TtlvStructure defaults = Objects.requireNonNull(answer.defaults());
    TtlvStructure symmetric =
        defaults.all(Tag.OBJECT_DEFAULTS.code()).stream()
            .map(TtlvStructure.class::cast)
            .filter(
                d ->
                    new TtlvEnumeration(Tag.OBJECT_TYPE.code(), ObjectType.SYMMETRIC_KEY.value())
                        .equals(d.first(Tag.OBJECT_TYPE.code())))
            .findFirst()
            .orElseThrow();
    Attributes stated =
        AttributeCodec.decode(
            (TtlvStructure) Objects.requireNonNull(symmetric.first(Tag.ATTRIBUTES.code())),
            version);
    assertThat(stated.items())
        .extracting(Attribute::value)
        .containsExactlyInAnyOrder(
            new TtlvBoolean(Tag.FRESH.code(), true),
            new TtlvBoolean(Tag.SENSITIVE.code(), false),
            new TtlvBoolean(Tag.EXTRACTABLE.code(), true));

    String uid = createdKey(version);
    for (Attribute attribute : stated.items()) {
      assertThat(attributeOf(version, uid, attribute.reference()))
          .as("%s", attribute.reference())
          .isEqualTo(attribute.value());
    }
  }

  private static TtlvStructure extension(
      ProtocolVersion version, boolean map, String name, int tag, int itemType) {
    List<Ttlv> fields = new ArrayList<>();
    fields.add(new TtlvTextString(Tag.EXTENSION_NAME.code(), name));
    if (map) {
      fields.add(new TtlvInteger(Tag.EXTENSION_TAG.code(), tag));
      fields.add(
          version.major() == 2
              ? new TtlvEnumeration(Tag.EXTENSION_TYPE.code(), itemType)
              : new TtlvInteger(Tag.EXTENSION_TYPE.code(), itemType));
    }
    return new TtlvStructure(Tag.EXTENSION_INFORMATION.code(), fields);
  }

  private TtlvStructure query(ProtocolVersion version, QueryFunction... functions)
      throws IOException {
    ResponseBatchItem answer = call(version, functions);
    assertThat(answer.resultStatus()).as(answer.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    return Objects.requireNonNull(answer.responsePayload());
  }

  private ResponseBatchItem call(ProtocolVersion version, QueryFunction... functions)
      throws IOException {
    return exchange(
        version,
        RequestBatchItem.of(
            Operation.QUERY.value(),
            new Query.Request(Stream.of(functions).map(QueryFunction::value).toList()).encode()));
  }

  private String createdKey(ProtocolVersion version) throws IOException {
    Attributes attributes =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)));
    ResponseBatchItem answer =
        exchange(
            version,
            RequestBatchItem.of(
                Operation.CREATE.value(),
                Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(version)));
    assertThat(answer.resultStatus()).as(answer.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    return Create.Response.decode(Objects.requireNonNull(answer.responsePayload()), version)
        .uniqueIdentifier();
  }

  private Ttlv attributeOf(ProtocolVersion version, String uid, AttributeReference reference)
      throws IOException {
    ResponseBatchItem answer =
        exchange(
            version,
            RequestBatchItem.of(
                Operation.GET_ATTRIBUTES.value(),
                new GetAttributes.Request(uid, List.of(reference)).encode(version)));
    assertThat(answer.resultStatus()).as(answer.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
    Attribute attribute =
        GetAttributes.Response.decode(Objects.requireNonNull(answer.responsePayload()), version)
            .attributes()
            .first(reference);
    return Objects.requireNonNull(attribute).value();
  }

  private ResponseBatchItem exchange(ProtocolVersion version, RequestBatchItem item)
      throws IOException {
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      return TestClients.exchange(
              socket,
              new RequestMessage(RequestHeader.of(version), List.of(item)),
              new DecodeLimits(1 << 22, 32, 65_536))
          .batchItems()
          .get(0);
    }
  }
}
