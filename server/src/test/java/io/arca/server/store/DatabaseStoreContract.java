package io.arca.server.store;

import static io.arca.server.store.TestObjects.T0;
import static io.arca.server.store.TestObjects.aesDraft;
import static io.arca.server.store.TestObjects.aesKey;
import static io.arca.server.store.TestObjects.keyBytes;
import static io.arca.server.store.TestObjects.rsaDraft;
import static io.arca.server.store.TestObjects.rsaPair;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ResultReason;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.DatabaseDumps;
import io.arca.persistence.JdbcObjectRepository;
import io.arca.persistence.StoredObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the database-backed object store must do on every back end, against a real database: a
 * fresh, empty database per test, and a way to dump everything it holds.
 */
abstract class DatabaseStoreContract {
  @TempDir Path dataDir;

  private final List<AutoCloseable> opened = new ArrayList<>();
  private final AtomicLong nanos = new AtomicLong();
  private DatabaseConfig config;
  private CountingKek kek;
  private JdbcObjectRepository repository;
  private DatabaseStore store;

  protected abstract DatabaseConfig freshDatabase(Path dataDir) throws Exception;

  protected abstract byte[] dump(DatabaseConfig config, Path dataDir) throws Exception;

  @BeforeEach
  void open() throws Exception {
    config = freshDatabase(dataDir);
    kek = new CountingKek(LocalKek.openOrCreate(dataDir.resolve("kek"), new SecureRandom()));
    repository = repositoryOn(config);
    store = new DatabaseStore(repository, kek, KeyCacheSettings.DEFAULTS, nanos::get);
  }

  private JdbcObjectRepository repositoryOn(DatabaseConfig databaseConfig) {
    Database database = Database.open(databaseConfig);
    JdbcObjectRepository opened = new JdbcObjectRepository(database);
    this.opened.add(0, database);
    this.opened.add(0, opened);
    return opened;
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  @Test
  void createdObjectReadsBackWithItsAttributesAndContent() {
    ObjectRecord stored = store.create(aesDraft("k1", null), aesKey(keyBytes("k1")));

    assertThat(stored.version()).isEqualTo(1);
    assertThat(store.find("k1")).contains(stored);
    assertThat(stored.attributes()).isEqualTo(aesDraft("k1", null).attributes());
    try (ObjectContent content = store.content("k1").orElseThrow()) {
      assertThat(content.structure()).isEqualTo(aesKey(keyBytes("k1")));
    }
    assertThat(store.find("nothing")).isEmpty();
    assertThat(store.content("nothing")).isEmpty();
  }

  @Test
  void noKeyBytesAppearAnywhereInTheDatabase() throws Exception {
    List<byte[]> keys = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String uid = "plain-" + i;
      keys.add(keyBytes(uid));
      store.create(aesDraft(uid, null), aesKey(keyBytes(uid)));
    }
    store.create(aesDraft("wrapper", null), aesKey(keyBytes("wrapper")));
    keys.add(keyBytes("wrapper"));
    store.create(aesDraft("wrapped", "wrapper"), aesKey(keyBytes("wrapped")));
    keys.add(keyBytes("wrapped"));
    TtlvStructure[] pair = rsaPair();
    store.create(rsaDraft("dump-sk", ObjectType.PRIVATE_KEY, "dump-pk"), pair[0]);
    store.create(rsaDraft("dump-pk", ObjectType.PUBLIC_KEY, "dump-sk"), pair[1]);
    store.create(aesDraft("rsa-wrapped", "dump-pk"), aesKey(keyBytes("rsa-wrapped")));
    keys.add(keyBytes("rsa-wrapped"));
    keys.add(keyMaterial(pair[0]));

    byte[] everything = dump(config, dataDir);

    // The scan can see what the database holds: names are stored in clear and must be found.
    assertThat(DatabaseDumps.indexOf(everything, "name-plain-7".getBytes(StandardCharsets.UTF_8)))
        .isNotNegative();
    for (byte[] key : keys) {
      // Any 8 consecutive key bytes would be a leak, not only the whole key.
      for (int from = 0; from + 8 <= key.length; from += 8) {
        byte[] window = java.util.Arrays.copyOfRange(key, from, from + 8);
        assertThat(DatabaseDumps.indexOf(everything, window)).isEqualTo(-1);
      }
    }
  }

  @Test
  void concurrentReadersOfAColdKeyUnwrapItOnce() throws Exception {
    store.create(aesDraft("hot", null), aesKey(keyBytes("hot")));
    kek.unwraps.set(0);
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<Boolean> read =
            () -> {
              start.await();
              try (ObjectContent content = store.content("hot").orElseThrow()) {
                return content.structure().equals(aesKey(keyBytes("hot")));
              }
            };
        results.add(pool.submit(read));
      }
      start.countDown();
      for (Future<Boolean> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(kek.unwraps).hasValue(1);
  }

