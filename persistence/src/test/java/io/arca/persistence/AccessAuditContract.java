package io.arca.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the grant and audit tables (migration V002) must do on every back end: each subclass
 * supplies a fresh, empty database per test.
 */
abstract class AccessAuditContract {
  private Database database;
  private JdbcGrantRepository grants;
  private JdbcAuditRepository audit;

  /** A config for a new, empty database; called once per test. */
  protected abstract DatabaseConfig freshDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    database = Database.open(freshDatabase());
    grants = new JdbcGrantRepository(database);
    audit = new JdbcAuditRepository(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void grantsToAUserIncludeTheGrantsToEveryUser() {
    grants.add(
        List.of(
            new StoredGrant("bob", "k1", "Get"),
            new StoredGrant("bob", "k1", "Encrypt"),
            new StoredGrant("*", "k2", "Locate"),
            new StoredGrant("carol", "k1", "Get")));
    assertThat(grants.grantsTo("bob"))
        .containsExactlyInAnyOrder(
            new StoredGrant("bob", "k1", "Get"),
            new StoredGrant("bob", "k1", "Encrypt"),
            new StoredGrant("*", "k2", "Locate"));
    assertThat(grants.grantsOn("k1")).hasSize(3);
  }

  @Test
  void addingAGrantTwiceKeepsOneRowAndRemovingIgnoresAbsentRows() {
    StoredGrant get = new StoredGrant("bob", "k1", "Get");
    grants.add(List.of(get));
    grants.add(List.of(get, new StoredGrant("bob", "*", "Create")));
    assertThat(grants.grantsTo("bob")).hasSize(2);
    grants.remove(List.of(get, new StoredGrant("bob", "k9", "Get")));
    assertThat(grants.grantsTo("bob")).containsExactly(new StoredGrant("bob", "*", "Create"));
  }

  @Test
  void appendedRecordsFormAnIntactChain() {
    audit.append(List.of(entry("Create", "k1"), entry("Get", "k1")));
    audit.append(List.of(entry("Destroy", "k1")));
    AuditChain.Result result = AuditChain.verify(audit.all());
    assertThat(result.intact()).as(String.valueOf(result.why())).isTrue();
    assertThat(result.records()).isEqualTo(3);
    assertThat(audit.last()).extracting(AuditRecord::seq).isEqualTo(3L);
  }

  @Test
  void aLargeBatchIsStoredWholeInOrder() {
    // More than two multi-row statements' worth, with a remainder: every row, in order, chained.
    List<AuditEntry> batch = new ArrayList<>();
    for (int i = 0; i < 75; i++) {
      batch.add(i % 5 == 4 ? failed("Get", "k" + i) : entry("Get", "k" + i));
    }
    audit.append(List.of(entry("Create", "k0")));

    List<AuditRecord> written = audit.append(batch);

    List<AuditRecord> stored = new ArrayList<>();
    audit.all().forEachRemaining(stored::add);
    assertThat(stored).hasSize(76);
    assertThat(stored.subList(1, 76)).containsExactlyElementsOf(written);
    assertThat(stored.subList(1, 76)).extracting(AuditRecord::entry).isEqualTo(batch);
    AuditChain.Result result = AuditChain.verify(audit.all());
    assertThat(result.intact()).as(String.valueOf(result.why())).isTrue();
  }

  @Test
  void aDeletedRecordIsNamedByTheOneAfterIt() throws Exception {
    audit.append(List.of(entry("Create", "k1"), entry("Get", "k1"), entry("Destroy", "k1")));
    execute("DELETE FROM audit_log WHERE seq = 2");
    AuditChain.Result result = AuditChain.verify(audit.all());
    assertThat(result.firstBroken()).isEqualTo(3L);
    assertThat(result.why()).contains("missing");
  }

  @Test
  void anEditedRecordIsNamed() throws Exception {
    audit.append(List.of(entry("Create", "k1"), entry("Get", "k1"), entry("Destroy", "k1")));
    execute("UPDATE audit_log SET user_name = 'mallory' WHERE seq = 2");
    AuditChain.Result result = AuditChain.verify(audit.all());
    assertThat(result.firstBroken()).isEqualTo(2L);
    assertThat(result.why()).contains("edited");
  }

  @Test
  void twoWritersOnOneDatabaseExtendOneChain() throws Exception {
    // Two repositories stand for two servers sharing the database.
    JdbcAuditRepository other = new JdbcAuditRepository(database);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        JdbcAuditRepository writer = i % 2 == 0 ? audit : other;
        String uid = "k" + i;
        done.add(pool.submit(() -> writer.append(List.of(entry("Get", uid), entry("Check", uid)))));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    AuditChain.Result result = AuditChain.verify(audit.all());
    assertThat(result.intact()).as(String.valueOf(result.why())).isTrue();
    assertThat(result.records()).isEqualTo(80);
  }

  private static AuditEntry failed(String operation, String uid) {
    return new AuditEntry(
        1_700_000_000_001L,
        "bob",
        "127.0.0.1:5001",
        operation,
        uid,
        "Operation Failed",
        "Permission Denied");
  }

  private static AuditEntry entry(String operation, String uid) {
    return new AuditEntry(
        1_700_000_000_000L, "alice", "127.0.0.1:5000", operation, uid, "Success", null);
  }

  private void execute(String sql) throws Exception {
    try (Connection c = database.connection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.executeUpdate();
      c.commit();
    }
  }
}
