package io.arca.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.hsm.HsmProfile;
import io.arca.server.Arca;
import io.arca.server.config.HsmSettings;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.Password;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.arca.testing.TestTokens;
import io.arca.testing.TokenImplementation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * One short run of each HSM scenario against an in-process server with two real SoftHSM2 tokens
 * (made by {@code scripts/softhsm-test-tokens} where failsafe's {@code SOFTHSM2_CONF} points, as
 * the server's HSM ITs do). Without SoftHSM2 it is skipped, except under CI, where it fails.
 */
class LoadGeneratorHsmIT {
  @TempDir static Path dir;
  static DevelopmentPki pki;
  static @Nullable Arca server;
  static String slot1 = "";
  static String slot2 = "";

  @BeforeAll
  static void start() throws Exception {
    TestTokens tokens = TestTokens.prepare(TokenImplementation.SOFTHSM2);
    slot1 = Long.toString(tokens.first().id());
    slot2 = Long.toString(tokens.second().id());
    Map<Long, Password> slots = new LinkedHashMap<>();
    slots.put(tokens.first().id(), new Password(tokens.first().pin().toCharArray()));
    slots.put(tokens.second().id(), new Password(tokens.second().pin().toCharArray()));

    pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls =
        new ServerConfig.Tls(pki.serverCertificate(), pki.serverKey(), pki.caCertificate(), null);
    ServerConfig config =
        new ServerConfig(
            "127.0.0.1",
            0,
            dir,
            tls,
            IdentitySource.CN,
            new ServerConfig.Limits(32, 1 << 20, Duration.ofMinutes(1), Duration.ofSeconds(5)),
            2,
            "info",
            false,
            ServerConfig.Storage.EMBEDDED,
            ServerConfig.Access.DEFAULTS,
            new HsmSettings(
                HsmProfile.SOFTHSM2, tokens.library(), DevelopmentPki.ADMIN_USER, slots));
    server = Arca.start(config, TlsContexts.server(tls));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"encrypt-wrapped", "encrypt-hsm", "decrypt-rsa-hsm"})
  void hsmScenarioEndsWithTheSummaryLineAndNoErrors(String scenario) {
    String slot = scenario.equals("decrypt-rsa-hsm") ? slot2 : slot1;
    Run run = run("--scenario", scenario, "--hsm-slot", slot);

    assertThat(run.code).as(run.output).isZero();
    assertThat(run.lastLine()).as(run.output).matches(scenario + ": [1-9]\\d* ops/s, .*, errors 0");
  }

  @Test
  void anExistingHsmKeyIsUsedByItsIdentifier() {
    Run created = run("--scenario", "decrypt-rsa-hsm", "--hsm-slot", slot2, "--hsm-key", "reused");
    assertThat(created.code).as(created.output).isZero();

    Run reused = run("--scenario", "decrypt-rsa-hsm", "--key-id", "hsm::" + slot2 + "::reused");

    assertThat(reused.code).as(reused.output).isZero();
    assertThat(reused.lastLine()).as(reused.output).endsWith("errors 0");
  }

  private static Run run(String... scenarioArguments) {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new LoadGenerator());
    cli.setOut(new PrintWriter(out));
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--port",
                String.valueOf(Objects.requireNonNull(server).port()),
                "--ca",
                pki.caCertificate().toString(),
                "--cert",
                pki.adminCertificate().toString(),
                "--key",
                pki.adminKey().toString(),
                "--connections",
                "2",
                "--warmup",
                "0",
                "--duration",
                "1"));
    arguments.addAll(List.of(scenarioArguments));
    int code = cli.execute(arguments.toArray(new String[0]));
    return new Run(code, out.toString());
  }

  private record Run(int code, String output) {
    String lastLine() {
      return output.strip().lines().reduce((a, b) -> b).orElse("");
    }
  }
}
