package io.arca.server.auth;

import io.arca.server.auth.CredentialEntry.Field;
import io.arca.server.auth.CredentialEntry.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The credentials file ({@code --credentials-file}), one entry a line, written by {@code
 * arca-server credentials add|remove} and read by the server, which sees a change within a second:
 *
 * <pre>
 * user alice password=$argon2id$v=19$m=19456,t=2,p=1$...$...
 * device sensor-7 serial=SN-0042 network-id=10.0.0.7 password=$argon2id$...
 * attestation host-3 type=TPMQuote measurement-sha256=&lt;64 hex digits&gt;
 * </pre>
 *
 * Values are percent-encoded where they hold {@code %}, white space or control characters. Lines
 * starting with {@code #} and blank lines are ignored. No password is ever in it, only hashes.
 */
public final class CredentialFile {
  private static final String PASSWORD = "password";

  private final Path file;
  private volatile Snapshot snapshot = new Snapshot(null, List.of());
  private volatile long checkedAt = Long.MIN_VALUE;

  private record Snapshot(@Nullable FileTime modified, List<CredentialEntry> entries) {}

  /** The file at {@code file}, read on first use. */
  public CredentialFile(Path file) {
    this.file = file;
  }

  /** Where the file is. */
  public Path path() {
    return file;
  }

  /**
   * The entries as the file holds them now, read again when it changed (looked at most once a
   * second). A file that cannot be read or parsed keeps the last good entries.
   *
   * @throws UncheckedIOException if the file never could be read
   */
  public List<CredentialEntry> entries() {
    long now = System.nanoTime();
    if (snapshot.modified() != null && now - checkedAt < 1_000_000_000L) {
      return snapshot.entries();
    }
    synchronized (this) {
      checkedAt = now;
      try {
        FileTime modified = Files.getLastModifiedTime(file);
        if (!modified.equals(snapshot.modified())) {
          snapshot = new Snapshot(modified, read(file));
        }
      } catch (IOException | IllegalArgumentException e) {
        if (snapshot.modified() == null) {
          throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
      }
      return snapshot.entries();
    }
  }

  /** Reads and checks every entry of {@code file}; a missing file has none. */
  public static List<CredentialEntry> read(Path file) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    }
    List<CredentialEntry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        entries.add(parse(line));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(entries);
  }

  /** Replaces {@code file} by these entries, atomically, with mode 0600. */
  public static void write(Path file, List<CredentialEntry> entries) throws IOException {
    StringBuilder text =
        new StringBuilder("# Arca credentials: arca-server credentials add|remove\n");
    for (CredentialEntry entry : entries) {
      text.append(format(entry)).append('\n');
    }
    Path parent = file.toAbsolutePath().getParent();
    Path temporary = Files.createTempFile(parent, ".credentials", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: its own rules apply.
      }
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  static CredentialEntry parse(String line) {
    String[] words = line.split("[ \t]+", -1);
    if (words.length < 2) {
      throw new IllegalArgumentException("expected: user|device|attestation NAME key=value...");
    }
    Kind kind = null;
    for (Kind candidate : Kind.values()) {
      if (candidate.word().equals(words[0])) {
        kind = candidate;
      }
    }
    if (kind == null) {
      throw new IllegalArgumentException("unknown kind (expected: user, device or attestation)");
    }
    Map<Field, String> fields = new EnumMap<>(Field.class);
    String hash = null;
    for (int i = 2; i < words.length; i++) {
      int equals = words[i].indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("field " + i + ": expected key=value");
      }
      String key = words[i].substring(0, equals);
      String value = unescape(words[i].substring(equals + 1));
      if (key.equals(PASSWORD)) {
        hash = value;
        continue;
      }
      Field field = Field.byWord(key);
      if (field == null || fields.put(field, value) != null) {
        throw new IllegalArgumentException("field " + i + ": unknown or repeated key");
      }
    }
    return new CredentialEntry(kind, unescape(words[1]), fields, hash);
  }

  static String format(CredentialEntry entry) {
    StringBuilder line = new StringBuilder(entry.kind().word()).append(' ');
    line.append(escape(entry.user()));
    entry
        .fields()
        .forEach(
            (field, value) ->
                line.append(' ').append(field.word()).append('=').append(escape(value)));
    if (entry.passwordHash() != null) {
      line.append(' ').append(PASSWORD).append('=').append(entry.passwordHash());
    }
    return line.toString();
  }

  private static String escape(String value) {
    StringBuilder out = new StringBuilder();
    value
        .codePoints()
        .forEach(
            c -> {
              if (c == '%' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
                  out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
                }
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  private static String unescape(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[utf8.length];
    int n = 0;
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] == '%') {
        if (i + 2 >= utf8.length) {
          throw new IllegalArgumentException("a % is not followed by two hex digits");
        }
        out[n++] =
            (byte) HexFormat.fromHexDigits(new String(utf8, i + 1, 2, StandardCharsets.US_ASCII));
        i += 2;
      } else {
        out[n++] = utf8[i];
      }
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }
}
