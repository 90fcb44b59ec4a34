package io.arca.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every back end of {@link ObjectRepository} must do, run against a real database: each
 * subclass supplies a fresh, empty database per test and a way to dump it.
 */
abstract class ObjectRepositoryContract {
  static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

  private DatabaseConfig config;
  private Database database;
  private JdbcObjectRepository repository;

  /** A config for a new, empty database; called once per test. */
  protected abstract DatabaseConfig freshDatabase() throws Exception;

  /** Everything the database holds on disk or in a dump, as bytes. */
  protected abstract byte[] dump(DatabaseConfig config) throws Exception;

  @BeforeEach
  void open() throws Exception {
    config = freshDatabase();
    database = Database.open(config);
    repository = new JdbcObjectRepository(database);
  }

  @AfterEach
  void close() {
    repository.close();
    database.close();
  }

  static StoredObject key(String uid, String owner, String state) {
    return new StoredObject(
        uid,
        "SymmetricKey",
        state,
        owner,
        Blob.copyOf(new byte[] {1, 2, 3, (byte) 0xff}),
        "kek-1",
        "AES-KW",
        "AES",
        256,
        T0,
        T0,
        0,
        List.of(
            ObjectAttribute.text("Name", 0, "name-of-" + uid),
            ObjectAttribute.text("Name", 1, "alias-of-" + uid),
            new ObjectAttribute("Digest", 0, null, Blob.copyOf(new byte[] {9, 8, 7}))));
  }

  @Test
  void insertedObjectIsFoundAsStoredAtVersionOne() {
    StoredObject stored = repository.insert(key("k1", "alice", "PreActive"));

    assertThat(stored.version()).isEqualTo(1);
    assertThat(repository.find("k1")).contains(stored);
    assertThat(repository.find("k2")).isEmpty();
  }

  @Test
  void objectWithoutKeyBlockOrOptionalColumnsRoundTrips() {
    StoredObject bare =
        new StoredObject(
            "bare",
            "Certificate",
            "Active",
            "bob",
            null,
            null,
            null,
            null,
            null,
            T0,
            T0,
            0,
            List.of());

    assertThat(repository.insert(bare)).isEqualTo(bare.atVersion(1));
    assertThat(repository.find("bare")).contains(bare.atVersion(1));
  }

  @Test
  void duplicateUidIsRefusedAndKeepsTheFirstObject() {
    StoredObject first = repository.insert(key("dup", "alice", "Active"));

    assertThatThrownBy(() -> repository.insert(key("dup", "mallory", "Active")))
        .isInstanceOf(DuplicateObjectException.class)
        .hasMessageContaining("dup");
    assertThat(repository.find("dup")).contains(first);
  }

