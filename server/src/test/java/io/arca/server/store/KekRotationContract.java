package io.arca.server.store;

import static io.arca.server.store.TestObjects.aesDraft;
import static io.arca.server.store.TestObjects.aesKey;
import static io.arca.server.store.TestObjects.keyBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.DatabaseDumps;
import io.arca.persistence.JdbcAuditRepository;
import io.arca.persistence.JdbcKekRepository;
import io.arca.persistence.JdbcObjectRepository;
import io.arca.persistence.StoredAuditKey;
import io.arca.persistence.StoredKek;
import io.arca.server.audit.AuditKeys;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server KEK against a real database: checked at start (each mismatch named), and rotated while
 * a server reads and writes, with the rotating process killed halfway and resumed.
 */
abstract class KekRotationContract {
  private static final Duration RECHECK = Duration.ofMillis(100);

  @TempDir Path dataDir;
  @TempDir Path otherDataDir;

  private final List<AutoCloseable> opened = new ArrayList<>();
  private final SecureRandom random = new SecureRandom();

  protected abstract DatabaseConfig freshDatabase(Path dataDir) throws Exception;

  protected abstract byte[] dump(DatabaseConfig config, Path dataDir) throws Exception;

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
  }

  private Database open(DatabaseConfig config) {
    Database database = Database.open(config);
    opened.add(0, database);
    return database;
  }

  private DatabaseStore store(Database database, KeyWrapper kek, KeyCacheSettings cache) {
    JdbcObjectRepository repository = new JdbcObjectRepository(database);
    opened.add(0, repository);
    return new DatabaseStore(repository, kek, cache);
  }

  private static KekRing start(Database database, Path dir) throws Exception {
    return KekStartup.open(
        new JdbcKekRepository(database),
        new JdbcAuditRepository(database),
        new KekSource(dir, null, new SecureRandom()),
        null,
        RECHECK);
  }

  /** Writes a KEK file as an operator restoring one would: owner-only. */
  private static void writeKek(Path file, byte[] key) throws Exception {
    Files.write(file, key);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }

  private static void assertReadsBack(DatabaseStore store, List<String> uids) {
    for (String uid : uids) {
      try (ObjectContent content = store.content(uid).orElseThrow()) {
        assertThat(content.structure()).as(uid).isEqualTo(aesKey(keyBytes(uid)));
      }
    }
  }

  @Test
  void aFreshDatabaseRecordsItsKekAndStartRefusesEveryOther() throws Exception {
    Database database = open(freshDatabase(dataDir));
    KekRing kek = start(database, dataDir);
    assertThat(kek.id()).isEqualTo(LocalKek.ID);
    List<StoredKek> recorded = new JdbcKekRepository(database).all();
    assertThat(recorded).singleElement().satisfies(k -> assertThat(k.current()).isTrue());
    AuditKeys.openOrCreate(new JdbcAuditRepository(database), kek, random);
    store(database, kek, KeyCacheSettings.DEFAULTS)
        .create(aesDraft("k1", null), aesKey(keyBytes("k1")));
    Path file = dataDir.resolve("kek");
    byte[] original = Files.readAllBytes(file);

    // The same file opens again.
    assertThat(start(database, dataDir).id()).isEqualTo(LocalKek.ID);

    byte[] other = new byte[32];
    random.nextBytes(other);
    writeKek(file, other);
    assertThatThrownBy(() -> start(database, dataDir))
        .isInstanceOf(KekMismatchException.class)
        .hasMessageStartingWith("wrong KEK file: " + file);

    Files.delete(file);
    assertThatThrownBy(() -> start(database, dataDir))
        .isInstanceOf(KekMismatchException.class)
        .hasMessageStartingWith("missing KEK file: " + file + " does not exist")
        .hasMessageContaining("holds 3 objects and keys");
    assertThat(file).as("no new KEK is made over stored objects").doesNotExist();

    // A second server on the same database with a KEK file of its own.
    LocalKek.openOrCreate(otherDataDir.resolve("kek"), random);
    assertThatThrownBy(() -> start(database, otherDataDir))
        .isInstanceOf(KekMismatchException.class)
        .hasMessageStartingWith("another server's key: " + otherDataDir.resolve("kek"))
        .hasMessageContaining(dataDir.toAbsolutePath().normalize().toString());

    // An HSM key the database does not use.
    assertThatThrownBy(
            () ->
                KekStartup.open(
                    new JdbcKekRepository(database),
                    new JdbcAuditRepository(database),
                    new KekSource(dataDir, null, random),
                    "hsm::0::other-kek",
                    RECHECK))
        .isInstanceOf(KekMismatchException.class)
        .hasMessageContaining("kek-id hsm::0::other-kek is not a KEK of this database")
        .hasMessageContaining("kek rotate --to hsm::0::other-kek");

    writeKek(file, original);
    assertReadsBack(
        store(database, start(database, dataDir), KeyCacheSettings.DEFAULTS), List.of("k1"));
  }

  @Test
  void aDatabaseFromBeforeKekRecordsIsCheckedAgainstItsAuditKeys() throws Exception {
    Database database = open(freshDatabase(dataDir));
    // As a server before this version did: the KEK straight from its file, nothing recorded.
    LocalKek legacy = LocalKek.openOrCreate(dataDir.resolve("kek"), random);
    AuditKeys.openOrCreate(new JdbcAuditRepository(database), legacy, random);
    store(database, legacy, KeyCacheSettings.DEFAULTS)
        .create(aesDraft("old", null), aesKey(keyBytes("old")));
    byte[] original = Files.readAllBytes(dataDir.resolve("kek"));

    byte[] other = new byte[32];
    random.nextBytes(other);
    writeKek(dataDir.resolve("kek"), other);
    assertThatThrownBy(() -> start(database, dataDir))
        .isInstanceOf(KekMismatchException.class)
        .hasMessageStartingWith("wrong KEK file");
    Files.delete(dataDir.resolve("kek"));
    assertThatThrownBy(() -> start(database, dataDir))
        .isInstanceOf(KekMismatchException.class)
        .hasMessageStartingWith("missing KEK file");
    assertThat(new JdbcKekRepository(database).all()).isEmpty();

    writeKek(dataDir.resolve("kek"), original);
    KekRing kek = start(database, dataDir);
    assertThat(new JdbcKekRepository(database).current().orElseThrow().kekId())
        .isEqualTo(LocalKek.ID);
    assertReadsBack(store(database, kek, KeyCacheSettings.DEFAULTS), List.of("old"));
  }

  @Test
  void rotationUnderLoadSurvivesAKillAndResumesWithEveryObjectReadable() throws Exception {
    DatabaseConfig config = freshDatabase(dataDir);
    Database database = open(config);
    KekRing serverKek = start(database, dataDir);
    JdbcAuditRepository audit = new JdbcAuditRepository(database);
    AuditKeys.openOrCreate(audit, serverKek, random);
    // A small cache, rechecked often: most reads go to the database and unwrap.
    DatabaseStore server =
        store(database, serverKek, new KeyCacheSettings(8, Duration.ofSeconds(5), RECHECK));
    List<String> acknowledged = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String uid = "before-" + i;
      server.create(aesDraft(uid, null), aesKey(keyBytes(uid)));
      acknowledged.add(uid);
    }

    // The load: a client thread creating and reading back, before, during and after the rotation.
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicLong reads = new AtomicLong();
    Thread load =
        new Thread(
            () -> {
              try {
                for (int n = 0; !stop.get(); n++) {
                  String uid = "during-" + n;
                  server.create(aesDraft(uid, null), aesKey(keyBytes(uid)));
                  synchronized (acknowledged) {
                    acknowledged.add(uid);
                  }
                  for (int r = 0; r < 4; r++) {
                    String read;
                    synchronized (acknowledged) {
                      read =
                          acknowledged.get(
                              ThreadLocalRandom.current().nextInt(acknowledged.size()));
                    }
                    assertReadsBack(server, List.of(read));
                    reads.incrementAndGet();
                  }
                }
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "client-load");
    load.start();

    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                RotateUntilKilled.class.getName(),
                dataDir.toString(),
                config.dialect().name(),
                config.jdbcUrl())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    long movedWhenKilled = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("moved ")) {
          String counts = line.substring("moved ".length());
          int space = counts.indexOf(' ');
          movedWhenKilled = Long.parseLong(counts.substring(0, space));
          if (movedWhenKilled * 2 >= Long.parseLong(counts.substring(space + 1))) {
            break;
          }
        }
      }
      // SIGKILL between (or inside) batches.
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(movedWhenKilled).as("the child moved rows before it was killed").isPositive();

    JdbcKekRepository keks = new JdbcKekRepository(database);
    String newKek = keks.current().orElseThrow().kekId();
    assertThat(newKek).startsWith(LocalKek.ID + "-");
    assertThat(keks.countWrappedBy(LocalKek.ID)).as("halfway: left under the old KEK").isPositive();
    assertThat(keks.countWrappedBy(newKek)).as("halfway: moved to the new KEK").isPositive();
    assertThat(keks.retire(LocalKek.ID, System.currentTimeMillis()))
        .as("the old KEK is not retired while it wraps rows")
        .isPositive();
    Thread.sleep(300);
    assertThat(failure.get()).as("reads and writes halfway").isNull();

    // A restarted process opens both KEKs, and the rotation resumes where it stopped.
    KekRing restarted = start(database, dataDir);
    assertThat(restarted.openIds()).containsExactlyInAnyOrder(LocalKek.ID, newKek);
    List<Long> progress = new ArrayList<>();
    KekRotation.Result result =
        new KekRotation(keks, audit, restarted, new KekSource(dataDir, null, random), 50)
            .rotateTo("local", (target, done, total) -> progress.add(done));
    assertThat(result.target()).isEqualTo(newKek);
    assertThat(result.remaining()).isZero();
    assertThat(progress).isNotEmpty().isSorted();

    Thread.sleep(300);
    stop.set(true);
    load.join(30_000);
    assertThat(failure.get()).as("reads and writes during and after").isNull();
    assertThat(reads.get()).isPositive();

    // Under the new KEK alone: every acknowledged object, the audit keys.
    assertThat(keks.countWrappedBy(LocalKek.ID)).isZero();
    assertThat(audit.key(StoredAuditKey.CHAIN).orElseThrow().kekId()).isEqualTo(newKek);
    assertThat(audit.key(StoredAuditKey.CHECKPOINT).orElseThrow().kekId()).isEqualTo(newKek);
    assertThat(keks.retire(LocalKek.ID, System.currentTimeMillis())).isZero();
    assertThat(keks.all())
        .filteredOn(k -> k.kekId().equals(LocalKek.ID))
        .singleElement()
        .satisfies(k -> assertThat(k.inUse()).isFalse());

    // Retired, the old file may go: a fresh start opens the new KEK alone and reads everything.
    Files.delete(dataDir.resolve("kek"));
    KekRing afterwards = start(database, dataDir);
    assertThat(afterwards.openIds()).containsExactly(newKek);
    List<String> all;
    synchronized (acknowledged) {
      all = List.copyOf(acknowledged);
    }
    assertReadsBack(store(database, afterwards, KeyCacheSettings.DEFAULTS), all);
    assertThat(AuditKeys.open(audit, afterwards)).isPresent();

    byte[] everything = dump(config, dataDir);
    assertThat(DatabaseDumps.indexOf(everything, newKek.getBytes(StandardCharsets.UTF_8)))
        .as("the scan sees the database")
        .isNotNegative();
    Map<Long, String> windows = new HashMap<>();
    for (String uid : all) {
      ByteBuffer key = ByteBuffer.wrap(keyBytes(uid));
      for (int from = 0; from + Long.BYTES <= key.capacity(); from += Long.BYTES) {
        windows.put(key.getLong(from), uid);
      }
    }
    assertThat(DatabaseDumps.firstWindowFound(everything, windows))
        .as("an object whose key bytes are in the database in clear")
        .isNull();
  }
}
