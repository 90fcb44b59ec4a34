package io.arca.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KeyFormatType;
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
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.AddAttribute;
import io.arca.kmip.payload.Constraint;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.GetConstraints;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.payload.ObjectDefaults;
import io.arca.kmip.payload.Query;
import io.arca.kmip.payload.Register;
import io.arca.kmip.payload.SetAttribute;
import io.arca.kmip.payload.SetConstraints;
import io.arca.kmip.payload.SetDefaults;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.Arca;
import io.arca.server.TestServers;
import io.arca.server.config.ServerConfig;
import io.arca.server.transport.TestClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Set Defaults, Set Constraints and Get Constraints over real mutual TLS on a real server and
 * database: the defaults fill what a client left out and never what it gave, constraints refuse
 * Create, Create Key Pair and Register with nothing stored, only the server administrator may set
 * either, 2.0 does not have them, and a new server on the same database applies the same.
 */
class SettingsEndToEndTest {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;
  private static final int ENCRYPT_DECRYPT =
      CryptographicUsageMask.ENCRYPT.value() | CryptographicUsageMask.DECRYPT.value();

  @TempDir Path dir;
  private @Nullable Arca server;
  private TestPki pki;
  private SSLContext admin;
  private SSLContext user;

  @BeforeEach
  void start() throws Exception {
    pki = TestPki.create(dir.resolve("pki"), "Clients CA");
    admin = pki.context(pki.client("admin"));
    user = pki.context(pki.client("alice"));
    server = startServer();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void defaultsFillWhatTheClientLeftOutAndClientValuesWin() throws Exception {
    assertOk(call(admin, Operation.SET_DEFAULTS, aesDefaults(List.of()).encode(V)));

    String bare = create(user, Attributes.EMPTY);
    assertThat(attribute(user, bare, Tag.CRYPTOGRAPHIC_ALGORITHM))
        .isEqualTo(enumeration(Tag.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.AES.value()));
    assertThat(attribute(user, bare, Tag.CRYPTOGRAPHIC_LENGTH)).isEqualTo(length(256));
    assertThat(attribute(user, bare, Tag.CRYPTOGRAPHIC_USAGE_MASK))
        .isEqualTo(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), ENCRYPT_DECRYPT));

    String chosen = create(user, Attributes.of(Attribute.of(length(128))));
    assertThat(attribute(user, chosen, Tag.CRYPTOGRAPHIC_LENGTH)).isEqualTo(length(128));

