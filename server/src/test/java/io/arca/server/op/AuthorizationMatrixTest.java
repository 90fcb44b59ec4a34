package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.LinkType;
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
import io.arca.kmip.payload.AccessGrant;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GrantAccess;
import io.arca.kmip.payload.ListAccess;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.payload.RevokeAccess;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.persistence.JdbcGrantRepository;
import io.arca.server.ServerHandlers;
import io.arca.server.access.AccessPolicy;
import io.arca.server.access.DatabaseGrantStore;
import io.arca.server.audit.AuditLog;
import io.arca.server.batch.BatchProcessor;
import io.arca.server.batch.OperationRegistry;
import io.arca.server.batch.PayloadCodec;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
  private static final ProtocolVersion V = AuthorizationMatrixRows.V;

  /**
   * Operations that act on no existing object, each tested on its own: who may create, grant or ask
   * the server about itself is a matter of configuration, not of grants on an object. The last nine
   * are served only with settings this server lacks (credential checks, an HSM, server
   * administrators) and are refused to all but their administrators.
   */
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
          Operation.LOGIN,
          Operation.LOGOUT,
          Operation.DELEGATED_LOGIN,
          Operation.PKCS_11,
          Operation.ROTATE_KEK,
          Operation.KEK_STATUS,
          Operation.DENY_CERTIFICATE,
          Operation.ALLOW_CERTIFICATE,
          Operation.RELOAD);

  @TempDir Path dir;
  private HandlerFixture fixture;
  private OperationRegistry registry;
  private BatchProcessor batches;
  private AccessPolicy policy;
  private AuthorizationMatrixRows rows;

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    registry = ServerHandlers.registry(HandlerFixture.serverConfig(), fixture.store());
    usePolicy(Set.of());
    rows = new AuthorizationMatrixRows(this::batchOf, fixture.store());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void everyRegisteredOperationHasARowInTheMatrix() {
    Set<Operation> onObjects = EnumSet.copyOf(registry.operations());
    onObjects.removeAll(NOT_ON_AN_OBJECT);
    assertThat(rows.operations())
        .as("an operation registered without a row here: add one, with its request")
        .isEqualTo(onObjects);
  }

  /**
   * Every operation Arca has a payload codec for, whatever the settings serve: a row of the matrix,
   * or named above as acting on no object. A new operation fails here until it is one or the other.
   */
  @Test
  void everyOperationArcaCanServeHasARowOrActsOnNoObject() throws Exception {
    Set<Operation> servable = EnumSet.noneOf(Operation.class);
    for (Field field : PayloadCodecs.class.getFields()) {
      if (!Modifier.isStatic(field.getModifiers()) || field.getType() != PayloadCodec.class) {
        continue;
      }
      if (field.getName().equals("DENY_LIST_CHANGE")) {
        // The one codec two operations share.
        servable.add(Operation.DENY_CERTIFICATE);
        servable.add(Operation.ALLOW_CERTIFICATE);
      } else {
        servable.add(Operation.valueOf(field.getName()));
      }
    }
    assertThat(servable).as("the codecs found").hasSizeGreaterThan(NOT_ON_AN_OBJECT.size());
    Set<Operation> covered = EnumSet.copyOf(rows.operations());
    covered.addAll(NOT_ON_AN_OBJECT);
    assertThat(servable)
        .as("an operation without a row here: add one, with its request")
        .isSubsetOf(covered);
    assertThat(rows.operations()).doesNotContainAnyElementsOf(NOT_ON_AN_OBJECT);
    assertThat(NOT_ON_AN_OBJECT).as("named but never served").isSubsetOf(servable);
  }

  @Test
  void ownerGranteeHolderOfAnotherRightStrangerAndStarGrant() {
    for (Operation operation : rows.operations()) {
      String what = operation.xmlName();
      // The owner, and the grantee of exactly this operation: allowed.
      assertSuccess(call("alice", operation, rows.target(operation)), what + " by the owner");
      String granted = rows.target(operation);
      grantAll("bob", operation, granted);
      assertSuccess(call("bob", operation, granted), what + " by its grantee");

      // A user holding another right on the object: Permission Denied; a stranger: not found.
      String other = rows.target(operation);
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
      String everyone = rows.target(operation);
      grantAll(AccessGrant.EVERY_USER, operation, everyone);
      assertSuccess(call("dave", operation, everyone), what + " through a * grant");
    }
  }

  /**
   * Re-certify and Validate refused at 1.4 and at 2.1 with that version's reasons: a stranger
   * learns nothing (Item Not Found before 2.0), a holder of another right is denied, and a grantee
   * of Re-certify on the certificate alone may not sign with its hidden key. No refusal stores a
   * certificate or replaces the old one; with the right on the key too, the same request succeeds.
   */
  @Test
  void certificateRefusalsGiveTheVersionsReasonAndStoreNothing() {
    CertificateMatrixRows certificates = rows.certificates();
    for (ProtocolVersion version : List.of(ProtocolVersion.V1_4, ProtocolVersion.V2_1)) {
      String what = " at " + version;
      ResultReason hidden =
          version.isAtLeast(ProtocolVersion.V2_0)
              ? ResultReason.OBJECT_NOT_FOUND
              : ResultReason.ITEM_NOT_FOUND;
      String certificate = certificates.certificate();
      grant("carol", certificate, Operation.GET_ATTRIBUTE_LIST);
      grant("erin", certificate, Operation.RE_CERTIFY);
      List<String> before = locate("alice");
      TtlvStructure reCertify = CertificateMatrixRows.reCertify(certificate, version);
      TtlvStructure validate = CertificateMatrixRows.validate(certificate, version);
      for (Operation operation : List.of(Operation.RE_CERTIFY, Operation.VALIDATE)) {
        TtlvStructure request = operation == Operation.RE_CERTIFY ? reCertify : validate;
        assertFailure(
            batchOf("dave", operation, request, version), hidden, operation + " by dave" + what);
        assertFailure(
            batchOf("carol", operation, request, version),
            ResultReason.PERMISSION_DENIED,
            operation + " by carol" + what);
      }
      ResponseBatchItem keyHidden = batchOf("erin", Operation.RE_CERTIFY, reCertify, version);
      assertFailure(keyHidden, hidden, "Re-certify without the key" + what);
      assertThat(keyHidden.resultMessage()).contains(certificates.signingKey(certificate));
      assertThat(locate("alice"))
          .as("nothing stored" + what)
          .containsExactlyInAnyOrderElementsOf(before);
      assertThat(
              fixture
                  .store()
                  .find(certificate)
                  .orElseThrow()
                  .linked(LinkType.REPLACEMENT_OBJECT_LINK))
          .as("not replaced" + what)
          .isNull();

      grant("erin", certificates.signingKey(certificate), Operation.RE_CERTIFY);
      assertSuccess(
          batchOf("erin", Operation.RE_CERTIFY, reCertify, version), "Re-certify granted" + what);
      assertThat(locate("alice")).as("one certificate more" + what).hasSize(before.size() + 1);
    }
  }

  @Test
  void revokingTakesEffectOnTheNextRequest() {
    String key = rows.aesKey("alice", true);
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
    String key = rows.aesKey("alice", true);
    grant("bob", key, Operation.GET);
    assertSuccess(call("bob", Operation.EXPORT, key), "Export with Get");
    assertFailure(call("bob", Operation.ENCRYPT, key), ResultReason.PERMISSION_DENIED, "Encrypt");
    String other = rows.aesKey("alice", true);
    grant("bob", other, Operation.EXPORT);
    assertFailure(call("bob", Operation.GET, other), ResultReason.PERMISSION_DENIED, "Get");
  }

  @Test
  void aStrangerSpeaking14GetsItemNotFound() {
    String key = rows.aesKey("alice", true);
    TtlvStructure get = new Get.Request(key, null, null, null, null).encode(ProtocolVersion.V1_4);
    ResponseBatchItem answer = batchOf("dave", Operation.GET, get, ProtocolVersion.V1_4);
    assertFailure(answer, ResultReason.ITEM_NOT_FOUND, "1.4 Get by a stranger");
  }

  @Test
  void locateFindsOnlyOwnedObjectsAndThoseGrantedLocate() {
    String shown = rows.aesKey("alice", true);
    String hidden = rows.aesKey("alice", true);
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
        batchOf("bob", Operation.CREATE_KEY_PAIR, AuthorizationMatrixRows.ecPairRequest()),
        ResultReason.PERMISSION_DENIED,
        "Create does not imply Create Key Pair");
  }

  @Test
  void everyUserCreatesWhenNoPrivilegedUsersAreConfigured() {
    assertSuccess(create("dave"), "dave creates");
  }

  @Test
  void onlyTheOwnerManagesGrants() {
    String key = rows.aesKey("alice", true);
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
    String key = rows.aesKey("alice", true);
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
    String key = rows.aesKey("alice", true);
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

  private void grantAll(String user, Operation operation, String uid) {
    grant(user, uid, operation);
    for (String needed : rows.alsoNeeded(operation, uid)) {
      grant(user, needed, operation);
    }
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
    return batchOf(user, operation, rows.request(operation, uid));
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