  @Test
  void aWarmKeyIsServedWithoutUnwrappingAgain() {
    store.create(aesDraft("warm", null), aesKey(keyBytes("warm")));
    store.content("warm").orElseThrow().close();
    int before = kek.unwraps.get();

    for (int i = 0; i < 10; i++) {
      store.content("warm").orElseThrow().close();
      advance(Duration.ofMillis(300));
    }

    assertThat(kek.unwraps.get()).isEqualTo(before);
  }

  @Test
  void updatesAreVisibleAtOnceAndDestroyErasesTheMaterial() {
    store.create(aesDraft("life", null), aesKey(keyBytes("life")));
    store.content("life").orElseThrow().close();

    ObjectRecord active = store.update("life", r -> r.withState(State.ACTIVE, T0.plusSeconds(1)));
    assertThat(active.version()).isEqualTo(2);
    assertThat(store.find("life").orElseThrow().state()).isEqualTo(State.ACTIVE);

    store.update("life", r -> r.withoutContent(State.DESTROYED, T0.plusSeconds(2)));

    assertThat(store.find("life").orElseThrow().hasContent()).isFalse();
    assertThat(store.content("life")).isEmpty();
    StoredObject row = repository.find("life").orElseThrow();
    assertThat(row.keyBlock()).isNull();
    assertThat(row.state()).isEqualTo("Destroyed");
  }

  @Test
  void changesMadeByAnotherServerAreSeenWithinTheRecheckInterval() {
    store.create(aesDraft("shared", null), aesKey(keyBytes("shared")));
    assertThat(store.find("shared").orElseThrow().state()).isEqualTo(State.PRE_ACTIVE);
    DatabaseStore otherNode =
        new DatabaseStore(repositoryOn(config), kek, KeyCacheSettings.DEFAULTS, nanos::get);

    otherNode.update("shared", r -> r.withoutContent(State.DESTROYED, T0.plusSeconds(1)));

    // Within the documented bound this node may still serve what it cached...
    assertThat(store.find("shared").orElseThrow().state()).isEqualTo(State.PRE_ACTIVE);
    advance(KeyCacheSettings.DEFAULTS.recheck().plusMillis(1));
    // ...and past it, it must not.
    assertThat(store.find("shared").orElseThrow().state()).isEqualTo(State.DESTROYED);
    assertThat(store.content("shared")).isEmpty();
  }

  @Test
  void concurrentUpdatesOfOneObjectLoseNothing() throws Exception {
    store.create(aesDraft("busy", null), aesKey(keyBytes("busy")));
    DatabaseStore otherNode =
        new DatabaseStore(repositoryOn(config), kek, KeyCacheSettings.DEFAULTS, nanos::get);
    int writers = 8;
    int each = 5;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        DatabaseStore node = w % 2 == 0 ? store : otherNode;
        String writer = "w" + w;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < each; i++) {
                    String value = writer + "-" + i;
                    node.update(
                        "busy", r -> r.withAttributes(withGroup(r.attributes(), value), T0));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    ObjectRecord last = store.find("busy").orElseThrow();
    assertThat(last.attributes().all(Tag.OBJECT_GROUP.code())).hasSize(writers * each);
    assertThat(last.version()).isEqualTo(1 + writers * each);
  }

