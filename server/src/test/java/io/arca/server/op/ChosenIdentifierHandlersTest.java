package io.arca.server.op;

import static io.arca.server.op.HandlerFixture.alice;
import static io.arca.server.op.HandlerFixture.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.DerivationMethod;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultReason;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.DeriveKey;
import io.arca.kmip.payload.Destroy;
import io.arca.kmip.payload.ReKey;
import io.arca.kmip.payload.Register;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.SymmetricCipher;
import io.arca.server.keys.KeyMaker;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectQuery;
import io.arca.server.store.ObjectRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Unique Identifier a KMIP 2.x client chooses for a new object, through the handlers on a real
 * store: accepted on Create, Create Key Pair, Register and Derive Key; refused when taken (also
 * when two requests race for it), malformed, too long, reserved for the HSM, or sent by a 1.x
 * client.
 */
class ChosenIdentifierHandlersTest {
  @TempDir Path dir;
  private HandlerFixture fixture;
  private CreateHandler create;
  private CreateKeyPairHandler createKeyPair;
  private RegisterHandler register;

  @BeforeEach
  void open() throws Exception {
    fixture = HandlerFixture.open(dir);
    create = new CreateHandler(fixture.store());
    createKeyPair = new CreateKeyPairHandler(fixture.store());
    register = new RegisterHandler(fixture.store());
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private static Attribute uid(String uid) {
    return Attribute.of(new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), uid));
  }

  private static Attributes aes(Attribute... more) {
    List<Attribute> items = new ArrayList<>();
    items.add(
        Attribute.of(
            new TtlvEnumeration(
                Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())));
    items.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)));
    items.add(
        Attribute.of(
            new TtlvInteger(
                Tag.CRYPTOGRAPHIC_USAGE_MASK.code(),
                CryptographicUsageMask.ENCRYPT.value()
                    | CryptographicUsageMask.DECRYPT.value()
                    | CryptographicUsageMask.DERIVE_KEY.value())));
    items.addAll(Arrays.asList(more));
    return new Attributes(items, List.of());
  }

  private String createAes(RequestContext context, Attribute... more) {
    ProtocolVersion version = context.protocolVersion();
    TtlvStructure response =
        Wire.handle(
            create,
            Create.Request.of(ObjectType.SYMMETRIC_KEY.value(), aes(more)).encode(version),
            context);
    return Create.Response.decode(response, version).uniqueIdentifier();
  }

  private CreateKeyPair.Response createEcPair(
      Attributes common, Attributes privateKey, Attributes publicKey) {
    RequestContext context = alice();
    TtlvStructure response =
        Wire.handle(
            createKeyPair,
            new CreateKeyPair.Request(
                    common, privateKey, publicKey, CreateKeyPair.KeyPairMasks.NONE)
                .encode(context.protocolVersion()),
            context);
    return CreateKeyPair.Response.decode(response, context.protocolVersion());
  }

  private static Attributes ecP256(Attribute... more) {
    List<Attribute> items = new ArrayList<>();
    items.add(KeyPairHandlersTest.algorithm(CryptographicAlgorithm.EC));
    items.add(KeyPairHandlersTest.curve(RecommendedCurve.P_256));
    items.addAll(Arrays.asList(more));
    return new Attributes(items, List.of());
  }

  private static Consumer<Throwable> reason(ResultReason expected) {
    return e -> assertThat(((KmipException) e).reason()).as(e.getMessage()).isEqualTo(expected);
  }

  private ObjectRecord stored(String uid) {
    return fixture.store().find(uid).orElseThrow();
  }

  private int objectCount() {
    return fixture.store().locate(ObjectQuery.all(1000)).size();
  }

  // ---- accepted -------------------------------------------------------------------------------

  @Test
  void createGivesTheKeyTheChosenIdentifierOwnedByItsCreator() {
    RequestContext context = alice();

    String uid = createAes(context, uid("my_sym_key"));

    assertThat(uid).isEqualTo("my_sym_key");
    assertThat(context.batch().idPlaceholder()).isEqualTo("my_sym_key");
    ObjectRecord record = fixture.objects().resolve("my_sym_key", alice());
    assertThat(record.owner()).isEqualTo("alice");
    assertThat(record.objectType()).isEqualTo(ObjectType.SYMMETRIC_KEY);
    assertThat(record.state()).isEqualTo(State.PRE_ACTIVE);
    // The identifier is the record's own field, not a second copy among its attributes.
    assertThat(record.attributes().first(Tag.UNIQUE_IDENTIFIER.code())).isNull();
    try (ObjectContent content = fixture.store().content(uid).orElseThrow()) {
      assertThat(content.structure().tag()).isEqualTo(Tag.SYMMETRIC_KEY.code());
    }
  }

  @Test
  void everyAllowedCharacterAndTheLongestLengthAreAccepted() {
    String longest = "A" + "b".repeat(ChosenIdentifiers.MAX_LENGTH - 1);
    for (String chosen : List.of("0", "Key-1_v2.prod:eu@team", "a:b", longest)) {
      assertThat(createAes(alice(), uid(chosen))).isEqualTo(chosen);
    }
  }

  @Test
  void caseMattersInChosenIdentifiers() {
    createAes(alice(), uid("Payments"));
    assertThat(createAes(alice(), uid("payments"))).isEqualTo("payments");
    assertThat(stored("Payments").uid()).isEqualTo("Payments");
  }

  @Test
  void withoutAChoiceTheServerStillDrawsARandomIdentifier() {
    String uid = createAes(alice());
    assertThat(uid).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  }

  @Test
  void keyPairNamedByItsPrivateKeyGivesThePublicKeyTheSuffixPk() {
    CreateKeyPair.Response pair =
        createEcPair(ecP256(), Attributes.of(uid("signer")), Attributes.EMPTY);

    assertThat(pair.privateKeyUniqueIdentifier()).isEqualTo("signer");
    assertThat(pair.publicKeyUniqueIdentifier()).isEqualTo("signer_pk");
    assertThat(stored("signer").objectType()).isEqualTo(ObjectType.PRIVATE_KEY);
    assertThat(stored("signer_pk").objectType()).isEqualTo(ObjectType.PUBLIC_KEY);
    assertThat(linked(stored("signer"), LinkType.PUBLIC_KEY_LINK)).isEqualTo("signer_pk");
    assertThat(linked(stored("signer_pk"), LinkType.PRIVATE_KEY_LINK)).isEqualTo("signer");
  }

  @Test
  void keyPairIdentifierInTheCommonAttributesNamesThePrivateKey() {
    CreateKeyPair.Response pair =
        createEcPair(ecP256(uid("pair")), Attributes.EMPTY, Attributes.EMPTY);
    assertThat(pair.privateKeyUniqueIdentifier()).isEqualTo("pair");
    assertThat(pair.publicKeyUniqueIdentifier()).isEqualTo("pair_pk");
  }

  @Test
  void keyPairHalvesMayEachBeNamedInTheirOwnAttributes() {
    CreateKeyPair.Response pair =
        createEcPair(ecP256(uid("common")), Attributes.of(uid("priv")), Attributes.of(uid("pub")));
    assertThat(pair.privateKeyUniqueIdentifier()).isEqualTo("priv");
    assertThat(pair.publicKeyUniqueIdentifier()).isEqualTo("pub");
    assertThat(fixture.store().find("common")).isEmpty();

    CreateKeyPair.Response onlyPublic =
        createEcPair(ecP256(), Attributes.EMPTY, Attributes.of(uid("verifier")));
    assertThat(onlyPublic.publicKeyUniqueIdentifier()).isEqualTo("verifier");
    assertThat(onlyPublic.privateKeyUniqueIdentifier()).isNotEqualTo("verifier");
  }

  @Test
  void keyPairHalvesCannotShareOneIdentifier() {
    assertThatThrownBy(
            () -> createEcPair(ecP256(), Attributes.of(uid("same")), Attributes.of(uid("same"))))
        .satisfies(reason(ResultReason.INVALID_FIELD));
    assertThat(objectCount()).isZero();
  }

  @Test
  void keyPairWhosePublicIdentifierIsTakenLeavesNoHalfBehind() {
    createAes(alice(), uid("taken_pk"));

    assertThatThrownBy(() -> createEcPair(ecP256(), Attributes.of(uid("taken")), Attributes.EMPTY))
        .satisfies(reason(ResultReason.OBJECT_ALREADY_EXISTS))
        .hasMessageContaining("taken_pk");
    assertThat(fixture.store().find("taken")).isEmpty();
    assertThat(objectCount()).isEqualTo(1);
  }

  @Test
  void keyPairWhosePublicIdentifierWouldBeTooLongIsRefused() {
    String longest = "k".repeat(ChosenIdentifiers.MAX_LENGTH);
    assertThatThrownBy(() -> createEcPair(ecP256(), Attributes.of(uid(longest)), Attributes.EMPTY))
        .satisfies(reason(ResultReason.INVALID_ATTRIBUTE_VALUE))
        .hasMessageContaining("characters");
    assertThat(objectCount()).isZero();
  }

  @Test
  void registerStoresTheClientsObjectUnderTheChosenIdentifier() {
    RequestContext context = alice();
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 7);
    SymmetricKey object =
        new SymmetricKey(
            KeyBlock.of(
                KeyFormatType.RAW.value(),
                KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(key))),
                CryptographicAlgorithm.AES.value(),
                256));
    String uid =
        Register.Response.decode(
                Wire.handle(
                    register,
                    Register.Request.of(object, Attributes.of(uid("imported-2026")))
                        .encode(context.protocolVersion()),
                    context),
                context.protocolVersion())
            .uniqueIdentifier();

    assertThat(uid).isEqualTo("imported-2026");
    assertThat(SymmetricCrypto.keyBytes(fixture.store(), stored(uid), ProtocolVersion.V2_1))
        .isEqualTo(key);
  }

  @Test
  void deriveKeyStoresTheNewKeyUnderTheChosenIdentifier() {
    String base = createAes(alice(), uid("base"));
    Wire.handle(
        new ActivateHandler(fixture.objects()),
        new Activate.Request(base).encode(ProtocolVersion.V2_1),
        alice());
    DeriveKeyHandler derive =
        new DeriveKeyHandler(fixture.objects(), new SymmetricCipher(new SecureRandom()));
    RequestContext context = alice();
    DeriveKey.Parameters data =
        new DeriveKey.Parameters(
            null,
            null,
            List.of(ByteString.copyOf("0123456789abcdef".getBytes(StandardCharsets.US_ASCII))),
            null,
            null);

    String derived =
        DeriveKey.Response.decode(
                Wire.handle(
                    derive,
                    new DeriveKey.Request(
                            ObjectType.SYMMETRIC_KEY.value(),
                            List.of(base),
                            DerivationMethod.ENCRYPT.value(),
                            data,
                            Attributes.of(
                                KeyPairHandlersTest.algorithm(CryptographicAlgorithm.AES),
                                KeyPairHandlersTest.length(128),
                                uid("derived")))
                        .encode(ProtocolVersion.V2_1),
                    context),
                ProtocolVersion.V2_1)
            .uniqueIdentifier();

    assertThat(derived).isEqualTo("derived");
    assertThat(stored("derived").owner()).isEqualTo("alice");
  }

  // ---- refused --------------------------------------------------------------------------------

  @Test
  void aTakenIdentifierIsAnsweredObjectAlreadyExists() {
    createAes(alice(), uid("my_sym_key"));

    assertThatThrownBy(() -> createAes(alice(), uid("my_sym_key")))
        .satisfies(reason(ResultReason.OBJECT_ALREADY_EXISTS));
    assertThat(objectCount()).isEqualTo(1);
  }

  @Test
  void anotherUsersIdentifierIsTakenWithoutSayingWhoseOrWhat() {
    createAes(alice(), uid("payroll-key"));
    RequestContext bob = context("bob", ProtocolVersion.V2_1);

    assertThatThrownBy(() -> createAes(bob, uid("payroll-key")))
        .satisfies(reason(ResultReason.OBJECT_ALREADY_EXISTS))
        .message()
        .doesNotContain("alice", "Symmetric", "Active");
    // Bob still cannot see the object: existence is all the refusal told.
    assertThatThrownBy(
            () -> fixture.objects().resolve("payroll-key", context("bob", ProtocolVersion.V2_1)))
        .satisfies(reason(ResultReason.OBJECT_NOT_FOUND));
    assertThat(stored("payroll-key").owner()).isEqualTo("alice");
  }

  @Test
  void aDestroyedObjectKeepsItsIdentifier() {
    createAes(alice(), uid("gone"));
    Wire.handle(
        new DestroyHandler(fixture.objects()),
        new Destroy.Request("gone").encode(ProtocolVersion.V2_1),
        alice());
    assertThat(stored("gone").state()).isEqualTo(State.DESTROYED);

    assertThatThrownBy(() -> createAes(alice(), uid("gone")))
        .satisfies(reason(ResultReason.OBJECT_ALREADY_EXISTS));
  }

  @Test
  void badCharactersAreAnsweredInvalidAttributeValue() {
    for (String bad :
        List.of(
            "my key",
            "tab\tkey",
            "line\nkey",
            "nul\0key",
            "-starts-with-dash",
            "_x",
            ".x",
            "a/b",
            "a*b",
            "*",
            "a%b",
            "a'b",
            "a\"b",
            "clé",
            "ключ",
            "a\u00a0b",
            "a;b",
            "a,b")) {
      assertThatThrownBy(() -> createAes(alice(), uid(bad)))
          .as(bad)
          .satisfies(reason(ResultReason.INVALID_ATTRIBUTE_VALUE));
    }
    assertThat(objectCount()).isZero();
  }

  @Test
  void anEmptyOrTooLongIdentifierIsAnsweredInvalidAttributeValue() {
    assertThatThrownBy(() -> createAes(alice(), uid("")))
        .satisfies(reason(ResultReason.INVALID_ATTRIBUTE_VALUE));
    String tooLong = "k".repeat(ChosenIdentifiers.MAX_LENGTH + 1);
    assertThatThrownBy(() -> createAes(alice(), uid(tooLong)))
        .satisfies(reason(ResultReason.INVALID_ATTRIBUTE_VALUE))
        .hasMessageContaining("129 characters")
        .message()
        .doesNotContain(tooLong);
    assertThat(objectCount()).isZero();
  }

  @Test
  void hsmIdentifiersAndOtherRoutedFormsAreNotDatabaseIdentifiers() {
    // hsm:: identifiers go to the HSM's key backing; this server has none.
    assertThatThrownBy(() -> createAes(alice(), uid("hsm::1::mykey")))
        .satisfies(reason(ResultReason.FEATURE_NOT_SUPPORTED))
        .hasMessageContaining("no HSM");
    for (String routed : List.of("kms::x", "a::b")) {
      assertThatThrownBy(() -> createAes(alice(), uid(routed)))
          .as(routed)
          .satisfies(reason(ResultReason.INVALID_ATTRIBUTE_VALUE))
          .hasMessageContaining("::");
    }
    assertThat(objectCount()).isZero();
  }

  @Test
  void aNonTextOrRepeatedIdentifierIsRefused() {
    assertThatThrownBy(
            () ->
                createAes(alice(), Attribute.of(new TtlvInteger(Tag.UNIQUE_IDENTIFIER.code(), 0))))
        .satisfies(reason(ResultReason.INVALID_ATTRIBUTE_VALUE));
    assertThatThrownBy(() -> createAes(alice(), uid("one"), uid("two")))
        .satisfies(reason(ResultReason.ATTRIBUTE_SINGLE_VALUED));
    assertThat(objectCount()).isZero();
  }

  @Test
  void aOneXClientCannotChooseTheIdentifier() {
    for (ProtocolVersion version : List.of(ProtocolVersion.V1_2, ProtocolVersion.V1_4)) {
      assertThatThrownBy(() -> createAes(context("alice", version), uid("my_sym_key")))
          .as(version.toString())
          .satisfies(reason(ResultReason.PERMISSION_DENIED))
          .hasMessageContaining("set by the server");
    }
    assertThat(objectCount()).isZero();
  }

  @Test
  void reKeyStillChoosesTheReplacementsIdentifierItself() {
    String old = createAes(alice(), uid("rotating"));
    Wire.handle(
        new ActivateHandler(fixture.objects()),
        new Activate.Request(old).encode(ProtocolVersion.V2_1),
        alice());
    ReKeyHandler reKey = new ReKeyHandler(fixture.objects(), new KeyMaker(new SecureRandom()));
    assertThatThrownBy(
            () ->
                Wire.handle(
                    reKey,
                    new ReKey.Request(old, null, Attributes.of(uid("rotating-2")), List.of())
                        .encode(ProtocolVersion.V2_1),
                    alice()))
        .satisfies(reason(ResultReason.ATTRIBUTE_READ_ONLY));
  }

  // ---- races ----------------------------------------------------------------------------------

  /**
   * Threads start together on the same identifier, round after round: exactly one Create wins,
   * every other is answered Object Already Exists, whether the early look or the primary key
   * stopped it.
   */
  @Test
  void concurrentCreatesOfOneIdentifierHaveExactlyOneWinner() throws Exception {
    long seed = new SecureRandom().nextLong();
    Random random = new Random(seed);
    int threads = 4 + random.nextInt(5);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 6; round++) {
        String chosen = "race-" + Long.toHexString(random.nextLong());
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          String user = random.nextBoolean() ? "alice" : "bob";
          Callable<String> attempt =
              () -> {
                start.await(30, TimeUnit.SECONDS);
                try {
                  return "won:" + createAes(context(user, ProtocolVersion.V2_1), uid(chosen));
                } catch (KmipException e) {
                  return e.reason().name();
                }
              };
          outcomes.add(pool.submit(attempt));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
          results.add(outcome.get(60, TimeUnit.SECONDS));
        }
        assertThat(results)
            .as("seed %d, round %d, %d threads: %s", seed, round, threads, results)
            .containsOnlyOnce("won:" + chosen)
            .filteredOn(r -> !r.startsWith("won:"))
            .hasSize(threads - 1)
            .containsOnly(ResultReason.OBJECT_ALREADY_EXISTS.name());
        assertThat(fixture.store().find(chosen)).as("seed %d", seed).isPresent();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The store alone, with no early look: drafts of one identifier stored at once, from different
   * owners; the primary key lets exactly one in and the others fail with Object Already Exists.
   */
  @Test
  void concurrentStoresOfOneIdentifierAreDecidedByThePrimaryKey() throws Exception {
    long seed = new SecureRandom().nextLong();
    Random random = new Random(seed);
    int threads = 4 + random.nextInt(5);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 6; round++) {
        String chosen = "store-race-" + Long.toHexString(random.nextLong());
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          String owner = "user" + t;
          outcomes.add(
              pool.submit(
                  () -> {
                    ObjectRecord draft =
                        NewObjects.draft(
                            fixture.store(),
                            chosen,
                            ObjectType.SECRET_DATA,
                            Attributes.EMPTY,
                            List.of(),
                            context(owner, ProtocolVersion.V2_1));
                    TtlvStructure content =
                        TtlvStructure.of(
                            Tag.SECRET_DATA.code(),
                            new TtlvTextString(Tag.NAME_VALUE.code(), owner));
                    start.await(30, TimeUnit.SECONDS);
                    try {
                      return "won:" + fixture.store().create(draft, content).owner();
                    } catch (KmipException e) {
                      return e.reason().name();
                    }
                  }));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
          results.add(outcome.get(60, TimeUnit.SECONDS));
        }
        List<String> winners = results.stream().filter(r -> r.startsWith("won:")).toList();
        assertThat(winners).as("seed %d, round %d: %s", seed, round, results).hasSize(1);
        assertThat(results)
            .as("seed %d, round %d", seed, round)
            .filteredOn(r -> !r.startsWith("won:"))
            .containsOnly(ResultReason.OBJECT_ALREADY_EXISTS.name());
        assertThat("won:" + stored(chosen).owner()).as("seed %d", seed).isEqualTo(winners.get(0));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String linked(ObjectRecord record, LinkType type) {
    for (Attribute link : record.attributes().all(Tag.LINK.code())) {
      TtlvStructure value = (TtlvStructure) link.value();
      if (value.first(Tag.LINK_TYPE.code()) instanceof TtlvEnumeration e
          && e.value() == type.value()
          && value.first(Tag.LINKED_OBJECT_IDENTIFIER.code()) instanceof TtlvTextString text) {
        return text.value();
      }
    }
    return "";
  }
}
