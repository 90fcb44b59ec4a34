package io.arca.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Names kept unique per owner by the database ({@link UniqueNames}, the {@code object_names}
 * table), run against a real database: each subclass supplies a fresh, empty one per test.
 */
abstract class UniqueNamesContract {
  static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

  private Database database;
  private JdbcObjectRepository repository;

  /** A config for a new, empty database; called once per test. */
  protected abstract DatabaseConfig freshDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    database = Database.open(freshDatabase());
    repository = new JdbcObjectRepository(database);
  }

  @AfterEach
  void close() {
    repository.close();
    database.close();
  }

  private static final UniqueNames NAMES = UniqueNames.of("Name", Set.of("Destroyed"));

  static StoredObject named(String uid, String owner, String name) {
    return new StoredObject(
        uid,
        "SymmetricKey",
        "Active",
        owner,
        Blob.copyOf(new byte[] {1, 2, 3}),
        "kek-1",
        "AES-KW",
        "AES",
        256,
        T0,
        T0,
        0,
        List.of(ObjectAttribute.text("Name", 0, name), ObjectAttribute.text("Name", 1, name)));
  }

  /**
   * Names race as identifiers do: several writers (as several servers on one database) insert
   * objects of one owner under different uids and one Name. The database's unique index leaves
   * exactly one, whatever a search made before the insert saw; every other writer is told the name
   * is taken.
   */
  @Test
  void concurrentInsertsOfOneNameForOneOwnerHaveExactlyOneWinner() throws Exception {
    long seed = new SecureRandom().nextLong();
    Random random = new Random(seed);
    int writers = 3 + random.nextInt(4);
    List<JdbcObjectRepository> repositories = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      for (int w = 0; w < writers; w++) {
        repositories.add(new JdbcObjectRepository(database, NAMES));
      }
      for (int round = 0; round < 8; round++) {
        String name = "payments-" + Long.toHexString(random.nextLong());
        CyclicBarrier start = new CyclicBarrier(writers);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
          ObjectRepository writer = repositories.get(w);
          String uid = "k-" + round + "-" + w;
          Callable<String> insert =
              () -> {
                start.await(30, TimeUnit.SECONDS);
                try {
                  return writer.insert(named(uid, "alice", name)).uid();
                } catch (DuplicateNameException e) {
                  return "taken";
                }
              };
          outcomes.add(pool.submit(insert));
        }
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
          results.add(outcome.get(60, TimeUnit.SECONDS));
        }
        List<String> winners = results.stream().filter(r -> !r.equals("taken")).toList();
        assertThat(winners).as("seed %d, round %d: %s", seed, round, results).hasSize(1);
        assertThat(
                repository.locate(
                    ObjectCriteria.all(100).withOwner("alice").withAttribute("Name", name)))
            .as("seed %d, round %d", seed, round)
            .containsExactly(winners.get(0));
      }
    } finally {
      pool.shutdownNow();
      repositories.forEach(JdbcObjectRepository::close);
    }
  }

  @Test
  void uniqueNameIsPerOwnerAndFreedWhenItsObjectIsDestroyedOrDeleted() {
    try (JdbcObjectRepository unique = new JdbcObjectRepository(database, NAMES)) {
      StoredObject first = unique.insert(named("n1", "alice", "ledger"));
      unique.insert(named("n2", "bob", "ledger"));

      assertThatThrownBy(() -> unique.insert(named("n3", "alice", "ledger")))
          .isInstanceOf(DuplicateNameException.class)
          .hasMessageContaining("n3");
      assertThat(unique.find("n3")).isEmpty();

      unique.update(first.withState("Destroyed", T0.plusSeconds(1)));
      StoredObject second = unique.insert(named("n3", "alice", "ledger"));
      unique.delete(second.uid());
      assertThat(unique.insert(named("n4", "alice", "ledger")).uid()).isEqualTo("n4");
    }
  }

  @Test
  void updateGivingAnObjectAnotherObjectsNameIsRefusedAndChangesNothing() {
    try (JdbcObjectRepository unique = new JdbcObjectRepository(database, NAMES)) {
      unique.insert(named("u1", "alice", "ledger"));
      StoredObject other = unique.insert(named("u2", "alice", "journal"));

      StoredObject renamed =
          other.withAttributes(List.of(ObjectAttribute.text("Name", 0, "ledger")), T0);
      assertThatThrownBy(() -> unique.update(renamed)).isInstanceOf(DuplicateNameException.class);
      assertThat(unique.find("u2")).contains(other);

      // Its own name given up, another object may take it; the renamed one keeps the new one.
      StoredObject moved =
          unique.update(
              other.withAttributes(List.of(ObjectAttribute.text("Name", 0, "daybook")), T0));
      unique.insert(named("u3", "alice", "journal"));
      assertThatThrownBy(() -> unique.insert(named("u4", "alice", "daybook")))
          .isInstanceOf(DuplicateNameException.class);
      assertThat(unique.find("u2")).contains(moved);
    }
  }

  @Test
  void namesRepeatWhenTheRepositoryIsNotToldToKeepThemUnique() {
    repository.insert(named("r1", "alice", "ledger"));
    repository.insert(named("r2", "alice", "ledger"));

    assertThat(
            repository.locate(
                ObjectCriteria.all(100).withOwner("alice").withAttribute("Name", "ledger")))
        .containsExactly("r1", "r2");
  }
}
