package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.ttlv.ByteString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/arca-server backup} of a serving {@code bin/arca-server}, then {@code restore} into a
 * fresh data directory and database, as an operator runs them: the audit chain verifies there, a
 * server started on it reads every key, and no key's bytes are in the backup in clear.
 */
abstract class BackupRestoreProcessContract {
  private static final Pattern LISTENING = Pattern.compile("Arca listens on [^ ]+:(\\d+) ");

  @TempDir Path dir;

  /** The flags that name a new, empty database (none: the embedded one in the data directory). */
  abstract List<String> freshDatabaseFlags() throws Exception;

  @Test
  void backupOfAServingServerRestoresIntoAFreshDirectoryWithItsChainIntact() throws Exception {
    Launcher launcher = Launcher.in(dir.resolve("dist"));
    Path data = dir.resolve("data");
    List<String> flags = with(List.of("--data-dir", data.toString()), freshDatabaseFlags());
    Path backup = dir.resolve("backup");
    Map<String, ByteString> keys;
    try (Launcher.Running server = launcher.start(serve(flags))) {
      int port = Integer.parseInt(server.await(LISTENING).group(1));
      LauncherClient client = new LauncherClient(data, port);
      keys = client.register(40);
      client.assertReadable(keys);

      Launcher.Finished done =
          launcher.run(with(flags, List.of("backup", "--to", backup.toString())));
      assertThat(done.exitCode()).as(done.output()).isZero();
      server.stop();
    }
    assertNoKeyInClear(backup, keys);

    Path restored = Files.createDirectory(dir.resolve("restored"));
    // The KEK is kept apart from backups: the operator copies it to the new data directory.
    Files.copy(data.resolve("kek"), restored.resolve("kek"));
    List<String> restoredFlags =
        with(List.of("--data-dir", restored.toString()), freshDatabaseFlags());
    Launcher.Finished loaded =
        launcher.run(with(restoredFlags, List.of("restore", "--from", backup.toString())));
    assertThat(loaded.exitCode()).as(loaded.output()).isZero();
    Launcher.Finished verified = launcher.run(with(restoredFlags, List.of("audit", "verify")));
    assertThat(verified.exitCode()).as(verified.output()).isZero();

    try (Launcher.Running server = launcher.start(serve(restoredFlags))) {
      int port = Integer.parseInt(server.await(LISTENING).group(1));
      // A new development PKI in the new directory, with the same admin user, who owns the keys.
      new LauncherClient(restored, port).assertReadable(keys);
      server.stop();
    }
    Launcher.Finished after = launcher.run(with(restoredFlags, List.of("audit", "verify")));
    assertThat(after.exitCode())
        .as("the chain grown by the restored server: " + after.output())
        .isZero();
  }

  /** No file of the backup holds any key's bytes, whole or as hex. */
  private static void assertNoKeyInClear(Path backup, Map<String, ByteString> keys)
      throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(backup)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      byte[] content = Files.readAllBytes(file);
      String text = new String(content, java.nio.charset.StandardCharsets.ISO_8859_1);
      for (ByteString key : keys.values()) {
        byte[] bytes = key.toByteArray();
        assertThat(indexOf(content, bytes)).as("a key's bytes in %s", file).isNegative();
        assertThat(text.toLowerCase(java.util.Locale.ROOT))
            .as("a key's hex in %s", file)
            .doesNotContain(java.util.HexFormat.of().formatHex(bytes));
      }
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
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

  private static List<String> serve(List<String> flags) {
    // Not the default 127.0.0.1:9696, which another process on the machine may hold.
    return with(flags, List.of("--port", "0", "--admin-bind", "off"));
  }

  private static List<String> with(List<String> flags, List<String> more) {
    List<String> all = new ArrayList<>(flags);
    all.addAll(more);
    return all;
  }
}
