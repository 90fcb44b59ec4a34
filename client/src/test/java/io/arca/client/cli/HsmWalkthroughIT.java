package io.arca.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.arca.testing.TestTokens;
import io.arca.testing.TokenImplementation;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The HSM guide's walkthrough at the shell, on each token implementation: {@code
 * scripts/hsm-walkthrough} starts {@code bin/arca-server} with two slots of the token and drives
 * every step through {@code bin/arca} (the jars this build packaged), checking outputs and files;
 * RSA-OAEP with SHA-256 runs on opencryptoki, AES-GCM on SoftHSM2, and each token's refusal of the
 * other is checked. Its log is {@code target/hsm-walkthrough/<token>.log}.
 */
class HsmWalkthroughIT {
  @ParameterizedTest
  @EnumSource(TokenImplementation.class)
  void everyStepOfTheWalkthroughBehavesThroughBinArca(TokenImplementation token) throws Exception {
    TestTokens.assumeInstalled(token);
    assumeTrue(onPath("openssl"), "openssl is needed");
    Path root = Path.of(System.getProperty("arca.root", "..")).toAbsolutePath().normalize();
    Path work = Path.of("target", "hsm-walkthrough").toAbsolutePath();
    Files.createDirectories(work);
    Path log = work.resolve(token.model() + ".log");
    Process walkthrough =
        new ProcessBuilder(
                List.of(
                    root.resolve("scripts/hsm-walkthrough").toString(),
                    "--token",
                    token.model(),
                    work.resolve(token.model() + "-" + System.nanoTime()).toString()))
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = walkthrough.waitFor(15, TimeUnit.MINUTES);
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
