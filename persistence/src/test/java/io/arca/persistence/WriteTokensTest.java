package io.arca.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every update records a write token for the version it makes, which tells a Galera writer whether
 * the cluster holds its acknowledged update; checked here on SQLite, where the rows are the same.
 */
class WriteTokensTest {
  @TempDir Path tmp;
  private Database database;
  private JdbcObjectRepository repository;

  @BeforeEach
  void open() {
    database = Database.open(DatabaseConfig.sqlite(tmp));
    repository = new JdbcObjectRepository(database);
  }

  @AfterEach
  void close() {
    repository.close();
    database.close();
  }

  @Test
  void eachUpdateRecordsItsVersionAndOnlyTheLatestAreKept() throws Exception {
    StoredObject object = repository.insert(ObjectRepositoryContract.key("k", "alice", "Active"));
    for (int i = 0; i < 10; i++) {
      object =
          repository.update(
              object.withState(i % 2 == 0 ? "PreActive" : "Active", object.updatedAt()));
    }

    assertThat(object.version()).isEqualTo(11);
    assertThat(recordedVersions("k")).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    repository.delete("k");
    assertThat(recordedVersions("k")).isEmpty();
  }

  @Test
  void anUpdateIsHeldByItsOwnTokenNotByAnotherWritersOrAVersionNeverReached() throws Exception {
    StoredObject v1 = repository.insert(ObjectRepositoryContract.key("k", "alice", "Active"));
    database.transaction(c -> ObjectRows.update(c, v1, UniqueNames.none(), "a".repeat(32)));

    assertThat(held("k", 2, "a".repeat(32))).isTrue();
    assertThat(held("k", 2, "b".repeat(32))).as("another writer's token").isFalse();
    assertThat(held("k", 3, "a".repeat(32))).as("a version no update reached").isFalse();
    assertThat(held("gone", 2, "a".repeat(32))).as("an object deleted since").isTrue();
  }

  @Test
  void aVersionPrunedByLaterUpdatesCountsAsHeld() throws Exception {
    StoredObject object = repository.insert(ObjectRepositoryContract.key("k", "alice", "Active"));
    object = repository.update(object.withState("PreActive", object.updatedAt()));
    for (int i = 0; i < ObjectRows.WRITES_KEPT; i++) {
      object = repository.update(object.withState("Active", object.updatedAt()));
    }

    assertThat(recordedVersions("k")).doesNotContain(2L);
    assertThat(held("k", 2, "c".repeat(32))).isTrue();
  }

  private boolean held(String uid, long version, String token) throws Exception {
    return database.causalRead(c -> ObjectRows.updateHeld(c, uid, version, token));
  }

  private List<Long> recordedVersions(String uid) throws Exception {
    return database.causalRead(
        c -> {
          List<Long> versions = new ArrayList<>();
          try (PreparedStatement p =
              c.prepareStatement(
                  "SELECT version FROM object_writes WHERE uid = ? ORDER BY version")) {
            p.setString(1, uid);
            try (ResultSet r = p.executeQuery()) {
              while (r.next()) {
                versions.add(r.getLong(1));
              }
            }
          }
          return versions;
        });
  }
}
