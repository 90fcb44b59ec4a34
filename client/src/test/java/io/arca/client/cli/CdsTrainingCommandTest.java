package io.arca.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The launcher's training run: it must really complete its TLS round trips (its exit code says
 * whether both commands worked), and leave nothing behind.
 */
class CdsTrainingCommandTest {
  @Test
  void bothCommandsCompleteOverTlsAndTheThrowawayFilesAreGone() throws IOException {
    Path temp = Path.of(System.getProperty("java.io.tmpdir"));
    long before = trainingDirectories(temp);

    assertThat(ArcaCli.run("cds-training")).isEqualTo(ArcaCli.EXIT_OK);

    assertThat(trainingDirectories(temp)).isEqualTo(before);
  }

  @Test
  void itIsHiddenFromTheHelp() {
    assertThat(ArcaCli.commandLine().getUsageMessage()).doesNotContain("cds-training");
  }

  private static long trainingDirectories(Path temp) throws IOException {
    try (var entries = Files.list(temp)) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith("arca-cds-training"))
          .count();
    }
  }
}
