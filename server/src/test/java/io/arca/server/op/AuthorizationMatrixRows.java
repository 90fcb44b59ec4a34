package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.DerivationMethod;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.RevocationReasonCode;
import io.arca.kmip.Tag;
import io.arca.kmip.UsageLimitsUnit;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.ResponseBatchItem;
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
import io.arca.kmip.payload.Import;
import io.arca.kmip.payload.Mac;
import io.arca.kmip.payload.ModifyAttribute;
import io.arca.kmip.payload.ObtainLease;
import io.arca.kmip.payload.ReKey;
import io.arca.kmip.payload.ReKeyKeyPair;
import io.arca.kmip.payload.Recover;
import io.arca.kmip.payload.Revoke;
import io.arca.kmip.payload.SetAttribute;
import io.arca.kmip.payload.Sign;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The rows of {@link AuthorizationMatrixTest}: for every operation that acts on an existing object,
 * the request alice's grantees send and a fresh object of alice's on which it succeeds, made
 * through the real batch processor. The signing, MAC, split and certificate rows live in their own
 * classes beside this one.
 */
final class AuthorizationMatrixRows {
  static final ProtocolVersion V = ProtocolVersion.V2_1;
  static final ByteString DATA =
      ByteString.copyOf("attack at dawn".getBytes(StandardCharsets.UTF_8));

  private final CryptoMatrixRows.Batch batch;
  private final ObjectStore store;
  private final CryptoMatrixRows crypto;
  private final SplitAndAdjustMatrixRows splits;
  private final CertificateMatrixRows certificates;
  private final Map<Operation, Function<String, TtlvStructure>> requests =
      new EnumMap<>(Operation.class);

  AuthorizationMatrixRows(CryptoMatrixRows.Batch batch, ObjectStore store) {
    this.batch = batch;
    this.store = store;
    this.crypto = new CryptoMatrixRows(batch, DATA);
    this.splits = new SplitAndAdjustMatrixRows(batch);
    this.certificates = new CertificateMatrixRows(batch, crypto, store);
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
    requests.put(
        Operation.SIGNATURE_VERIFY, uid -> crypto.verifyRequest(uid, linkedPublicKey(uid)));
    requests.put(
        Operation.MAC, uid -> new Mac.Request(uid, null, DATA, null, null, null).encode(V));
    requests.put(Operation.MAC_VERIFY, crypto::macVerifyRequest);
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
    certificates.addRows(requests, V);
  }

  /** The operations with a row. */
  Set<Operation> operations() {
    return requests.keySet();
  }

  /** The certificate rows' objects. */
  CertificateMatrixRows certificates() {
    return certificates;
  }

  /** The request for {@code operation} on {@code uid}. */
  TtlvStructure request(Operation operation, String uid) {
    return Objects.requireNonNull(requests.get(operation), operation.xmlName()).apply(uid);
  }

  /** A fresh object on which alice's request for {@code operation} succeeds. */
  String target(Operation operation) {
    return switch (operation) {
      case ACTIVATE, DESTROY -> aesKey("alice", false);
      case RE_KEY_KEY_PAIR -> ecPrivateKey("alice");
      case SIGN -> crypto.signingPair(true);
      case SIGNATURE_VERIFY -> crypto.signingPair(false);
      case MAC, MAC_VERIFY ->
          aesKey(
              "alice",
              true,
              CryptographicUsageMask.MAC_GENERATE.value()
                  | CryptographicUsageMask.MAC_VERIFY.value());
      case DERIVE_KEY -> crypto.hmacKey();
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
      case CERTIFY -> certificates.publicKey();
      case RE_CERTIFY, VALIDATE -> certificates.certificate();
      default -> aesKey("alice", true);
    };
  }

  /**
   * The objects besides {@code uid} that a grantee of {@code operation} on it needs the same right
   * on: Re-key Key Pair acts on the private key and its public key alike, Join Split Key on both
   * parts of a split (the first's only link names the second), and Certify and Re-certify sign with
   * the private key of the public key or certificate.
   */
  List<String> alsoNeeded(Operation operation, String uid) {
    return switch (operation) {
      case RE_KEY_KEY_PAIR, JOIN_SPLIT_KEY -> List.of(linkedPublicKey(uid));
      case CERTIFY, RE_CERTIFY -> List.of(certificates.signingKey(uid));
      default -> List.of();
    };
  }

  // Not Export (0x40): 2.x reserves that bit, and a 2.1 request may not set it.
  private static final int DEFAULT_MASK =
      CryptographicUsageMask.ENCRYPT.value() | CryptographicUsageMask.DECRYPT.value();

  /** An active key of alice's that she archived, for Recover to act on. */
  private String archivedKey() {
    String uid = aesKey("alice", true);
    assertSuccess(
        batch.of("alice", Operation.ARCHIVE, new Archive.Request(uid).encode(V)), "archive");
    return uid;
  }

  String aesKey(String owner, boolean active) {
    return aesKey(owner, active, DEFAULT_MASK);
  }

  String aesKey(String owner, boolean active, int usageMask, Attribute... more) {
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
        batch.of(
            owner,
            Operation.CREATE,
            Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), attributes).encode(V));
    assertSuccess(created, "create");
    String uid =
        Create.Response.decode(Objects.requireNonNull(created.responsePayload()), V)
            .uniqueIdentifier();
    if (active) {
      assertSuccess(
          batch.of(owner, Operation.ACTIVATE, new Activate.Request(uid).encode(V)), "activate");
    }
    return uid;
  }

  String ecPrivateKey(String owner) {
    ResponseBatchItem created = batch.of(owner, Operation.CREATE_KEY_PAIR, ecPairRequest());
    assertSuccess(created, "create key pair");
    return CreateKeyPair.Response.decode(Objects.requireNonNull(created.responsePayload()), V)
        .privateKeyUniqueIdentifier();
  }

  static TtlvStructure ecPairRequest() {
    return new CreateKeyPair.Request(
            Attributes.of(
                KeyPairHandlersTest.algorithm(CryptographicAlgorithm.EC),
                KeyPairHandlersTest.curve(RecommendedCurve.P_256)),
            null,
            null,
            CreateKeyPair.KeyPairMasks.NONE)
        .encode(V);
  }

  String linkedPublicKey(String privateUid) {
    return store.find(privateUid).orElseThrow().attributes().all(Tag.LINK.code()).stream()
        .map(link -> (TtlvStructure) link.value())
        .map(link -> ((TtlvTextString) link.items().get(1)).value())
        .findFirst()
        .orElseThrow();
  }

  private TtlvStructure decryptRequest(String uid) {
    ResponseBatchItem sealed =
        batch.of(
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
        batch.of(
            "alice", Operation.EXPORT, new Export.Request(uid, null, null, null, null).encode(V));
    Export.Response e =
        Export.Response.decode(Objects.requireNonNull(exported.responsePayload()), V);
    return new Import.Request(uid, e.objectType(), true, null, Attributes.EMPTY, e.object())
        .encode(V);
  }

  static Attribute contact(String value) {
    return Attribute.of(new TtlvTextString(Tag.CONTACT_INFORMATION.code(), value));
  }

  private static void assertSuccess(ResponseBatchItem answer, String what) {
    assertThat(answer.resultStatus())
        .as("%s: %s", what, answer.resultMessage())
        .isEqualTo(ResultStatus.SUCCESS);
  }
}
