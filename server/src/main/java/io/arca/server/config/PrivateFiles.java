package io.arca.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files only the server's user may read, whatever the umask: the data directory 0700; the audit
 * file and the client settings 0600 (the KEK: {@code store.LocalKek}; the database's own files:
 * {@code persistence}). New ones are created with that mode, never narrowed after the fact;
 * existing ones with a wider mode are narrowed, with a warning. On a file system without POSIX
 * permissions nothing is changed.
 */
public final class PrivateFiles {
  private static final Logger log = LoggerFactory.getLogger(PrivateFiles.class);
  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  /** Creates {@code directory} (and missing parents) with mode 0700, or narrows it to that. */
  public static Path directory(Path directory) throws IOException {
    if (!posix(directory)) {
      return Files.createDirectories(directory);
    }
    Path parent = directory.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
    } catch (FileAlreadyExistsException e) {
      narrow(directory, DIRECTORY);
    }
    return directory;
  }

  /** Creates {@code file} empty with mode 0600 if it does not exist, or narrows it to that. */
  public static Path file(Path file) throws IOException {
    if (!posix(file)) {
      return Files.exists(file) ? file : Files.createFile(file);
    }
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
    } catch (FileAlreadyExistsException e) {
      narrow(file, FILE);
    }
    return file;
  }

  /** Writes {@code text} to a new file of mode 0600; refuses to replace an existing one. */
  public static void writeNew(Path file, String text) throws IOException {
    if (posix(file)) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
    } else {
      Files.createFile(file);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
  }

  private static void narrow(Path path, Set<PosixFilePermission> mode) throws IOException {
    Set<PosixFilePermission> now = Files.getPosixFilePermissions(path);
    if (!mode.containsAll(now)) {
      log.warn(
          "{} was {}; narrowed to {}",
          path.toAbsolutePath(),
          PosixFilePermissions.toString(now),
          PosixFilePermissions.toString(mode));
      Files.setPosixFilePermissions(path, mode);
    }
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