  /**
   * A client-chosen identifier raced for from two servers on one database: exactly one create wins,
   * every other is answered Object Already Exists, and both servers then see the winner's.
   */
  @Test
  void concurrentCreatesOfOneChosenUidHaveExactlyOneWinner() throws Exception {
    long seed = new SecureRandom().nextLong();
    Random random = new Random(seed);
    DatabaseStore otherNode =
        new DatabaseStore(repositoryOn(config), kek, KeyCacheSettings.DEFAULTS, nanos::get);
    int writers = 4 + random.nextInt(5);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      for (int round = 0; round < 5; round++) {
        String uid = "my_key-" + Long.toHexString(random.nextLong());
        CyclicBarrier start = new CyclicBarrier(writers);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          DatabaseStore node = w % 2 == 0 ? store : otherNode;
          ObjectRecord aliceDraft = aesDraft(uid, null);
          String owner = "user" + w;
          ObjectRecord draft =
              ObjectRecord.draft(
                  uid,
                  aliceDraft.objectType(),
                  aliceDraft.state(),
                  owner,
                  aliceDraft.attributes(),
                  null,
                  T0);
          Callable<String> create =
              () -> {
                start.await(30, TimeUnit.SECONDS);
                try {
                  return node.create(draft, aesKey(keyBytes(owner))).owner();
                } catch (KmipException e) {
                  return e.reason().name();
                }
              };
          outcomes.add(pool.submit(create));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
          results.add(outcome.get(60, TimeUnit.SECONDS));
        }
        List<String> winners = results.stream().filter(r -> r.startsWith("user")).toList();
        String why = "seed " + seed + ", round " + round + ": " + results;
        assertThat(winners).as(why).hasSize(1);
        assertThat(results)
            .as(why)
            .filteredOn(r -> !r.startsWith("user"))
            .containsOnly(ResultReason.OBJECT_ALREADY_EXISTS.name());
        for (DatabaseStore node : List.of(store, otherNode)) {
          assertThat(node.find(uid).orElseThrow().owner()).as(why).isEqualTo(winners.get(0));
          try (ObjectContent content = node.content(uid).orElseThrow()) {
            assertThat(content.structure()).as(why).isEqualTo(aesKey(keyBytes(winners.get(0))));
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Attributes withGroup(Attributes attributes, String group) {
    List<Attribute> items = new ArrayList<>(attributes.items());
    int index = attributes.all(Tag.OBJECT_GROUP.code()).size();
    items.add(Attribute.of(new TtlvTextString(Tag.OBJECT_GROUP.code(), group)).withIndex(index));
    return new Attributes(items, List.of());
  }

  @Test
  void anObjectWrappedByAManagedKeyIsStoredUnderItAndReadsBack() {
    store.create(aesDraft("kek-a", null), aesKey(keyBytes("kek-a")));
    ObjectRecord wrapped = store.create(aesDraft("under-a", "kek-a"), aesKey(keyBytes("under-a")));

    assertThat(wrapped.wrappingKeyId()).isEqualTo("kek-a");
    assertThat(repository.find("under-a").orElseThrow().wrappingKeyId()).isEqualTo("kek-a");
    assertThat(repository.find("kek-a").orElseThrow().wrappingKeyId()).isEqualTo(LocalKek.ID);
    try (ObjectContent content = store.content("under-a").orElseThrow()) {
      assertThat(content.structure()).isEqualTo(aesKey(keyBytes("under-a")));
    }
  }

  @Test
  void anObjectWrappedByAnRsaPublicKeyReadsBackThroughItsPrivateKey() {
    TtlvStructure[] pair = rsaPair();
    store.create(rsaDraft("rsa-sk", ObjectType.PRIVATE_KEY, "rsa-pk"), pair[0]);
    store.create(rsaDraft("rsa-pk", ObjectType.PUBLIC_KEY, "rsa-sk"), pair[1]);

    ObjectRecord wrapped =
        store.create(aesDraft("under-rsa", "rsa-pk"), aesKey(keyBytes("under-rsa")));

    assertThat(wrapped.wrappingKeyId()).isEqualTo("rsa-pk");
    StoredObject row = repository.find("under-rsa").orElseThrow();
    assertThat(row.wrappingKeyId()).isEqualTo("rsa-pk");
    assertThat(row.wrappingMechanism()).isEqualTo("RSA-OAEP-SHA256+AES-KWP");
    // The RSA-OAEP block (the modulus' size) comes first, then the AES-KWP'd content.
    assertThat(Objects.requireNonNull(row.keyBlock()).toByteArray().length).isGreaterThan(256);
    store.clearCache();
    try (ObjectContent content = store.content("under-rsa").orElseThrow()) {
      assertThat(content.structure()).isEqualTo(aesKey(keyBytes("under-rsa")));
    }
  }

  @Test
  void anRsaWrappedObjectCannotBeReadOnceItsPrivateKeyIsGone() {
    TtlvStructure[] pair = rsaPair();
    store.create(rsaDraft("lone-pk", ObjectType.PUBLIC_KEY, "lone-sk"), pair[1]);
    store.create(aesDraft("under-lone", "lone-pk"), aesKey(keyBytes("under-lone")));
    store.clearCache();

    assertThatThrownBy(() -> store.content("under-lone"))
        .isInstanceOfSatisfying(
            KmipException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.WRAPPING_OBJECT_NOT_FOUND));
    assertThatThrownBy(
            () -> store.create(aesDraft("under-sk", "rsa-only-sk"), aesKey(keyBytes("z"))))
        .isInstanceOf(KmipException.class);
  }

  @Test
  void unusableWrappingKeysAreRefusedWithTheReason() {
    assertThatThrownBy(() -> store.create(aesDraft("x", "missing"), aesKey(keyBytes("x"))))
        .isInstanceOfSatisfying(
            KmipException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.WRAPPING_OBJECT_NOT_FOUND));
    store.create(aesDraft("kek-b", null), aesKey(keyBytes("kek-b")));
    store.create(aesDraft("under-b", "kek-b"), aesKey(keyBytes("under-b")));
    assertThatThrownBy(() -> store.create(aesDraft("y", "under-b"), aesKey(keyBytes("y"))))
        .isInstanceOfSatisfying(
            KmipException.class,
            e -> assertThat(e.getMessage()).contains("itself wrapped by a managed key"));
    store.update("kek-b", r -> r.withoutContent(State.DESTROYED, T0));
    assertThatThrownBy(() -> store.content("under-b"))
        .isInstanceOfSatisfying(
            KmipException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.WRAPPING_OBJECT_DESTROYED));
    assertThat(store.find("x")).isEmpty();
  }

