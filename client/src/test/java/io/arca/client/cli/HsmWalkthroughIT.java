package io.arca.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HSM guide's walkthrough at the shell: {@code scripts/hsm-walkthrough} starts {@code
 * bin/arca-server} with two SoftHSM2 slots and drives every step through {@code bin/arca} (the jars
 * this build packaged), checking outputs and files. Its log is {@code
 * target/hsm-walkthrough/walkthrough.log}.
 */
class HsmWalkthroughIT {
  @Test
  void everyStepOfTheWalkthroughBehavesThroughBinArca() throws Exception {
    assumeTrue(
        onPath("softhsm2-util") && onPath("openssl"),
        "SoftHSM2 (softhsm2-util) and openssl are needed");
    Path root = Path.of(System.getProperty("arca.root", "..")).toAbsolutePath().normalize();
    Path work = Path.of("target", "hsm-walkthrough").toAbsolutePath();
    Files.createDirectories(work);
    Path log = work.resolve("walkthrough.log");
    Process walkthrough =
        new ProcessBuilder(
                List.of(
                    root.resolve("scripts/hsm-walkthrough").toString(),
                    work.resolve("run-" + System.nanoTime()).toString()))
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = walkthrough.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      walkthrough.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(finished).as("the walkthrough finished in time:%n%s", output).isTrue();
    assertThat(walkthrough.exitValue()).as(output).isZero();
    assertThat(output).contains("hsm-walkthrough: every step passed");
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    return Pattern.compile(Pattern.quote(File.pathSeparator))
        .splitAsStream(path)
        .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
  }
}
