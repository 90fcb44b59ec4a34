package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.ttlv.ByteString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/arca-server kek rotate} as an operator runs it, beside a serving {@code
 * bin/arca-server}: killed with SIGKILL halfway, every object still reads (under the old KEK or the
 * new one); run again, it resumes and finishes; the old KEK is then retired and its file deleted,
 * and a restarted server still reads every object. On the embedded database and on MariaDB.
 */
abstract class KekRotationProcessContract {
  private static final Pattern LISTENING = Pattern.compile("Arca listens on [^ ]+:(\\d+) ");
  private static final Pattern PROGRESS =
      Pattern.compile("kek rotate: (\\d+) of (\\d+) re-wrapped");
  private static final int OBJECTS = 300;

  @TempDir Path dir;

  /** The flags that name the database (none: the embedded one in the data directory). */
  abstract List<String> databaseFlags() throws Exception;

  @Test
  void rotationKilledHalfwayResumesAndEveryObjectStaysReadable() throws Exception {
    Launcher launcher = Launcher.in(dir.resolve("dist"));
    Path data = dir.resolve("data");
    List<String> flags = new ArrayList<>(List.of("--data-dir", data.toString()));
    flags.addAll(databaseFlags());
    Map<String, ByteString> keys;
    String oldKek;
    try (Launcher.Running server = launcher.start(serve(flags))) {
      int port = Integer.parseInt(server.await(LISTENING).group(1));
      LauncherClient client = new LauncherClient(data, port);
      keys = client.register(OBJECTS);
      oldKek = current(launcher.run(with(flags, "kek", "status")));

      try (Launcher.Running rotate =
          launcher.start(with(flags, "kek", "rotate", "--to", "local", "--batch-size", "1"))) {
        Matcher progress = rotate.await(PROGRESS);
        while (Long.parseLong(progress.group(1)) < 20) {
          progress = rotate.await(PROGRESS);
        }
        rotate.process().destroyForcibly(); // SIGKILL: no shutdown hook, no last batch
        assertThat(rotate.process().waitFor(Launcher.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(rotate.process().exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        assertThat(Long.parseLong(progress.group(1)))
            .as("killed halfway")
            .isLessThan(Long.parseLong(progress.group(2)));
      }
      Launcher.Finished halfway = launcher.run(with(flags, "kek", "status"));
      assertThat(wraps(halfway, oldKek)).as(halfway.output()).isPositive();
      client.assertReadable(keys);

      Launcher.Finished resumed = launcher.run(with(flags, "kek", "rotate", "--to", "local"));
      assertThat(resumed.exitCode()).as(resumed.output()).isZero();
      assertThat(resumed.output()).contains("every object is under local-");
      Launcher.Finished after = launcher.run(with(flags, "kek", "status"));
      assertThat(wraps(after, oldKek)).as(after.output()).isZero();
      assertThat(current(after)).isNotEqualTo(oldKek);
      client.assertReadable(keys);

      Launcher.Finished retired = launcher.run(with(flags, "kek", "retire", oldKek));
      assertThat(retired.exitCode()).as(retired.output()).isZero();
      server.stop();
    }
    Files.delete(data.resolve("kek"));
    try (Launcher.Running server = launcher.start(serve(flags))) {
      int port = Integer.parseInt(server.await(LISTENING).group(1));
      new LauncherClient(data, port).assertReadable(keys);
      server.stop();
    }
  }

  private static List<String> serve(List<String> flags) {
    // Not the default 127.0.0.1:9696, which another process on the machine may hold.
    List<String> serve = new ArrayList<>(flags);
    serve.addAll(List.of("--port", "0", "--admin-bind", "off"));
    return serve;
  }

  private static List<String> with(List<String> flags, String... command) {
    List<String> all = new ArrayList<>(flags);
    all.addAll(List.of(command));
    return all;
  }

  /** The current KEK of {@code kek status}'s table. */
  private static String current(Launcher.Finished status) {
    assertThat(status.exitCode()).as(status.output()).isZero();
    for (String line : status.output().lines().toList()) {
      String[] cells = line.split(" \\| ", -1);
      if (cells.length >= 3 && cells[1].equals("current")) {
        return cells[0];
      }
    }
    throw new AssertionError("no current KEK in:\n" + status.output());
  }

  /** How many rows {@code kek} wraps, by {@code kek status}. */
  private static long wraps(Launcher.Finished status, String kek) {
    assertThat(status.exitCode()).as(status.output()).isZero();
    for (String line : status.output().lines().toList()) {
      String[] cells = line.split(" \\| ", -1);
      if (cells.length >= 3 && cells[0].equals(kek)) {
        return Long.parseLong(cells[2].strip());
      }
    }
    throw new AssertionError(kek + " not in:\n" + status.output());
  }
}