    TtlvStructure inForce = queryDefaults(user);
    assertThat(inForce.toString()).contains(String.valueOf(CryptographicAlgorithm.AES.value()));
    assertThat(findAll(inForce, Tag.CRYPTOGRAPHIC_LENGTH.code())).contains(length(256));
  }

  @Test
  void setDefaultsWithNothingRemovesThem() throws Exception {
    assertOk(call(admin, Operation.SET_DEFAULTS, aesDefaults(List.of()).encode(V)));
    create(user, Attributes.EMPTY);

    assertOk(call(admin, Operation.SET_DEFAULTS, new SetDefaults.Request(List.of()).encode(V)));

    assertThat(createAnswer(user, Attributes.EMPTY).resultStatus())
        .as("no algorithm or length any more")
        .isEqualTo(ResultStatus.OPERATION_FAILED);
    assertThat(findAll(queryDefaults(user), Tag.CRYPTOGRAPHIC_LENGTH.code())).isEmpty();
  }

  @Test
  void defaultsNamingObjectGroupsApplyToThoseGroupsAlone() throws Exception {
    assertOk(call(admin, Operation.SET_DEFAULTS, aesDefaults(List.of("payments")).encode(V)));

    String inGroup = create(user, Attributes.of(Attribute.of(group("payments"))));
    assertThat(attribute(user, inGroup, Tag.CRYPTOGRAPHIC_LENGTH)).isEqualTo(length(256));
    assertThat(createAnswer(user, Attributes.of(Attribute.of(group("other")))).resultStatus())
        .isEqualTo(ResultStatus.OPERATION_FAILED);
  }

  @Test
  void constraintsRefuseCreateCreateKeyPairAndRegisterWithNothingStored() throws Exception {
    assertOk(call(admin, Operation.SET_CONSTRAINTS, constraints().encode(V)));
    int before = located(user);

    assertThat(reason(createAnswer(user, aes(128)))).isEqualTo(ResultReason.CONSTRAINT_VIOLATION);
    Attributes rsa2048 =
        Attributes.of(
            Attribute.of(
                enumeration(Tag.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.RSA.value())),
            Attribute.of(length(2048)));
    ResponseBatchItem pair =
        call(
            user,
            Operation.CREATE_KEY_PAIR,
            new CreateKeyPair.Request(rsa2048, null, null, CreateKeyPair.KeyPairMasks.NONE)
                .encode(V));
    assertThat(reason(pair)).isEqualTo(ResultReason.CONSTRAINT_VIOLATION);
    // No attributes: the key's own length (128 bits) is what the constraint sees.
    ResponseBatchItem registered =
        call(user, Operation.REGISTER, Register.Request.of(aesKey(16), Attributes.EMPTY).encode(V));
    assertThat(reason(registered)).isEqualTo(ResultReason.CONSTRAINT_VIOLATION);
    assertThat(located(user)).as("nothing stored").isEqualTo(before);

    String compliant = create(user, aes(256));
    assertThat(attribute(user, compliant, Tag.CRYPTOGRAPHIC_LENGTH)).isEqualTo(length(256));
    assertOk(
        call(
            user, Operation.REGISTER, Register.Request.of(aesKey(32), Attributes.EMPTY).encode(V)));
    assertThat(located(user)).isEqualTo(before + 2);
  }

  @Test
  void anAttributeEditThatWouldBreakAConstraintIsRefusedAndTheValueKept() throws Exception {
    Attribute ops = Attribute.of(new TtlvTextString(Tag.CONTACT_INFORMATION.code(), "ops"));
    Attribute dev = Attribute.of(new TtlvTextString(Tag.CONTACT_INFORMATION.code(), "dev"));
    String before = create(user, aes(128)); // made before the constraint: keeps what it has
    SetConstraints.Request contacts =
        new SetConstraints.Request(
            List.of(new Constraint(List.of(), List.of(), Attributes.of(ops))));
    assertOk(call(admin, Operation.SET_CONSTRAINTS, contacts.encode(V)));
    List<Attribute> items = new ArrayList<>(aes(128).items());
    items.add(ops);
    String uid = create(user, new Attributes(items, List.of()));

    assertThat(
            reason(
                call(user, Operation.SET_ATTRIBUTE, new SetAttribute.Request(uid, dev).encode(V))))
        .isEqualTo(ResultReason.CONSTRAINT_VIOLATION);
    assertThat(attribute(user, uid, Tag.CONTACT_INFORMATION)).isEqualTo(ops.value());
    assertOk(call(user, Operation.SET_ATTRIBUTE, new SetAttribute.Request(uid, ops).encode(V)));
    assertOk(
        call(
            user,
            Operation.ADD_ATTRIBUTE,
            new AddAttribute.Request(before, Attribute.of(group("x"))).encode(V)));
  }

  @Test
  void getConstraintsReturnsWhatWasSetToAnyUser() throws Exception {
    assertThat(getConstraints(user)).isEmpty();
    SetConstraints.Request set = constraints();
    assertOk(call(admin, Operation.SET_CONSTRAINTS, set.encode(V)));

    assertThat(getConstraints(user)).isEqualTo(set.constraints());
    assertThat(getConstraints(admin)).isEqualTo(set.constraints());

    assertOk(
        call(admin, Operation.SET_CONSTRAINTS, new SetConstraints.Request(List.of()).encode(V)));
    assertThat(getConstraints(user)).isEmpty();
    create(user, aes(128));
  }

  @Test
  void onlyTheServerAdministratorMaySetThem() throws Exception {
    assertThat(reason(call(user, Operation.SET_DEFAULTS, aesDefaults(List.of()).encode(V))))
        .isEqualTo(ResultReason.PERMISSION_DENIED);
    assertThat(reason(call(user, Operation.SET_CONSTRAINTS, constraints().encode(V))))
        .isEqualTo(ResultReason.PERMISSION_DENIED);
    assertThat(getConstraints(admin)).as("nothing was set").isEmpty();
    assertThat(createAnswer(user, Attributes.EMPTY).resultStatus())
        .isEqualTo(ResultStatus.OPERATION_FAILED);
  }

  @Test
  void beforeKmip21TheOperationsDoNotExist() throws Exception {
    ProtocolVersion v20 = ProtocolVersion.V2_0;
    assertThat(reason(call(admin, v20, Operation.SET_DEFAULTS, aesDefaults(List.of()).encode(v20))))
        .isEqualTo(ResultReason.OPERATION_NOT_SUPPORTED);
    assertThat(reason(call(admin, v20, Operation.SET_CONSTRAINTS, constraints().encode(v20))))
        .isEqualTo(ResultReason.OPERATION_NOT_SUPPORTED);
    assertThat(
            reason(
                call(
                    user,
                    v20,
                    Operation.GET_CONSTRAINTS,
                    new GetConstraints.Request().encode(v20))))
        .isEqualTo(ResultReason.OPERATION_NOT_SUPPORTED);
    List<Integer> settings =
        List.of(
            Operation.SET_DEFAULTS.value(),
            Operation.SET_CONSTRAINTS.value(),
            Operation.GET_CONSTRAINTS.value());
    assertThat(queriedOperations(user, v20)).doesNotContainAnyElementsOf(settings);
    assertThat(queriedOperations(user, V)).containsAll(settings);
  }

  @Test
  void aNewServerOnTheSameDatabaseAppliesTheSameSettings() throws Exception {
    assertOk(call(admin, Operation.SET_DEFAULTS, aesDefaults(List.of()).encode(V)));
    assertOk(call(admin, Operation.SET_CONSTRAINTS, constraints().encode(V)));
    Objects.requireNonNull(server).close();
    server = null;
    server = startServer();

    assertThat(getConstraints(user)).isEqualTo(constraints().constraints());
    String bare = create(user, Attributes.EMPTY);
    assertThat(attribute(user, bare, Tag.CRYPTOGRAPHIC_LENGTH)).isEqualTo(length(256));
    assertThat(reason(createAnswer(user, aes(128)))).isEqualTo(ResultReason.CONSTRAINT_VIOLATION);
  }

  // --- settings and objects

  private static SetDefaults.Request aesDefaults(List<String> groups) {
    return new SetDefaults.Request(
        List.of(
            new ObjectDefaults(
                List.of(ObjectType.SYMMETRIC_KEY.value()),
                Attributes.of(
                    Attribute.of(
                        enumeration(
                            Tag.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.AES.value())),
                    Attribute.of(length(256)),
                    Attribute.of(
                        new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), ENCRYPT_DECRYPT))),
                groups)));
  }

  /** Symmetric keys of 256 bits alone; key pairs of 3072 or 4096 bits alone. */
  private static SetConstraints.Request constraints() {
    return new SetConstraints.Request(
        List.of(
            new Constraint(
                List.of(ObjectType.SYMMETRIC_KEY.value()),
                List.of(),
                Attributes.of(Attribute.of(length(256)))),
            new Constraint(
                List.of(ObjectType.PRIVATE_KEY.value(), ObjectType.PUBLIC_KEY.value()),
                List.of(),
                Attributes.of(Attribute.of(length(3072)), Attribute.of(length(4096))))));
  }

  private static Attributes aes(int bits) {
    return Attributes.of(
        Attribute.of(enumeration(Tag.CRYPTOGRAPHIC_ALGORITHM, CryptographicAlgorithm.AES.value())),
        Attribute.of(length(bits)),
        Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), ENCRYPT_DECRYPT)));
  }

  private static SymmetricKey aesKey(int bytes) {
    byte[] key = new byte[bytes];
    java.util.Arrays.fill(key, (byte) 7);
    return new SymmetricKey(
        KeyBlock.of(
            KeyFormatType.RAW.value(),
            KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(key))),
            CryptographicAlgorithm.AES.value(),
            bytes * 8));
  }

  private static TtlvInteger length(int bits) {
    return new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits);
  }

  private static TtlvEnumeration enumeration(Tag tag, int value) {
    return new TtlvEnumeration(tag.code(), value);
  }

  private static TtlvTextString group(String name) {
    return new TtlvTextString(Tag.OBJECT_GROUP.code(), name);
  }

  // --- calls

  private String create(SSLContext client, Attributes attributes) throws IOException {
    ResponseBatchItem answer = createAnswer(client, attributes);
    assertOk(answer);
    return Create.Response.decode(payloadOf(answer), V).uniqueIdentifier();
  }

  private ResponseBatchItem createAnswer(SSLContext client, Attributes attributes)
      throws IOException {
    return call(
        client,
        Operation.CREATE,
        Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(V));
  }

  private @Nullable Ttlv attribute(SSLContext client, String uid, Tag tag) throws IOException {
    ResponseBatchItem answer =
        call(
            client,
            Operation.GET_ATTRIBUTES,
            new GetAttributes.Request(uid, List.of(AttributeReference.tag(tag.code()))).encode(V));
    assertOk(answer);
    Attribute found =
        GetAttributes.Response.decode(payloadOf(answer), V).attributes().first(tag.code());
    return found == null ? null : found.value();
  }

  private int located(SSLContext client) throws IOException {
    ResponseBatchItem answer =
        call(client, Operation.LOCATE, Locate.Request.of(Attributes.EMPTY).encode(V));
    assertOk(answer);
    return Locate.Response.decode(payloadOf(answer), V).uniqueIdentifiers().size();
  }

  private List<Constraint> getConstraints(SSLContext client) throws IOException {
    ResponseBatchItem answer =
        call(client, Operation.GET_CONSTRAINTS, new GetConstraints.Request().encode(V));
    assertOk(answer);
    return GetConstraints.Response.decode(payloadOf(answer), V).constraints();
  }

  private TtlvStructure queryDefaults(SSLContext client) throws IOException {
    ResponseBatchItem answer =
        call(
            client,
            Operation.QUERY,
            new Query.Request(List.of(QueryFunction.QUERY_DEFAULTS_INFORMATION.value())).encode());
    assertOk(answer);
    return Objects.requireNonNull(Query.Response.decode(payloadOf(answer)).defaults());
  }

  private List<Integer> queriedOperations(SSLContext client, ProtocolVersion v) throws IOException {
    ResponseBatchItem answer =
        call(
            client,
            v,
            Operation.QUERY,
            new Query.Request(List.of(QueryFunction.QUERY_OPERATIONS.value())).encode());
    assertOk(answer);
    return Query.Response.decode(payloadOf(answer)).operations();
  }

  private static List<Ttlv> findAll(TtlvStructure structure, int tag) {
    List<Ttlv> found = new ArrayList<>();
    for (Ttlv item : structure.items()) {
      if (item.tag() == tag) {
        found.add(item);
      } else if (item instanceof TtlvStructure inner) {
        found.addAll(findAll(inner, tag));
      }
    }
    return found;
  }

  private static void assertOk(ResponseBatchItem answer) {
    assertThat(answer.resultStatus()).as(answer.resultMessage()).isEqualTo(ResultStatus.SUCCESS);
  }

  private static @Nullable ResultReason reason(ResponseBatchItem answer) {
    assertThat(answer.resultStatus())
        .as(answer.resultMessage())
        .isEqualTo(ResultStatus.OPERATION_FAILED);
    return ResultReason.byValue(Objects.requireNonNull(answer.resultReason()));
  }

  private static TtlvStructure payloadOf(ResponseBatchItem item) {
    return Objects.requireNonNull(item.responsePayload());
  }

  private ResponseBatchItem call(SSLContext client, Operation operation, TtlvStructure payload)
      throws IOException {
    return call(client, V, operation, payload);
  }

  private ResponseBatchItem call(
      SSLContext client, ProtocolVersion v, Operation operation, TtlvStructure payload)
      throws IOException {
    try (SSLSocket socket = TestClients.connect(client, Objects.requireNonNull(server).port())) {
      RequestMessage request =
          new RequestMessage(
              RequestHeader.of(v),
              List.of(new RequestBatchItem(operation.value(), null, null, payload, List.of())));
      return TestClients.exchange(socket, request).batchItems().get(0);
    }
  }

  private Arca startServer() throws Exception {
    Path denyList = dir.resolve("deny.txt");
    if (!Files.exists(denyList)) {
      Files.writeString(denyList, "");
    }
    ServerConfig.Tls tls =
        RevocationEndToEndTest.tls(
            pki, pki.server("server"), RevocationEndToEndTest.revocation(null, denyList));
    ServerConfig config = TestServers.config(dir.resolve("data"), tls, 16, 64 * 1024);
    config =
        new ServerConfig(
            config.bind(),
            config.port(),
            config.dataDir(),
            config.tls(),
            config.identityFrom(),
            config.limits(),
            config.workerThreads(),
            config.logLevel(),
            config.interop(),
            config.storage(),
            config.access().withServerAdmins(Set.of("admin")),
            config.hsm(),
            config.requestBounds(),
            config.observability());
    return Arca.start(config, ServerTls.start(tls, Duration.ofSeconds(10)), () -> "reloaded");
  }
}
