package io.arca.persistence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Everything a database holds, as bytes, for tests that scan for sentinel patterns: the SQLite file
 * with its WAL, or {@code mariadb-dump} output.
 */
public final class DatabaseDumps {
  private DatabaseDumps() {}

  /** The bytes of {@code <dataDir>/arca.db} followed by its WAL and shared-memory files, if any. */
  public static byte[] sqlite(Path dataDir) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String name : List.of("arca.db", "arca.db-wal", "arca.db-shm")) {
      Path file = dataDir.resolve(name);
      if (Files.exists(file)) {
        out.write(Files.readAllBytes(file));
      }
    }
    return out.toByteArray();
  }

  /** {@code mariadb-dump} of one database, blobs written as they are (no hex). */
  public static byte[] mariadb(String host, int port, String user, String database)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                "mariadb-dump",
                "--protocol=TCP",
                "--host=" + host,
                "--port=" + port,
                "--user=" + user,
                "--skip-extended-insert",
                database)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] dump = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("mariadb-dump of " + database + " failed");
    }
    return dump;
  }

  /** Where {@code needle} first occurs in {@code haystack}, or -1. */
  public static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * The label of the first 8-byte window of {@code windows} (a window's bytes as a big-endian long,
   * mapped to what it is part of) that occurs anywhere in {@code haystack}, or null: one pass over
   * the haystack whatever the number of windows, where {@link #indexOf} per window would take one
   * pass each.
   */
  public static @Nullable String firstWindowFound(byte[] haystack, Map<Long, String> windows) {
    if (haystack.length < Long.BYTES) {
      return null;
    }
    ByteBuffer bytes = ByteBuffer.wrap(haystack);
    for (int i = 0; i + Long.BYTES <= haystack.length; i++) {
      String found = windows.get(bytes.getLong(i));
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
