package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.DerivationMethod;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.RevocationReasonCode;
import io.arca.kmip.Tag;
import io.arca.kmip.UsageLimitsUnit;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.AccessGrant;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.AddAttribute;
import io.arca.kmip.payload.Archive;
import io.arca.kmip.payload.Check;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.DeleteAttribute;
import io.arca.kmip.payload.DeriveKey;
import io.arca.kmip.payload.Destroy;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.Export;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GetAttributeList;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.GetUsageAllocation;
import io.arca.kmip.payload.GrantAccess;
import io.arca.kmip.payload.Import;
import io.arca.kmip.payload.ListAccess;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.payload.Mac;
import io.arca.kmip.payload.ModifyAttribute;
import io.arca.kmip.payload.ObtainLease;
import io.arca.kmip.payload.ReKey;
import io.arca.kmip.payload.ReKeyKeyPair;
import io.arca.kmip.payload.Recover;
import io.arca.kmip.payload.Revoke;
import io.arca.kmip.payload.RevokeAccess;
import io.arca.kmip.payload.SetAttribute;
import io.arca.kmip.payload.Sign;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.persistence.JdbcGrantRepository;
import io.arca.server.ServerHandlers;
import io.arca.server.access.AccessPolicy;
import io.arca.server.access.DatabaseGrantStore;
import io.arca.server.audit.AuditLog;
import io.arca.server.batch.BatchProcessor;
import io.arca.server.batch.OperationRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may do what, through the real batch processor and every registered handler over a real SQLite
 * store: the owner (alice), a grantee (bob), a user holding another right (carol), a stranger
 * (dave) and everyone through a {@code *} grant, for every operation that acts on an existing
 * object. Grants are cached for an hour here, so a revocation that takes effect at once proves the
 * cache is emptied, not expired.
 */
class AuthorizationMatrixTest {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;
  private static final ByteString DATA =
      ByteString.copyOf("attack at dawn".getBytes(StandardCharsets.UTF_8));

  /** No existing object, or a CA to set up first (Certify): each is tested on its own. */
  private static final Set<Operation> NOT_ON_AN_OBJECT =
      EnumSet.of(
          Operation.DISCOVER_VERSIONS,
          Operation.QUERY,
          Operation.LOG,
          Operation.PING,
          Operation.RNG_RETRIEVE,
          Operation.RNG_SEED,
          Operation.HASH,
          Operation.INTEROP,
          Operation.LOCATE,
          Operation.CREATE,
          Operation.CREATE_KEY_PAIR,
          Operation.REGISTER,
          Operation.GRANT_ACCESS,
          Operation.REVOKE_ACCESS,
          Operation.LIST_ACCESS,
          Operation.POLL,
          Operation.CANCEL,
          Operation.SET_ENDPOINT_ROLE,
          Operation.SET_DEFAULTS,
          Operation.SET_CONSTRAINTS,
          Operation.GET_CONSTRAINTS,
          Operation.CERTIFY,
          Operation.RE_CERTIFY,
          Operation.VALIDATE);

