package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.server.tls.DevelopmentPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arca-server --check-config}, run as the operator runs it (its own JVM, its exit status): 0
 * and a summary for settings a server could start on, 1 for TLS files that cannot make a context, 2
 * for a misspelt setting; and the check opens nothing, not even the data directory.
 */
class CheckConfigTest {
  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

  private Run checkConfig(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ArcaServerMain.class.getName());
    command.add("--check-config");
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("ARCA_"));
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theEmbeddedDefaultsAreValidAndNothingIsOpened() throws Exception {
    Path data = dir.resolve("data");

    Run run = checkConfig("--data-dir", data.toString(), "--port", "7100");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("the configuration is valid: 127.0.0.1:7100")
        .contains("embedded database in " + data);
    assertThat(data).doesNotExist();
  }

  @Test
  void tlsFilesThatMakeNoContextAreRefusedWithStatusOne() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    Path garbage = Files.writeString(dir.resolve("garbage.crt"), "not a certificate\n");

    Run good =
        checkConfig(
            "--tls-cert", pki.serverCertificate().toString(),
            "--tls-key", pki.serverKey().toString(),
            "--tls-client-ca", pki.caCertificate().toString());
    Run wrong =
        checkConfig(
            "--tls-cert", garbage.toString(),
            "--tls-key", pki.serverKey().toString(),
            "--tls-client-ca", pki.caCertificate().toString());

    assertThat(good.status()).as(good.err()).isZero();
    assertThat(good.out()).contains("the configuration is valid").doesNotContain("development");
    assertThat(wrong.status()).isEqualTo(1);
    assertThat(wrong.err()).contains("cannot start a server").contains("garbage.crt");
  }

  @Test
  void aKeyThatIsNotTheCertificatesIsRefusedWithStatusOne() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));

    Run run =
        checkConfig(
            "--tls-cert", pki.serverCertificate().toString(),
            "--tls-key", pki.adminKey().toString(),
            "--tls-client-ca", pki.caCertificate().toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).contains("cannot start a server");
  }

  @Test
  void aMisspeltSettingIsAUsageErrorWithTheSettingMeant() throws Exception {
    Path toml = dir.resolve("arca.toml");
    Files.writeString(toml, "prot = 18005\n");

    Run run = checkConfig("--config", toml.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("prot (did you mean port?)");
  }
}