  @Test
  void aCommittedObjectSurvivesAServerRestart() throws Exception {
    store.create(aesDraft("durable", null), aesKey(keyBytes("durable")));
    close();
    opened.clear();

    kek = new CountingKek(LocalKek.openOrCreate(dataDir.resolve("kek"), new SecureRandom()));
    DatabaseStore restarted =
        new DatabaseStore(repositoryOn(config), kek, KeyCacheSettings.DEFAULTS, nanos::get);

    try (ObjectContent content = restarted.content("durable").orElseThrow()) {
      assertThat(content.structure()).isEqualTo(aesKey(keyBytes("durable")));
    }
  }

  @Test
  void everyAcknowledgedCreateSurvivesAKilledServer() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CreateUntilKilled.class.getName(),
                dataDir.resolve("kek").toString(),
                config.dialect().name(),
                config.jdbcUrl())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    List<String> acknowledged = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (acknowledged.size() < 300 && (line = out.readLine()) != null) {
        // Other lines are the child's log.
        if (line.startsWith("crash-")) {
          acknowledged.add(line);
        }
      }
      // SIGKILL while the writers are mid-way through their next creates.
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);

    List<String> lost =
        acknowledged.stream().filter(uid -> repository.find(uid).isEmpty()).toList();
    assertThat(lost).as("acknowledged but not stored").isEmpty();
    for (String uid : acknowledged) {
      try (ObjectContent content = store.content(uid).orElseThrow()) {
        assertThat(content.structure()).as(uid).isEqualTo(aesKey(keyBytes(uid)));
      }
    }
  }

  @Test
  void locateFindsByTypeStateOwnerAndName() {
    store.create(aesDraft("l1", null), aesKey(keyBytes("l1")));
    store.create(aesDraft("l2", null), aesKey(keyBytes("l2")));
    store.update("l2", r -> r.withState(State.ACTIVE, T0));

    assertThat(store.locate(ObjectQuery.all(10).withType(ObjectType.SYMMETRIC_KEY)))
        .containsExactly("l1", "l2");
    assertThat(store.locate(ObjectQuery.all(10).withState(State.ACTIVE))).containsExactly("l2");
    assertThat(store.locate(ObjectQuery.all(10).withOwner("bob"))).isEmpty();
    assertThat(
            store.locate(
                ObjectQuery.all(10).withAttribute(Attribute.of(TestObjects.name("name-l1")))))
        .containsExactly("l1");
  }

  /** The local KEK, counting unwraps. */
  static final class CountingKek implements KeyWrapper {
    final AtomicInteger unwraps = new AtomicInteger();
    private final KeyWrapper kek;

    CountingKek(KeyWrapper kek) {
      this.kek = kek;
    }

    @Override
    public String id() {
      return kek.id();
    }

    @Override
    public WrappedKey wrap(ByteString plaintext) {
      return kek.wrap(plaintext);
    }

    @Override
    public ByteString unwrap(WrappedKey wrapped) {
      unwraps.incrementAndGet();
      return kek.unwrap(wrapped);
    }
  }

  /** The Key Material bytes of a stored key structure (PKCS#1 for the RSA keys here). */
  private static byte[] keyMaterial(TtlvStructure key) {
    TtlvStructure block = (TtlvStructure) Objects.requireNonNull(key.first(Tag.KEY_BLOCK.code()));
    TtlvStructure value = (TtlvStructure) Objects.requireNonNull(block.first(Tag.KEY_VALUE.code()));
    return ((TtlvByteString) Objects.requireNonNull(value.first(Tag.KEY_MATERIAL.code())))
        .value()
        .toByteArray();
  }
}