  /**
   * Client-chosen identifiers race: inserts of one uid from several writers at once (separate
   * repositories, as separate servers on one database would be) leave exactly one object, and every
   * other writer is told its uid is a duplicate. Only the primary key can promise that.
   */
  @Test
  void concurrentInsertsOfOneUidHaveExactlyOneWinner() throws Exception {
    long seed = new SecureRandom().nextLong();
    Random random = new Random(seed);
    int writers = 3 + random.nextInt(4);
    List<JdbcObjectRepository> repositories = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      for (int w = 0; w < writers; w++) {
        repositories.add(w == 0 ? repository : new JdbcObjectRepository(database));
      }
      for (int round = 0; round < 8; round++) {
        String uid = "chosen-" + Long.toHexString(random.nextLong());
        CyclicBarrier start = new CyclicBarrier(writers);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          ObjectRepository writer = repositories.get(w);
          String owner = "owner-" + w;
          Callable<String> insert =
              () -> {
                start.await(30, TimeUnit.SECONDS);
                try {
                  return writer.insert(key(uid, owner, "Active")).owner();
                } catch (DuplicateObjectException e) {
                  return "duplicate";
                }
              };
          outcomes.add(pool.submit(insert));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
          results.add(outcome.get(60, TimeUnit.SECONDS));
        }
        List<String> winners = results.stream().filter(r -> !r.equals("duplicate")).toList();
        assertThat(winners).as("seed %d, round %d: %s", seed, round, results).hasSize(1);
        assertThat(repository.find(uid))
            .as("seed %d, round %d", seed, round)
            .hasValueSatisfying(stored -> assertThat(stored.owner()).isEqualTo(winners.get(0)));
      }
    } finally {
      pool.shutdownNow();
      for (JdbcObjectRepository other : repositories) {
        if (other != repository) {
          other.close();
        }
      }
    }
  }

  @Test
  void uidsDifferingOnlyInCaseAreDifferentObjects() {
    // Clients choose identifiers; the database must not fold case (MariaDB: a binary collation).
    repository.insert(key("Payments", "alice", "Active"));
    repository.insert(key("payments", "bob", "Active"));

    assertThat(repository.find("Payments"))
        .hasValueSatisfying(o -> assertThat(o.owner()).isEqualTo("alice"));
    assertThat(repository.find("payments"))
        .hasValueSatisfying(o -> assertThat(o.owner()).isEqualTo("bob"));
    assertThat(repository.find("PAYMENTS")).isEmpty();
  }

  @Test
  void updateReplacesRowAndAttributesAndBumpsTheVersion() {
    StoredObject v1 = repository.insert(key("u", "alice", "PreActive"));
    StoredObject changed =
        v1.withState("Active", T0.plusSeconds(5))
            .withAttributes(List.of(ObjectAttribute.text("Name", 0, "renamed")), T0.plusSeconds(5));

    StoredObject v2 = repository.update(changed);

    assertThat(v2.version()).isEqualTo(2);
    assertThat(repository.find("u")).contains(v2);
    assertThat(v2.attributes()).extracting(ObjectAttribute::text).containsExactly("renamed");
  }

  @Test
  void currentVersionFollowsUpdatesAndIsEmptyForUnknownObjects() {
    assertThat(repository.currentVersion("v")).isEmpty();
    StoredObject v1 = repository.insert(key("v", "alice", "PreActive"));
    assertThat(repository.currentVersion("v")).hasValue(1);

    repository.update(v1.withState("Active", T0));

    assertThat(repository.currentVersion("v")).hasValue(2);
    repository.delete("v");
    assertThat(repository.currentVersion("v")).isEmpty();
  }

  @Test
  void updateFromAStaleVersionIsRefused() {
    StoredObject v1 = repository.insert(key("s", "alice", "PreActive"));
    StoredObject v2 = repository.update(v1.withState("Active", T0));

    assertThatThrownBy(() -> repository.update(v1.withState("Deactivated", T0)))
        .isInstanceOf(ConcurrentUpdateException.class)
        .hasMessageContaining("version 1");
    assertThat(repository.find("s")).contains(v2);
  }

  @Test
  void ofTwoConcurrentUpdatesFromOneVersionExactlyOneWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        StoredObject v1 = repository.insert(key("race-" + round, "alice", "PreActive"));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (String state : List.of("Active", "Deactivated")) {
          Callable<String> update =
              () -> {
                start.await();
                try {
                  repository.update(v1.withState(state, T0));
                  return state;
                } catch (ConcurrentUpdateException e) {
                  return "lost";
                }
              };
          results.add(pool.submit(update));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
          outcomes.add(f.get(30, TimeUnit.SECONDS));
        }

        assertThat(outcomes).containsOnlyOnce("lost");
        String winner = outcomes.get(0).equals("lost") ? outcomes.get(1) : outcomes.get(0);
        StoredObject now = repository.find("race-" + round).orElseThrow();
        assertThat(now.state()).isEqualTo(winner);
        assertThat(now.version()).isEqualTo(2);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void deleteRemovesObjectAndAttributes() {
    repository.insert(key("d", "alice", "Active"));

    assertThat(repository.delete("d")).isTrue();
    assertThat(repository.delete("d")).isFalse();
    assertThat(repository.find("d")).isEmpty();
    assertThat(repository.locate(ObjectCriteria.all(10).withAttribute("Name", "name-of-d")))
        .isEmpty();
  }

  @Test
  void countWrappedByCountsTheObjectsThatStillHoldMaterialUnderTheKey() {
    StoredObject first = repository.insert(key("w1", "alice", "Active"));
    repository.insert(key("w2", "bob", "Active"));
    repository.insert(key("w3", "alice", "Active"));
    assertThat(repository.countWrappedBy("kek-1")).isEqualTo(3);
    assertThat(repository.countWrappedBy("kek-2")).isZero();

    repository.update(first.withoutKeyBlock("Destroyed", T0));

    assertThat(repository.countWrappedBy("kek-1")).isEqualTo(2);
  }

  @Test
  void destroyedObjectKeepsMetadataWithoutItsKeyBlock() {
    StoredObject v1 = repository.insert(key("x", "alice", "Active"));

    StoredObject destroyed = repository.update(v1.withoutKeyBlock("Destroyed", T0));

    StoredObject found = repository.find("x").orElseThrow();
    assertThat(found).isEqualTo(destroyed);
    assertThat(found.keyBlock()).isNull();
    assertThat(found.state()).isEqualTo("Destroyed");
  }

  @Test
  void locateFiltersByOwnerTypeStateAndAttributes() {
    repository.insert(key("a1", "alice", "Active"));
    repository.insert(key("a2", "alice", "PreActive"));
    repository.insert(key("b1", "bob", "Active"));
    repository.insert(
        new StoredObject(
            "c1",
            "Certificate",
            "Active",
            "alice",
            null,
            null,
            null,
            null,
            null,
            T0,
            T0,
            0,
            List.of(ObjectAttribute.text("Name", 0, "shared"))));
    repository.insert(
        new StoredObject(
            "c2",
            "Certificate",
            "Active",
            "bob",
            null,
            null,
            null,
            null,
            null,
            T0,
            T0,
            0,
            List.of(ObjectAttribute.text("Name", 0, "shared"))));

    ObjectCriteria all = ObjectCriteria.all(100);
    assertThat(repository.locate(all)).containsExactly("a1", "a2", "b1", "c1", "c2");
    assertThat(repository.locate(all.withOwner("alice"))).containsExactly("a1", "a2", "c1");
    assertThat(repository.locate(all.withType("Certificate"))).containsExactly("c1", "c2");
    assertThat(repository.locate(all.withState("PreActive"))).containsExactly("a2");
    assertThat(repository.locate(all.withOwner("bob").withType("SymmetricKey").withState("Active")))
        .containsExactly("b1");
    assertThat(repository.locate(all.withAttribute("Name", "alias-of-a2"))).containsExactly("a2");
    assertThat(repository.locate(all.withAttribute("Name", "shared"))).containsExactly("c1", "c2");
    assertThat(repository.locate(all.withAttribute("Name", "shared").withOwner("bob")))
        .containsExactly("c2");
    assertThat(
            repository.locate(
                all.withAttribute("Name", "name-of-a1").withAttribute("Name", "alias-of-a1")))
        .containsExactly("a1");
    assertThat(
            repository.locate(
                all.withAttribute("Name", "name-of-a1").withAttribute("Name", "alias-of-b1")))
        .isEmpty();
    assertThat(repository.locate(all.withAttribute("Nom", "shared"))).isEmpty();
  }

  @Test
  void locatePagesWithLimitAndOffset() {
    for (int i = 0; i < 7; i++) {
      repository.insert(key("p" + i, "alice", "Active"));
    }
    ObjectCriteria page = new ObjectCriteria("alice", null, null, List.of(), 0, 3);

    assertThat(repository.locate(page)).containsExactly("p0", "p1", "p2");
    assertThat(repository.locate(page.withOffset(3))).containsExactly("p3", "p4", "p5");
    assertThat(repository.locate(page.withOffset(6))).containsExactly("p6");
    assertThat(repository.locate(page.withOffset(7))).isEmpty();
  }

  @Test
  void everyAcknowledgedConcurrentInsertIsFoundAfterwards() throws Exception {
    int threads = 16;
    int perThread = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        work.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    String uid = "g-" + thread + "-" + i;
                    repository.insert(key(uid, "owner-" + thread, "Active"));
                    acknowledged.add(uid);
                  }
                  // A duplicate inside a busy batch fails alone and costs no one else's insert.
                  assertThatThrownBy(
                          () -> repository.insert(key("g-" + thread + "-0", "x", "Active")))
                      .isInstanceOf(DuplicateObjectException.class);
                }));
      }
      for (Future<?> f : work) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(acknowledged).hasSize(threads * perThread);
    for (String uid : acknowledged) {
      assertThat(repository.find(uid)).as(uid).isPresent();
    }
    assertThat(repository.locate(ObjectCriteria.all(10_000))).hasSize(threads * perThread);
  }

  @Test
  void committedInsertSurvivesClosingAndReopeningTheDatabase() {
    StoredObject stored = repository.insert(key("durable", "alice", "Active"));
    repository.close();
    database.close();

    database = Database.open(config);
    repository = new JdbcObjectRepository(database);

    assertThat(repository.find("durable")).contains(stored);
  }

  @Test
  void migrationsRunOnceAcrossRestarts() throws Exception {
    repository.close();
    database.close();
    database = Database.open(config);
    repository = new JdbcObjectRepository(database);

    try (Connection c = database.connection();
        PreparedStatement p =
            c.prepareStatement("SELECT version, script FROM schema_version ORDER BY version");
        ResultSet r = p.executeQuery()) {
      List<String> rows = new ArrayList<>();
      while (r.next()) {
        rows.add(r.getInt(1) + " " + r.getString(2));
      }
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < Migrations.SCRIPTS.size(); i++) {
        expected.add((i + 1) + " " + Migrations.SCRIPTS.get(i));
      }
      assertThat(rows).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void databaseWithANewerSchemaIsRefused() throws Exception {
    try (Connection c = database.connection();
        PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
      p.setInt(1, Migrations.SCRIPTS.size() + 1);
      p.setString(2, "V999__from_the_future.sql");
      p.setLong(3, 0);
      p.executeUpdate();
      c.commit();
    }
    repository.close();
    database.close();

    assertThatThrownBy(() -> Database.open(config))
        .isInstanceOf(SchemaTooNewException.class)
        .hasMessageContaining("version " + (Migrations.SCRIPTS.size() + 1));
    // Reopen something for @AfterEach to close: the refused database stays untouched.
    config = freshDatabase();
    database = Database.open(config);
    repository = new JdbcObjectRepository(database);
  }

  @Test
  void blobIsStoredAsGivenAndTheDumpShowsIt() throws Exception {
    byte[] sentinel = "ARCA-SENTINEL-7f3a9c-STORED".getBytes(StandardCharsets.US_ASCII);
    byte[] neverWritten = "ARCA-SENTINEL-7f3a9c-ABSENT".getBytes(StandardCharsets.US_ASCII);
    StoredObject withSentinel =
        new StoredObject(
            "sentinel",
            "SymmetricKey",
            "Active",
            "alice",
            Blob.copyOf(sentinel),
            "kek-1",
            "AES-KW",
            "AES",
            256,
            T0,
            T0,
            0,
            List.of());
    repository.insert(withSentinel);
    repository.close();
    database.close();

    byte[] dump = dump(config);

    assertThat(DatabaseDumps.indexOf(dump, sentinel)).isNotNegative();
    assertThat(DatabaseDumps.indexOf(dump, neverWritten)).isNegative();
    database = Database.open(config);
    repository = new JdbcObjectRepository(database);
  }
}
