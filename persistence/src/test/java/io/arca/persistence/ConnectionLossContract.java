package io.arca.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.persistence.DyingConnections.Death;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database connection lost mid-statement or mid-commit, as when the database node in use is
 * killed: the read or the write runs again on a fresh connection, and a create whose commit was
 * made but never acknowledged is answered as the success it was, while another writer's object
 * under the same identifier is still refused.
 */
abstract class ConnectionLossContract {
  private DatabaseConfig config;
  private Database database;
  private JdbcObjectRepository repository;
  private final DyingConnections dying = new DyingConnections();

  /** A config for a new, empty database; called once per test. */
  protected abstract DatabaseConfig freshDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    config = freshDatabase();
    database = Database.open(config);
    database.interpose(dying);
    repository = new JdbcObjectRepository(database);
  }

  @AfterEach
  void close() {
    repository.close();
    database.close();
  }

  @Test
  void createWhoseCommitWasMadeButNeverAcknowledgedSucceeds() throws Exception {
    StoredObject key = ObjectRepositoryContract.key("server-made-1", "alice", "Active");

    dying.arm(Death.AFTER_COMMIT);
    StoredObject stored = repository.insert(key);

    assertThat(dying.deaths()).isEqualTo(1);
    assertThat(stored).isEqualTo(key.atVersion(1));
    assertThat(repository.find("server-made-1")).contains(key.atVersion(1));
    assertThat(rowsWithUid("server-made-1")).isEqualTo(1);
  }

  @Test
  void anotherWritersObjectMetAfterACommitInDoubtIsStillADuplicate() throws Exception {
    StoredObject mine = ObjectRepositoryContract.key("client-chosen", "alice", "Active");
    StoredObject theirs = ObjectRepositoryContract.key("client-chosen", "mallory", "Active");
    // Another server on the same database, as a client-chosen identifier race between two nodes.
    dying.meanwhile(
        () -> {
          try (Database other = Database.open(config);
              JdbcObjectRepository otherRepository = new JdbcObjectRepository(other)) {
            otherRepository.insert(theirs);
          }
        });

    dying.arm(Death.COMMIT_NOT_MADE);
    assertThatThrownBy(() -> repository.insert(mine))
        .isInstanceOf(DuplicateObjectException.class)
        .hasMessageContaining("client-chosen");

    assertThat(dying.deaths()).isEqualTo(1);
    assertThat(repository.find("client-chosen")).contains(theirs.atVersion(1));
  }

  @Test
  void createCutOffMidStatementIsWrittenOnceOnAFreshConnection() throws Exception {
    StoredObject key = ObjectRepositoryContract.key("cut-create", "alice", "Active");

    dying.arm(Death.MID_STATEMENT);
    assertThat(repository.insert(key)).isEqualTo(key.atVersion(1));

    assertThat(dying.deaths()).isEqualTo(1);
    assertThat(rowsWithUid("cut-create")).isEqualTo(1);
  }

  @Test
  void getCutOffMidStatementIsReadAgainOnAFreshConnection() {
    StoredObject key = repository.insert(ObjectRepositoryContract.key("cut-get", "bob", "Active"));

    dying.arm(Death.MID_STATEMENT);
    assertThat(repository.find("cut-get")).contains(key);
    assertThat(dying.deaths()).isEqualTo(1);

    dying.arm(Death.MID_STATEMENT);
    assertThat(repository.currentVersion("cut-get")).hasValue(1);
    assertThat(dying.deaths()).isEqualTo(2);
  }

  @Test
  void updateWhoseCommitWasMadeButNeverAcknowledgedSucceedsOnce() {
    StoredObject key =
        repository.insert(ObjectRepositoryContract.key("cut-update", "bob", "Active"));

    dying.arm(Death.AFTER_COMMIT);
    StoredObject updated =
        repository.update(key.withState("Deactivated", ObjectRepositoryContract.T0));

    assertThat(dying.deaths()).isEqualTo(1);
    assertThat(updated.version()).isEqualTo(2);
    assertThat(repository.currentVersion("cut-update")).hasValue(2);
  }

  @Test
  void destroyWhoseCommitWasMadeButNeverAcknowledgedIsNoMiss() throws Exception {
    repository.insert(ObjectRepositoryContract.key("cut-delete", "bob", "Active"));

    dying.arm(Death.AFTER_COMMIT);
    assertThat(repository.delete("cut-delete")).isTrue();

    assertThat(dying.deaths()).isEqualTo(1);
    assertThat(rowsWithUid("cut-delete")).isZero();
  }

  private int rowsWithUid(String uid) throws Exception {
    return database.read(
        c -> {
          try (PreparedStatement p =
              c.prepareStatement("SELECT COUNT(*) FROM objects WHERE uid = ?")) {
            p.setString(1, uid);
            try (ResultSet r = p.executeQuery()) {
              r.next();
              return r.getInt(1);
            }
          }
        });
  }
}
