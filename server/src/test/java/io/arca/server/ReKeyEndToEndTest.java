package io.arca.server;

import static io.arca.server.TestAttributes.date;
import static io.arca.server.TestAttributes.dateAttribute;
import static io.arca.server.TestAttributes.keyOf;
import static io.arca.server.TestAttributes.links;
import static io.arca.server.TestAttributes.name;
import static io.arca.server.TestAttributes.names;
import static io.arca.server.TestAttributes.state;
import static io.arca.server.TestAttributes.structure;
import static io.arca.server.TestAttributes.text;
import static io.arca.server.TestAttributes.usage;
import static io.arca.server.TestAttributes.usageLimits;
import static io.arca.server.TestAttributes.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.AccessGrant;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.Destroy;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.GrantAccess;
import io.arca.kmip.payload.ReKey;
import io.arca.kmip.payload.ReKeyKeyPair;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.server.transport.TestClients;
import io.arca.testing.ClientCertificates;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Re-key and Re-key Key Pair over real mutual TLS, by the rules of KMIP 1.4 §4.4-4.5 (and 1.0-1.3,
 * which have the same), 2.0 §6.1.42-43 and 2.1 §6.1.46-47, at every version that defines each: what
 * the replacement takes over, the links both ways, the dates under an Offset and the state they
 * give, the request's attributes, and each refusal with the spec's Result Reason and nothing
 * stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReKeyEndToEndTest {
  @TempDir static Path dir;

  private Arca server;
  private SSLContext admin;
  private SSLContext user1;

  private static final List<ProtocolVersion> VERSIONS =
      List.of(
          ProtocolVersion.V1_0,
          ProtocolVersion.V1_1,
          ProtocolVersion.V1_2,
          ProtocolVersion.V1_3,
          ProtocolVersion.V1_4,
          ProtocolVersion.V2_0,
          ProtocolVersion.V2_1);

  static Stream<ProtocolVersion> reKeyVersions() {
    return VERSIONS.stream().filter(Operation.RE_KEY::isDefinedIn);
  }

  static Stream<ProtocolVersion> reKeyKeyPairVersions() {
    return VERSIONS.stream().filter(Operation.RE_KEY_KEY_PAIR::isDefinedIn);
  }

  @BeforeAll
  void start() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    server = Arca.start(TestServers.config(dir, tls, 64, 1 << 20), TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    Path cert = dir.resolve("user1.crt");
    Path key = dir.resolve("user1.key");
    ClientCertificates.issue(
        pki.caCertificate(), pki.directory().resolve("ca.key"), "user1", cert, key);
    user1 = TestClients.context(pki.caCertificate(), cert, key);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @MethodSource("reKeyVersions")
  void theReplacementTakesOverTheNamesAndAttributesAndIsLinkedBothWays(ProtocolVersion version)
      throws Exception {
    String name = "rotating-" + UUID.randomUUID();
    String old =
        createAes(
            version,
            name(name),
            usage(CryptographicUsageMask.ENCRYPT, CryptographicUsageMask.DECRYPT),
            text(Tag.CONTACT_INFORMATION, "ops@example.com"),
            usageLimits(1000, 400));
    Attributes before = attributes(version, old);

    String fresh = reKey(version, old, null, null);

    Attributes replaced = attributes(version, old);
    Attributes replacement = attributes(version, fresh);
    assertThat(names(replacement)).containsExactly(name);
    assertThat(names(replaced)).isEmpty();
    assertThat(links(replacement, LinkType.REPLACED_OBJECT_LINK)).containsExactly(old);
    assertThat(links(replaced, LinkType.REPLACEMENT_OBJECT_LINK)).containsExactly(fresh);
    for (Tag copied :
        List.of(
            Tag.CRYPTOGRAPHIC_ALGORITHM,
            Tag.CRYPTOGRAPHIC_LENGTH,
            Tag.CRYPTOGRAPHIC_USAGE_MASK,
            Tag.CONTACT_INFORMATION)) {
      assertThat(value(replacement, copied)).as("%s", copied).isEqualTo(value(before, copied));
    }
    // Set anew: the Digest of the new value, the dates of its making, a full Usage Limits budget.
    assertThat(value(replacement, Tag.DIGEST)).isNotNull().isNotEqualTo(value(before, Tag.DIGEST));
    assertThat(date(replacement, Tag.INITIAL_DATE))
        .isAfterOrEqualTo(date(before, Tag.INITIAL_DATE));
    assertThat(date(replaced, Tag.LAST_CHANGE_DATE))
        .isAfterOrEqualTo(date(before, Tag.LAST_CHANGE_DATE));
    TtlvStructure limits = structure(replacement, Tag.USAGE_LIMITS);
    assertThat(limits.first(Tag.USAGE_LIMITS_TOTAL.code()))
        .isEqualTo(new TtlvLongInteger(Tag.USAGE_LIMITS_TOTAL.code(), 1000));
    assertThat(limits.first(Tag.USAGE_LIMITS_COUNT.code()))
        .isEqualTo(new TtlvLongInteger(Tag.USAGE_LIMITS_COUNT.code(), 1000));
    assertThat(state(replacement)).isEqualTo(State.PRE_ACTIVE);
  }

  @ParameterizedTest
  @MethodSource("reKeyVersions")
  void anOffsetMovesEachDateByTheNewActivationDatesDistanceFromTheOld(ProtocolVersion version)
      throws Exception {
    Instant activation = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Instant processStart = activation.plus(Duration.ofHours(1));
    Instant protectStop = activation.plus(Duration.ofDays(10));
    Instant deactivation = activation.plus(Duration.ofDays(20));
    String old =
        createAes(
            version,
            dateAttribute(Tag.ACTIVATION_DATE, activation),
            dateAttribute(Tag.PROCESS_START_DATE, processStart),
            dateAttribute(Tag.PROTECT_STOP_DATE, protectStop),
            dateAttribute(Tag.DEACTIVATION_DATE, deactivation));

    String fresh = reKey(version, old, 3600L, null);

    Attributes replacement = attributes(version, fresh);
    Instant initial = date(replacement, Tag.INITIAL_DATE);
    Instant newActivation = initial.plusSeconds(3600);
    Duration shift = Duration.between(activation, newActivation);
    assertThat(date(replacement, Tag.ACTIVATION_DATE)).isEqualTo(newActivation);
    assertThat(date(replacement, Tag.PROCESS_START_DATE)).isEqualTo(processStart.plus(shift));
    assertThat(date(replacement, Tag.PROTECT_STOP_DATE)).isEqualTo(protectStop.plus(shift));
    assertThat(date(replacement, Tag.DEACTIVATION_DATE)).isEqualTo(deactivation.plus(shift));
    assertThat(state(replacement)).isEqualTo(State.PRE_ACTIVE);
  }

  @ParameterizedTest
  @MethodSource("reKeyVersions")
  void withoutAnOffsetTheDatesAreCopiedAndTheStateFollowsThem(ProtocolVersion version)
      throws Exception {
    Instant activation = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Instant deactivation = activation.plus(Duration.ofDays(20));
    String old =
        createAes(
            version,
            dateAttribute(Tag.ACTIVATION_DATE, activation),
            dateAttribute(Tag.DEACTIVATION_DATE, deactivation));

    Attributes replacement = attributes(version, reKey(version, old, null, null));

    assertThat(date(replacement, Tag.ACTIVATION_DATE)).isEqualTo(activation);
    assertThat(date(replacement, Tag.DEACTIVATION_DATE)).isEqualTo(deactivation);
    assertThat(state(replacement)).isEqualTo(State.ACTIVE);
  }

  @ParameterizedTest
  @MethodSource("reKeyVersions")
  void theRequestsAttributesOverrideThoseOfTheOldKey(ProtocolVersion version) throws Exception {
    String old = createAes(version, text(Tag.CONTACT_INFORMATION, "old@example.com"));

    String fresh =
        reKey(version, old, null, Attributes.of(text(Tag.CONTACT_INFORMATION, "new@example.com")));

    assertThat(value(attributes(version, fresh), Tag.CONTACT_INFORMATION))
        .isEqualTo(new TtlvTextString(Tag.CONTACT_INFORMATION.code(), "new@example.com"));
  }

  @ParameterizedTest
  @MethodSource("reKeyVersions")
  void anOffsetBesideADateItWouldSetIsAnInvalidMessage(ProtocolVersion version) throws Exception {
    String name = "offset-and-date-" + UUID.randomUUID();
    String old = createAes(version, name(name));
    for (Tag tag :
        List.of(
            Tag.ACTIVATION_DATE,
            Tag.PROCESS_START_DATE,
            Tag.PROTECT_STOP_DATE,
            Tag.DEACTIVATION_DATE)) {
      ResponseBatchItem answer =
          call(
              admin,
              version,
              Operation.RE_KEY,
              new ReKey.Request(
                      old,
                      60L,
                      Attributes.of(dateAttribute(tag, Instant.now().plus(Duration.ofDays(1)))),
                      List.of())
                  .encode(version));
      assertRefused(answer, ResultReason.INVALID_MESSAGE, tag.xmlName());
    }
    assertUntouched(version, old, name);
  }

  @ParameterizedTest
  @MethodSource("reKeyVersions")
  void anOffsetForAKeyWithDatesButNoActivationDateIsRefused(ProtocolVersion version)
      throws Exception {
    String name = "no-activation-" + UUID.randomUUID();
    String old =
        createAes(
            version,
            name(name),
            dateAttribute(Tag.DEACTIVATION_DATE, Instant.now().plus(Duration.ofDays(30))));

    ResponseBatchItem answer =
        call(
            admin,
            version,
            Operation.RE_KEY,
            new ReKey.Request(old, 60L, null, List.of()).encode(version));

    assertRefused(
        answer,
        version.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.INVALID_FIELD
            : ResultReason.ILLEGAL_OPERATION,
        "no Activation Date");
    assertUntouched(version, old, name);
  }

  @ParameterizedTest
  @MethodSource("reKeyVersions")
  void anAttributeTheClientMayNotSetIsRefusedByTheVersionsTable(ProtocolVersion version)
      throws Exception {
    String name = "read-only-" + UUID.randomUUID();
    String old = createAes(version, name(name));
    Attribute digest =
        Attribute.of(
            TtlvStructure.of(
                Tag.DIGEST.code(),
                new TtlvEnumeration(Tag.HASHING_ALGORITHM.code(), 6),
                TtlvByteString.of(Tag.DIGEST_VALUE.code(), new byte[32])));

    ResponseBatchItem answer =
        call(
            admin,
            version,
            Operation.RE_KEY,
            new ReKey.Request(old, null, Attributes.of(digest), List.of()).encode(version));

    assertRefused(
        answer,
        version.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.ATTRIBUTE_READ_ONLY
            : ResultReason.PERMISSION_DENIED,
        "Digest");
    assertUntouched(version, old, name);
  }

  @ParameterizedTest
  @MethodSource("reKeyVersions")
  void aKeyThatCannotBeReKeyedIsRefusedWithTheSpecsReason(ProtocolVersion version)
      throws Exception {
    // Not a symmetric key: 2.x Invalid Object Type; 1.x "not able to be re-keyed", Permission
    // Denied (1.4 Table 331).
    CreateKeyPair.Response pair = createRsaPair(version, null, null, null);
    assertRefused(
        call(
            admin,
            version,
            Operation.RE_KEY,
            new ReKey.Request(pair.privateKeyUniqueIdentifier(), null, null, List.of())
                .encode(version)),
        v2(version) ? ResultReason.INVALID_OBJECT_TYPE : ResultReason.PERMISSION_DENIED,
        pair.privateKeyUniqueIdentifier());
    // Destroyed: its Key Value is not present (a reason from 1.2 on; before, not able to be
    // re-keyed).
    String destroyed = createAes(version);
    ok(admin, version, Operation.DESTROY, new Destroy.Request(destroyed).encode(version));
    assertRefused(
        call(
            admin,
            version,
            Operation.RE_KEY,
            new ReKey.Request(destroyed, null, null, List.of()).encode(version)),
        version.isAtLeast(ProtocolVersion.V1_2)
            ? ResultReason.KEY_VALUE_NOT_PRESENT
            : ResultReason.PERMISSION_DENIED,
        destroyed);
    assertThat(links(attributes(version, destroyed), LinkType.REPLACEMENT_OBJECT_LINK)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("reKeyVersions")
  void onlyTheOwnerOrAReKeyGranteeReKeysAndTheReplacementStaysTheOwners(ProtocolVersion version)
      throws Exception {
    String name = "shared-" + UUID.randomUUID();
    String old = createAes(version, name(name));
    TtlvStructure request = new ReKey.Request(old, null, null, List.of()).encode(version);

    // No right at all: the key does not exist for user1.
    assertRefused(
        call(user1, version, Operation.RE_KEY, request),
        v2(version) ? ResultReason.OBJECT_NOT_FOUND : ResultReason.ITEM_NOT_FOUND,
        old);
    grant(old, Operation.GET);
    assertRefused(
        call(user1, version, Operation.RE_KEY, request), ResultReason.PERMISSION_DENIED, old);
    assertUntouched(version, old, name);

    grant(old, Operation.RE_KEY);
    String fresh =
        ReKey.Response.decode(ok(user1, version, Operation.RE_KEY, request), version)
            .uniqueIdentifier();

    // The replacement is the owner's, named as the old key was, and user1 keeps the rights it
    // held on the old key (Get, Re-key), and no other.
    assertThat(names(attributes(version, fresh))).containsExactly(name);
    assertThat(call(user1, version, Operation.GET, Get.Request.of(fresh).encode(version)))
        .extracting(ResponseBatchItem::resultStatus)
        .isEqualTo(ResultStatus.SUCCESS);
    TtlvStructure destroy = new Destroy.Request(fresh).encode(version);
    assertRefused(
        call(user1, version, Operation.DESTROY, destroy), ResultReason.PERMISSION_DENIED, fresh);
  }

  @ParameterizedTest
  @MethodSource("reKeyKeyPairVersions")
  void theReplacementPairTakesOverTheNamesAndIsLinkedEveryWay(ProtocolVersion version)
      throws Exception {
    String name = "pair-" + UUID.randomUUID();
    Instant activation = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Instant deactivation = activation.plus(Duration.ofDays(30));
    CreateKeyPair.Response old =
        createRsaPair(
            version,
            Attributes.of(
                dateAttribute(Tag.ACTIVATION_DATE, activation),
                dateAttribute(Tag.DEACTIVATION_DATE, deactivation),
                usageLimits(50, 10)),
            Attributes.of(name(name + "-private")),
            Attributes.of(name(name + "-public")));

    ReKeyKeyPair.Response fresh =
        ReKeyKeyPair.Response.decode(
            ok(
                admin,
                version,
                Operation.RE_KEY_KEY_PAIR,
                new ReKeyKeyPair.Request(
                        old.privateKeyUniqueIdentifier(),
                        7200L,
                        null,
                        null,
                        null,
                        CreateKeyPair.KeyPairMasks.NONE)
                    .encode(version)),
            version);

    String oldPrivate = old.privateKeyUniqueIdentifier();
    String oldPublic = old.publicKeyUniqueIdentifier();
    String newPrivate = fresh.privateKeyUniqueIdentifier();
    String newPublic = fresh.publicKeyUniqueIdentifier();
    Attributes privateKey = attributes(version, newPrivate);
    Attributes publicKey = attributes(version, newPublic);
    assertThat(links(privateKey, LinkType.PUBLIC_KEY_LINK)).containsExactly(newPublic);
    assertThat(links(publicKey, LinkType.PRIVATE_KEY_LINK)).containsExactly(newPrivate);
    assertThat(links(privateKey, LinkType.REPLACED_OBJECT_LINK)).containsExactly(oldPrivate);
    assertThat(links(publicKey, LinkType.REPLACED_OBJECT_LINK)).containsExactly(oldPublic);
    Attributes oldPrivateKey = attributes(version, oldPrivate);
    Attributes oldPublicKey = attributes(version, oldPublic);
    assertThat(links(oldPrivateKey, LinkType.REPLACEMENT_OBJECT_LINK)).containsExactly(newPrivate);
    assertThat(links(oldPublicKey, LinkType.REPLACEMENT_OBJECT_LINK)).containsExactly(newPublic);
    assertThat(names(privateKey)).containsExactly(name + "-private");
    assertThat(names(publicKey)).containsExactly(name + "-public");
    assertThat(names(oldPrivateKey)).isEmpty();
    assertThat(names(oldPublicKey)).isEmpty();
    for (Attributes half : List.of(privateKey, publicKey)) {
      Instant newActivation = date(half, Tag.INITIAL_DATE).plusSeconds(7200);
      assertThat(date(half, Tag.ACTIVATION_DATE)).isEqualTo(newActivation);
      assertThat(date(half, Tag.DEACTIVATION_DATE))
          .isEqualTo(deactivation.plus(Duration.between(activation, newActivation)));
      assertThat(state(half)).isEqualTo(State.PRE_ACTIVE);
      TtlvStructure limits = structure(half, Tag.USAGE_LIMITS);
      assertThat(limits.first(Tag.USAGE_LIMITS_COUNT.code()))
          .isEqualTo(new TtlvLongInteger(Tag.USAGE_LIMITS_COUNT.code(), 50));
    }
  }

  @ParameterizedTest
  @MethodSource("reKeyKeyPairVersions")
  void reKeyKeyPairRefusesWhatTheSpecRefuses(ProtocolVersion version) throws Exception {
    String name = "pair-refused-" + UUID.randomUUID();
    CreateKeyPair.Response old = createRsaPair(version, null, Attributes.of(name(name)), null);
    // An Offset beside an Activation Date: Invalid Message (1.4 Table 332, 2.1 §6.1.47.1).
    ResponseBatchItem answer =
        call(
            admin,
            version,
            Operation.RE_KEY_KEY_PAIR,
            new ReKeyKeyPair.Request(
                    old.privateKeyUniqueIdentifier(),
                    60L,
                    Attributes.of(
                        dateAttribute(Tag.ACTIVATION_DATE, Instant.now().plusSeconds(86_400))),
                    null,
                    null,
                    CreateKeyPair.KeyPairMasks.NONE)
                .encode(version));
    assertRefused(answer, ResultReason.INVALID_MESSAGE, "Activation");
    assertUntouched(version, old.privateKeyUniqueIdentifier(), name);
    // A public key, or a symmetric key, is not the private key of a pair.
    for (String wrong : List.of(old.publicKeyUniqueIdentifier(), createAes(version))) {
      assertRefused(
          call(
              admin,
              version,
              Operation.RE_KEY_KEY_PAIR,
              new ReKeyKeyPair.Request(
                      wrong, null, null, null, null, CreateKeyPair.KeyPairMasks.NONE)
                  .encode(version)),
          v2(version) ? ResultReason.INVALID_OBJECT_TYPE : ResultReason.PERMISSION_DENIED,
          wrong);
    }
  }

  private static boolean v2(ProtocolVersion version) {
    return version.isAtLeast(ProtocolVersion.V2_0);
  }

  private void assertUntouched(ProtocolVersion version, String uid, String name)
      throws IOException {
    Attributes now = attributes(version, uid);
    assertThat(names(now)).as("the old key keeps its Name").containsExactly(name);
    assertThat(links(now, LinkType.REPLACEMENT_OBJECT_LINK)).as("no replacement").isEmpty();
  }

  private static void assertRefused(ResponseBatchItem answer, ResultReason reason, String says) {
    assertThat(answer.resultStatus()).as(answer.resultMessage()).isNotEqualTo(ResultStatus.SUCCESS);
    assertThat(ResultReason.byValue(Objects.requireNonNull(answer.resultReason())))
        .as(answer.resultMessage())
        .isEqualTo(reason);
    assertThat(answer.resultMessage()).contains(says);
    assertThat(answer.responsePayload()).isNull();
  }

  private void grant(String uid, Operation operation) throws IOException {
    ok(
        admin,
        ProtocolVersion.V2_1,
        Operation.GRANT_ACCESS,
        new GrantAccess.Request(new AccessGrant("user1", uid, Set.of(operation)))
            .encode(ProtocolVersion.V2_1));
  }

  private String reKey(
      ProtocolVersion version, String uid, @Nullable Long offset, @Nullable Attributes given)
      throws IOException {
    return ReKey.Response.decode(
            ok(
                admin,
                version,
                Operation.RE_KEY,
                new ReKey.Request(uid, offset, given, List.of()).encode(version)),
            version)
        .uniqueIdentifier();
  }

  private String createAes(ProtocolVersion version, Attribute... more) throws IOException {
    List<Attribute> items = keyOf(CryptographicAlgorithm.AES, 128);
    items.addAll(List.of(more));
    return Create.Response.decode(
            ok(
                admin,
                version,
                Operation.CREATE,
                Create.Request.of(
                        ObjectType.SYMMETRIC_KEY.value(), new Attributes(items, List.of()))
                    .encode(version)),
            version)
        .uniqueIdentifier();
  }

  private CreateKeyPair.Response createRsaPair(
      ProtocolVersion version,
      @Nullable Attributes common,
      @Nullable Attributes privateKey,
      @Nullable Attributes publicKey)
      throws IOException {
    List<Attribute> items = keyOf(CryptographicAlgorithm.RSA, 2048);
    if (common != null) {
      items.addAll(common.items());
    }
    return CreateKeyPair.Response.decode(
        ok(
            admin,
            version,
            Operation.CREATE_KEY_PAIR,
            new CreateKeyPair.Request(
                    new Attributes(items, List.of()),
                    privateKey,
                    publicKey,
                    CreateKeyPair.KeyPairMasks.NONE)
                .encode(version)),
        version);
  }

  private Attributes attributes(ProtocolVersion version, String uid) throws IOException {
    return GetAttributes.Response.decode(
            ok(
                admin,
                version,
                Operation.GET_ATTRIBUTES,
                new GetAttributes.Request(uid, List.of()).encode(version)),
            version)
        .attributes();
  }

  private TtlvStructure ok(
      SSLContext who, ProtocolVersion version, Operation operation, TtlvStructure payload)
      throws IOException {
    ResponseBatchItem answer = call(who, version, operation, payload);
    assertThat(answer.resultStatus())
        .as("%s: %s", operation, answer.resultMessage())
        .isEqualTo(ResultStatus.SUCCESS);
    return Objects.requireNonNull(answer.responsePayload());
  }

  private ResponseBatchItem call(
      SSLContext who, ProtocolVersion version, Operation operation, TtlvStructure payload)
      throws IOException {
    try (SSLSocket socket = TestClients.connect(who, server.port())) {
      return TestClients.exchange(
              socket,
              new RequestMessage(
                  RequestHeader.of(version),
                  List.of(RequestBatchItem.of(operation.value(), payload))))
          .batchItems()
          .get(0);
    }
  }
}
