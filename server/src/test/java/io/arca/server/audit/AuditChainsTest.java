package io.arca.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.persistence.AuditCheckpoint;
import io.arca.persistence.AuditEntry;
import io.arca.persistence.AuditRecord;
import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.JdbcAuditRepository;
import io.arca.server.store.LocalKek;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes share one database and write the audit log at once, each to its own chain with its own
 * journal, file and checkpoints: both chains verify; a record edited in one chain is found and that
 * chain named, the other still intact; one chain cut back with its own checkpoints is still found
 * by the other chain's checkpoints, which saw its head.
 */
class AuditChainsTest {
  private static final int RECORDS_PER_THREAD = 150;
  private static final int THREADS_PER_NODE = 2;

  @TempDir Path dir;
  private DatabaseConfig config;
  private Database database;
  private LocalKek kek;
  private AuditCheckpoint checkpointOfA;

  @BeforeEach
  void twoNodesWriteAtOnce() throws Exception {
    config = config();
    database = Database.open(config);
    kek = LocalKek.openOrCreate(dir.resolve("kek"), new SecureRandom());
    try (AuditWriter a = writer("node-a");
        AuditWriter b = writer("node-b")) {
      ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS_PER_NODE; t++) {
          for (AuditWriter writer : List.of(a, b)) {
            String thread = "t" + t;
            done.add(
                threads.submit(
                    () -> {
                      for (int i = 0; i < RECORDS_PER_THREAD; i++) {
                        writer.record(entry(thread + "-" + i));
                      }
                    }));
          }
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        threads.shutdown();
      }
      a.flush();
      b.flush();
      checkpointOfA = Objects.requireNonNull(a.checkpoint());
      Objects.requireNonNull(b.checkpoint());
    }
  }

  /** The database both nodes write to: the embedded one here. */
  DatabaseConfig config() throws Exception {
    return DatabaseConfig.sqlite(dir);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void bothChainsVerifyAfterConcurrentWrites() throws Exception {
    long perNode = 1 + (long) THREADS_PER_NODE * RECORDS_PER_THREAD; // with the chain's start
    String out = verify(null, true);
    assertThat(out)
        .contains("database, chain legacy: 1 audit records, chain intact")
        .contains("database, chain node-a: " + perNode + " audit records, chain intact")
        .contains("database, chain node-b: " + perNode + " audit records, chain intact")
        .contains("chain node-a: 1 signed checkpoints hold, the last at record " + perNode)
        .contains("chain node-b: 1 signed checkpoints hold, the last at record " + perNode);
    assertThat(verify(file("node-a"), true))
        .contains("chain node-a: " + perNode + " audit records, chain intact")
        .contains("agree on the file's " + perNode + " records");
    assertThat(verify(file("node-b"), true))
        .contains("agree on the file's " + perNode + " records");
    JdbcAuditRepository repository = new JdbcAuditRepository(database);
    AuditRecord start = repository.records("node-a").next();
    assertThat(start.entry().operation())
        .as("a node's chain starts with the record that marks it keyed")
        .isEqualTo(AuditRecord.KEYED);
    assertThat(checkpointOfA.seenHeads())
        .as("node A's checkpoint names the other chains' heads it saw")
        .extracting(AuditCheckpoint.Head::chain)
        .containsExactly("legacy", "node-b");
  }

  @Test
  void aRecordEditedInOneChainIsFoundAndItsChainNamed() throws Exception {
    execute("UPDATE audit_log SET user_name = 'mallory' WHERE chain = 'node-b' AND seq = 40");
    assertThat(verify(null, false))
        .contains("database, chain node-b: chain broken at record 40")
        .contains("database, chain node-a: ")
        .doesNotContain("database, chain node-a: chain broken");
  }

  @Test
  void aChainCutBackWithItsOwnCheckpointsIsFoundByTheOtherChains() throws Exception {
    execute("DELETE FROM audit_log WHERE chain = 'node-b' AND seq > 100");
    execute("DELETE FROM audit_checkpoints WHERE chain = 'node-b'");
    assertThat(verify(null, false))
        .contains("database, chain node-b: 100 audit records, chain intact")
        .contains("chain node-a: checkpoint of record " + checkpointOfA.seq())
        .contains("it saw chain node-b at record");
    assertThat(verify(file("node-b"), false))
        .contains("disagree at chain node-b's record 101: the database does not hold it");
  }

  @Test
  void aChainDeletedWholeIsFoundByItsCheckpoints() throws Exception {
    execute("DELETE FROM audit_log WHERE chain = 'node-a'");
    assertThat(verify(null, false))
        .contains("database, chain node-a: chain broken at record 1")
        .contains("chain node-a: checkpoint of record " + checkpointOfA.seq())
        .contains("database, chain node-b: ");
  }

  private AuditWriter writer(String node) throws Exception {
    JdbcAuditRepository repository = new JdbcAuditRepository(database).forChain(node);
    AuditKeys keys = AuditKeys.openOrCreate(repository, kek, new SecureRandom());
    return new AuditWriter(
        repository.keyedWith(keys.keying().key()),
        new AuditJournal(dir.resolve(node + "-journal"), 16L << 20, false),
        keys,
        false,
        file(node));
  }

  private Path file(String node) {
    return dir.resolve(node + ".audit.log");
  }

  private String verify(@Nullable Path file, boolean expected) throws Exception {
    StringWriter out = new StringWriter();
    boolean intact = AuditVerifier.verify(config, kek, file, new PrintWriter(out));
    assertThat(intact).as(out.toString()).isEqualTo(expected);
    return out.toString();
  }

  private void execute(String sql) throws Exception {
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      s.execute(sql);
      c.commit();
    }
  }

  private static AuditEntry entry(String uid) {
    return new AuditEntry(
        System.currentTimeMillis(), "alice", "10.0.0.1", "Get", uid, "Success", null);
  }
}
