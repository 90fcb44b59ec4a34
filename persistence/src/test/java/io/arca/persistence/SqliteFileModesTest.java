package io.arca.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database's files are 0600 whatever the umask: the database, and the WAL and
 * shared-memory files SQLite makes next to it, checked after writes.
 */
class SqliteFileModesTest {
  @TempDir Path tmp;

  @BeforeEach
  void umaskLetsOthersRead() throws Exception {
    // Under a umask of 077 every file would be private anyway and this test could not fail.
    Path probe = Files.createFile(tmp.resolve("probe"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(probe)))
        .as("this test needs a umask that lets others read new files, such as 022")
        .endsWith("r--");
  }

  @Test
  void databaseWalAndShmAreReadableByTheOwnerOnly() throws Exception {
    DatabaseConfig config = DatabaseConfig.sqlite(tmp);
    try (Database database = Database.open(config)) {
      JdbcObjectRepository objects = new JdbcObjectRepository(database);
      for (int i = 0; i < 10; i++) {
        objects.insert(ObjectRepositoryContract.key("k" + i, "alice", "Active"));
      }
      objects.close();
      assertThat(tmp.resolve("arca.db-wal")).exists();
      assertThat(tmp.resolve("arca.db-shm")).exists();
      for (String name : new String[] {"arca.db", "arca.db-wal", "arca.db-shm"}) {
        assertThat(mode(tmp.resolve(name))).as(name).isEqualTo("rw-------");
      }
    }
  }

  @Test
  void filesLeftWithAWiderModeAreNarrowed() throws Exception {
    DatabaseConfig config = DatabaseConfig.sqlite(tmp);
    Database.open(config).close();
    for (String name : new String[] {"arca.db", "arca.db-wal", "arca.db-shm"}) {
      Path file = tmp.resolve(name);
      if (!Files.exists(file)) {
        Files.createFile(file);
      }
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    Database reopened = Database.open(config);
    try {
      // SQLite opens the WAL and shared-memory files it finds, keeping their mode.
      for (String name : new String[] {"arca.db", "arca.db-wal", "arca.db-shm"}) {
        assertThat(tmp.resolve(name)).exists();
        assertThat(mode(tmp.resolve(name))).as(name).isEqualTo("rw-------");
      }
    } finally {
      reopened.close();
    }
  }

  private static String mode(Path file) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }
}
