package io.arca.persistence;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Keeps the embedded database's files readable by the server's user alone (0600), whatever the
 * umask. SQLite gives the write-ahead log, the shared-memory index and a rollback journal the mode
 * of the database file when it creates them, so the database file is made first with mode 0600, and
 * files a wider mode left behind are narrowed.
 */
final class SqliteFiles {
  private static final String URL_PREFIX = "jdbc:sqlite:";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final List<String> COMPANIONS = List.of("-wal", "-shm", "-journal");

  private SqliteFiles() {}

  /** Prepares the database file that {@code jdbcUrl} names, if it names a file. */
  static void ownerOnly(String jdbcUrl) {
    if (!jdbcUrl.startsWith(URL_PREFIX)) {
      return;
    }
    String name = jdbcUrl.substring(URL_PREFIX.length());
    if (name.isEmpty() || name.startsWith(":") || name.startsWith("file:")) {
      return; // in memory, or a URI whose options SQLite reads itself
    }
    Path database = Path.of(name);
    if (!database.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    try {
      try {
        Files.createFile(database, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } catch (FileAlreadyExistsException e) {
        narrow(database);
      }
      for (String suffix : COMPANIONS) {
        Path companion = database.resolveSibling(database.getFileName() + suffix);
        if (Files.exists(companion)) {
          narrow(companion);
        }
      }
    } catch (IOException e) {
      throw new PersistenceException("cannot make " + database + " private (mode 0600)", e);
    }
  }

  private static void narrow(Path file) throws IOException {
    if (!OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }
}