  @TempDir Path dir;
  private HandlerFixture fixture;
  private OperationRegistry registry;
  private BatchProcessor batches;
  private AccessPolicy policy;
  private final Map<Operation, Function<String, TtlvStructure>> requests =
      new EnumMap<>(Operation.class);
  private final CryptoMatrixRows rows = new CryptoMatrixRows(this::batchOf, DATA);
  private final SplitAndAdjustMatrixRows splits = new SplitAndAdjustMatrixRows(this::batchOf);

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    registry = ServerHandlers.registry(HandlerFixture.serverConfig(), fixture.store());
    usePolicy(Set.of());
    requests.put(Operation.GET, uid -> new Get.Request(uid, null, null, null, null).encode(V));
    requests.put(
        Operation.EXPORT, uid -> new Export.Request(uid, null, null, null, null).encode(V));
    requests.put(
        Operation.GET_ATTRIBUTES, uid -> new GetAttributes.Request(uid, List.of()).encode(V));
    requests.put(Operation.GET_ATTRIBUTE_LIST, uid -> new GetAttributeList.Request(uid).encode(V));
    requests.put(
        Operation.ADD_ATTRIBUTE,
        uid -> new AddAttribute.Request(uid, AttributeTestBase.name("added-" + uid)).encode(V));
    requests.put(
        Operation.MODIFY_ATTRIBUTE,
        uid -> new ModifyAttribute.Request(uid, null, contact("changed")).encode(V));
    requests.put(
        Operation.DELETE_ATTRIBUTE,
        uid -> new DeleteAttribute.Request(uid, null, null, contact("first")).encode(V));
    requests.put(
        Operation.SET_ATTRIBUTE, uid -> new SetAttribute.Request(uid, contact("set")).encode(V));
    requests.put(Operation.ACTIVATE, uid -> new Activate.Request(uid).encode(V));
    requests.put(
        Operation.REVOKE,
        uid ->
            new Revoke.Request(
                    uid,
                    new Revoke.RevocationReason(RevocationReasonCode.UNSPECIFIED.value(), null),
                    null)
                .encode(V));
    requests.put(Operation.DESTROY, uid -> new Destroy.Request(uid).encode(V));
    requests.put(Operation.ARCHIVE, uid -> new Archive.Request(uid).encode(V));
    requests.put(Operation.RECOVER, uid -> new Recover.Request(uid).encode(V));
    requests.put(Operation.CHECK, uid -> new Check.Request(uid, null, null, null).encode(V));
    requests.put(Operation.RE_KEY, uid -> new ReKey.Request(uid, null, null, List.of()).encode(V));
    requests.put(
        Operation.RE_KEY_KEY_PAIR,
        uid ->
            new ReKeyKeyPair.Request(uid, null, null, null, null, CreateKeyPair.KeyPairMasks.NONE)
                .encode(V));
    requests.put(
        Operation.ENCRYPT,
        uid -> new Encrypt.Request(uid, null, DATA, null, null, null, null, null).encode(V));
    requests.put(Operation.DECRYPT, this::decryptRequest);
    requests.put(Operation.IMPORT, this::importRequest);
    requests.put(Operation.OBTAIN_LEASE, uid -> new ObtainLease.Request(uid).encode(V));
    requests.put(
        Operation.GET_USAGE_ALLOCATION, uid -> new GetUsageAllocation.Request(uid, 1L).encode(V));
    requests.put(
        Operation.SIGN, uid -> new Sign.Request(uid, null, DATA, null, null, null, null).encode(V));
    requests.put(Operation.SIGNATURE_VERIFY, uid -> rows.verifyRequest(uid, linkedPublicKey(uid)));
    requests.put(
        Operation.MAC, uid -> new Mac.Request(uid, null, DATA, null, null, null).encode(V));
    requests.put(Operation.MAC_VERIFY, rows::macVerifyRequest);
    requests.put(
        Operation.DERIVE_KEY,
        uid ->
            new DeriveKey.Request(
                    ObjectType.SYMMETRIC_KEY.value(),
                    List.of(uid),
                    DerivationMethod.HMAC.value(),
                    new DeriveKey.Parameters(null, null, List.of(DATA), null, null),
                    Attributes.of(
                        Attribute.of(
                            new TtlvEnumeration(
                                Tag.CRYPTOGRAPHIC_ALGORITHM.code(),
                                CryptographicAlgorithm.AES.value())),
                        Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256))))
                .encode(V));
    splits.addRows(requests, this::linkedPublicKey);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void everyRegisteredOperationHasARowInTheMatrix() {
    Set<Operation> onObjects = EnumSet.copyOf(registry.operations());
    onObjects.removeAll(NOT_ON_AN_OBJECT);
    assertThat(requests.keySet())
        .as("an operation registered without a row here: add one, with its request")
        .isEqualTo(onObjects);
  }

  @Test
  void ownerGranteeHolderOfAnotherRightStrangerAndStarGrant() {
    for (Operation operation : requests.keySet()) {
      String what = operation.xmlName();
      // The owner, and the grantee of exactly this operation: allowed.
      assertSuccess(call("alice", operation, target(operation)), what + " by the owner");
      String granted = target(operation);
      grantAll("bob", operation, granted);
      assertSuccess(call("bob", operation, granted), what + " by its grantee");

      // A user holding another right on the object: Permission Denied; a stranger: not found.
      String other = target(operation);
      Operation otherRight =
          operation == Operation.GET_ATTRIBUTE_LIST
              ? Operation.CHECK
              : Operation.GET_ATTRIBUTE_LIST;
      grantAll("carol", otherRight, other);
      assertFailure(
          call("carol", operation, other), ResultReason.PERMISSION_DENIED, what + " by carol");
      // Import names its own identifier: that it is taken is all a stranger learns.
      assertFailure(
          call("dave", operation, other),
          operation == Operation.IMPORT
              ? ResultReason.OBJECT_ALREADY_EXISTS
              : ResultReason.OBJECT_NOT_FOUND,
          what + " by a stranger");

      // Everyone, through a * grant.
      String everyone = target(operation);
      grantAll(AccessGrant.EVERY_USER, operation, everyone);
      assertSuccess(call("dave", operation, everyone), what + " through a * grant");
    }
  }

  @Test
  void revokingTakesEffectOnTheNextRequest() {
    String key = aesKey("alice", true);
    grant("bob", key, Operation.GET, Operation.ENCRYPT);
    assertSuccess(call("bob", Operation.GET, key), "Get while granted");
    TtlvStructure revoke =
        new RevokeAccess.Request(new AccessGrant("bob", key, Set.of(Operation.GET))).encode(V);
    assertSuccess(batchOf("alice", Operation.REVOKE_ACCESS, revoke), "revoke");
    assertFailure(call("bob", Operation.GET, key), ResultReason.PERMISSION_DENIED, "Get revoked");
    assertSuccess(call("bob", Operation.ENCRYPT, key), "Encrypt still granted");
    TtlvStructure revokeRest =
        new RevokeAccess.Request(new AccessGrant("bob", key, Set.of(Operation.ENCRYPT))).encode(V);
    assertSuccess(batchOf("alice", Operation.REVOKE_ACCESS, revokeRest), "revoke the rest");
    assertFailure(call("bob", Operation.ENCRYPT, key), ResultReason.OBJECT_NOT_FOUND, "no right");
  }

  @Test
  void getImpliesExportAndNothingElse() {
    String key = aesKey("alice", true);
    grant("bob", key, Operation.GET);
    assertSuccess(call("bob", Operation.EXPORT, key), "Export with Get");
    assertFailure(call("bob", Operation.ENCRYPT, key), ResultReason.PERMISSION_DENIED, "Encrypt");
    String other = aesKey("alice", true);
    grant("bob", other, Operation.EXPORT);
    assertFailure(call("bob", Operation.GET, other), ResultReason.PERMISSION_DENIED, "Get");
  }

  @Test
  void aStrangerSpeaking14GetsItemNotFound() {
    String key = aesKey("alice", true);
    TtlvStructure get = new Get.Request(key, null, null, null, null).encode(ProtocolVersion.V1_4);
    ResponseBatchItem answer = batchOf("dave", Operation.GET, get, ProtocolVersion.V1_4);
    assertFailure(answer, ResultReason.ITEM_NOT_FOUND, "1.4 Get by a stranger");
  }

  @Test
  void locateFindsOnlyOwnedObjectsAndThoseGrantedLocate() {
    String shown = aesKey("alice", true);
    String hidden = aesKey("alice", true);
    grant("bob", hidden, Operation.GET); // a right, but not Locate
    assertThat(locate("bob")).isEmpty();
    grant("bob", shown, Operation.LOCATE);
    assertThat(locate("bob")).containsExactly(shown);
    assertThat(locate("alice")).containsExactlyInAnyOrder(shown, hidden);
    assertThat(locate("dave")).isEmpty();
  }

  @Test
  void privilegedUsersGrantTheRightToCreate() {
    usePolicy(Set.of("alice"));
    assertSuccess(create("alice"), "a privileged user creates");
    assertFailure(create("bob"), ResultReason.PERMISSION_DENIED, "bob may not create yet");
    TtlvStructure byBob =
        new GrantAccess.Request(new AccessGrant("carol", null, Set.of(Operation.CREATE))).encode(V);
    assertFailure(
        batchOf("bob", Operation.GRANT_ACCESS, byBob),
        ResultReason.PERMISSION_DENIED,
        "an unprivileged user grants Create");
    TtlvStructure byAlice =
        new GrantAccess.Request(new AccessGrant("bob", null, Set.of(Operation.CREATE))).encode(V);
    assertSuccess(batchOf("alice", Operation.GRANT_ACCESS, byAlice), "alice grants bob Create");
    assertSuccess(create("bob"), "bob creates once granted");
    assertFailure(create("carol"), ResultReason.PERMISSION_DENIED, "carol still may not");
    assertFailure(
        batchOf("bob", Operation.CREATE_KEY_PAIR, ecPairRequest()),
        ResultReason.PERMISSION_DENIED,
        "Create does not imply Create Key Pair");
  }

  @Test
  void everyUserCreatesWhenNoPrivilegedUsersAreConfigured() {
    assertSuccess(create("dave"), "dave creates");
  }

  @Test
  void onlyTheOwnerManagesGrants() {
    String key = aesKey("alice", true);
    grant("bob", key, Operation.GET);
    TtlvStructure grantCarol =
        new GrantAccess.Request(new AccessGrant("carol", key, Set.of(Operation.GET))).encode(V);
    assertFailure(
        batchOf("bob", Operation.GRANT_ACCESS, grantCarol),
        ResultReason.PERMISSION_DENIED,
        "a grantee grants");
    assertFailure(
        batchOf("dave", Operation.GRANT_ACCESS, grantCarol),
        ResultReason.OBJECT_NOT_FOUND,
        "a stranger grants");
    TtlvStructure list = new ListAccess.Request(key).encode(V);
    assertFailure(
        batchOf("bob", Operation.LIST_ACCESS, list),
        ResultReason.PERMISSION_DENIED,
        "a grantee lists");
    ListAccess.Response byOwner =
        ListAccess.Response.decode(
            Objects.requireNonNull(batchOf("alice", Operation.LIST_ACCESS, list).responsePayload()),
            V);
    assertThat(byOwner.owner()).isEqualTo("alice");
    assertThat(byOwner.grants())
        .containsExactly(new AccessGrant("bob", key, Set.of(Operation.GET)));
    ListAccess.Response mine =
        ListAccess.Response.decode(
            Objects.requireNonNull(
                batchOf("bob", Operation.LIST_ACCESS, new ListAccess.Request(null).encode(V))
                    .responsePayload()),
            V);
    assertThat(mine.grants()).containsExactly(new AccessGrant("bob", key, Set.of(Operation.GET)));
    assertThat(mine.ownedObjects()).isEmpty();
  }

  @Test
  void managementOperationsCannotBeGrantedOnObjects() {
    String key = aesKey("alice", true);
    TtlvStructure request =
        new GrantAccess.Request(new AccessGrant("bob", key, Set.of(Operation.GRANT_ACCESS)))
            .encode(V);
    assertFailure(
        batchOf("alice", Operation.GRANT_ACCESS, request),
        ResultReason.INVALID_FIELD,
        "Grant Access on an object");
  }

  @Test
  void granteesNoCertificateCanNameAreRefused() {
    String key = aesKey("alice", true);
    for (String grantee : List.of("bob ", " bob", "bob\t", "b*b", "bo\u200bb", "rene\u0301")) {
      TtlvStructure request =
          new GrantAccess.Request(new AccessGrant(grantee, key, Set.of(Operation.GET))).encode(V);
      assertFailure(
          batchOf("alice", Operation.GRANT_ACCESS, request),
          ResultReason.INVALID_FIELD,
          "Grant Access to [" + grantee + "]");
    }
    TtlvStructure everyone =
        new GrantAccess.Request(new AccessGrant("*", key, Set.of(Operation.GET))).encode(V);
    assertSuccess(batchOf("alice", Operation.GRANT_ACCESS, everyone), "Grant Access to *");
  }

  /** A fresh object on which alice's request for {@code operation} succeeds. */
  private String target(Operation operation) {
    return switch (operation) {
      case ACTIVATE, DESTROY -> aesKey("alice", false);
      case RE_KEY_KEY_PAIR -> ecPrivateKey("alice");
      case SIGN -> rows.signingPair(true);
      case SIGNATURE_VERIFY -> rows.signingPair(false);
      case MAC, MAC_VERIFY ->
          aesKey(
              "alice",
              true,
              CryptographicUsageMask.MAC_GENERATE.value()
                  | CryptographicUsageMask.MAC_VERIFY.value());
      case DERIVE_KEY -> rows.hmacKey();
      case RECOVER -> archivedKey();
      case JOIN_SPLIT_KEY -> splits.splitPart();
      case GET_USAGE_ALLOCATION ->
          aesKey(
              "alice",
              true,
              DEFAULT_MASK,
              Attribute.of(
                  TtlvStructure.of(
                      Tag.USAGE_LIMITS.code(),
                      new TtlvLongInteger(Tag.USAGE_LIMITS_TOTAL.code(), 100),
                      new TtlvEnumeration(
                          Tag.USAGE_LIMITS_UNIT.code(), UsageLimitsUnit.OBJECT.value()))));
      default -> aesKey("alice", true);
    };
  }

  private void grantAll(String user, Operation operation, String uid) {
    grant(user, uid, operation);
    if (operation == Operation.RE_KEY_KEY_PAIR || operation == Operation.JOIN_SPLIT_KEY) {
      // Re-key Key Pair acts on the private key and its public key alike, Join Split Key on both
      // parts of a split (the first's only link names the second).
      String publicKey = linkedPublicKey(uid);
      grant(user, publicKey, operation);
    }
  }

  // Not Export (0x40): 2.x reserves that bit, and a 2.1 request may not set it.
  private static final int DEFAULT_MASK =
      CryptographicUsageMask.ENCRYPT.value() | CryptographicUsageMask.DECRYPT.value();

  /** An active key of alice's that she archived, for Recover to act on. */
  private String archivedKey() {
    String uid = aesKey("alice", true);
    assertSuccess(
        batchOf("alice", Operation.ARCHIVE, new Archive.Request(uid).encode(V)), "archive");
    return uid;
  }

  private String aesKey(String owner, boolean active) {
    return aesKey(owner, active, DEFAULT_MASK);
  }

  private String aesKey(String owner, boolean active, int usageMask, Attribute... more) {
    List<Attribute> items = new ArrayList<>();
    items.add(
        Attribute.of(
            new TtlvEnumeration(
                Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())));
    items.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)));
    items.add(CryptoMatrixRows.mask(usageMask));
    items.add(contact("first"));
    items.addAll(List.of(more));
    Attributes attributes = new Attributes(items, List.of());
    ResponseBatchItem created =
        batchOf(
            owner,
            Operation.CREATE,
            Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(V));
    assertSuccess(created, "create");
    String uid =
        Create.Response.decode(Objects.requireNonNull(created.responsePayload()), V)
            .uniqueIdentifier();
    if (active) {
      assertSuccess(
          batchOf(owner, Operation.ACTIVATE, new Activate.Request(uid).encode(V)), "activate");
    }
    return uid;
  }

  private String ecPrivateKey(String owner) {
    ResponseBatchItem created = batchOf(owner, Operation.CREATE_KEY_PAIR, ecPairRequest());
    assertSuccess(created, "create key pair");
    return CreateKeyPair.Response.decode(Objects.requireNonNull(created.responsePayload()), V)
        .privateKeyUniqueIdentifier();
  }

  private static TtlvStructure ecPairRequest() {
    return new CreateKeyPair.Request(
            Attributes.of(
                KeyPairHandlersTest.algorithm(CryptographicAlgorithm.EC),
                KeyPairHandlersTest.curve(RecommendedCurve.P_256)),
            null,
            null,
            CreateKeyPair.KeyPairMasks.NONE)
        .encode(V);
  }

  private String linkedPublicKey(String privateUid) {
    return fixture.store().find(privateUid).orElseThrow().attributes().all(Tag.LINK.code()).stream()
        .map(link -> (TtlvStructure) link.value())
        .map(link -> ((TtlvTextString) link.items().get(1)).value())
        .findFirst()
        .orElseThrow();
  }

  private TtlvStructure decryptRequest(String uid) {
    ResponseBatchItem sealed =
        batchOf(
            "alice",
            Operation.ENCRYPT,
            new Encrypt.Request(uid, null, DATA, null, null, null, null, null).encode(V));
    Encrypt.Response e =
        Encrypt.Response.decode(Objects.requireNonNull(sealed.responsePayload()), V);
    return new Decrypt.Request(
            uid, null, e.data(), e.ivCounterNonce(), null, null, null, null, e.tag())
        .encode(V);
  }

  private TtlvStructure importRequest(String uid) {
    ResponseBatchItem exported =
        batchOf(
            "alice", Operation.EXPORT, new Export.Request(uid, null, null, null, null).encode(V));
    Export.Response e =
        Export.Response.decode(Objects.requireNonNull(exported.responsePayload()), V);
    return new Import.Request(uid, e.objectType(), true, null, Attributes.EMPTY, e.object())
        .encode(V);
  }

  private List<String> locate(String user) {
    ResponseBatchItem answer =
        batchOf(
            user,
            Operation.LOCATE,
            new Locate.Request(null, null, null, null, Attributes.EMPTY).encode(V));
    assertSuccess(answer, "locate");
    return Locate.Response.decode(Objects.requireNonNull(answer.responsePayload()), V)
        .uniqueIdentifiers();
  }

  private ResponseBatchItem create(String user) {
    Attributes attributes =
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 128)));
    return batchOf(
        user,
        Operation.CREATE,
        Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(V));
  }

  private static Attribute contact(String value) {
    return Attribute.of(new TtlvTextString(Tag.CONTACT_INFORMATION.code(), value));
  }

  private void usePolicy(Set<String> privileged) {
    policy =
        new AccessPolicy(
            new DatabaseGrantStore(new JdbcGrantRepository(fixture.database())),
            privileged,
            null,
            Duration.ofHours(1));
    batches =
        new BatchProcessor(
            registry, Clock.fixed(HandlerFixture.NOW, ZoneOffset.UTC), policy, AuditLog.NONE);
  }

  private void grant(String user, String uid, Operation... operations) {
    policy.grant(new AccessGrant(user, uid, Set.of(operations)));
  }

  private ResponseBatchItem call(String user, Operation operation, String uid) {
    return batchOf(user, operation, Objects.requireNonNull(requests.get(operation)).apply(uid));
  }

  private ResponseBatchItem batchOf(String user, Operation operation, TtlvStructure payload) {
    return batchOf(user, operation, payload, V);
  }

  private ResponseBatchItem batchOf(
      String user, Operation operation, TtlvStructure payload, ProtocolVersion version) {
    RequestMessage request =
        new RequestMessage(
            RequestHeader.of(version),
            List.of(new RequestBatchItem(operation.value(), null, null, payload, List.of())));
    return batches.process(request, user).batchItems().get(0);
  }

  private static void assertSuccess(ResponseBatchItem answer, String what) {
    assertThat(answer.resultStatus())
        .as("%s: %s", what, answer.resultMessage())
        .isEqualTo(ResultStatus.SUCCESS);
  }

  private static void assertFailure(ResponseBatchItem answer, ResultReason reason, String what) {
    assertThat(answer.resultStatus()).as("%s", what).isEqualTo(ResultStatus.OPERATION_FAILED);
    assertThat(answer.resultReason())
        .as("%s: %s", what, answer.resultMessage())
        .isEqualTo(reason.value());
  }
}
