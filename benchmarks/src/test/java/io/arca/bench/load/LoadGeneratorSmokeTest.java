package io.arca.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.server.Arca;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** One short run of each available scenario against a real server: the generator keeps working. */
class LoadGeneratorSmokeTest {
  @TempDir Path dir;

  @Test
  void noopAndHandshakeRunsEndWithTheSummaryLineAndNoErrors() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
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
            ServerConfig.Storage.EMBEDDED);
    try (Arca server = Arca.start(config, TlsContexts.server(tls))) {
      for (String scenario : new String[] {"noop", "handshake"}) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new LoadGenerator());
        cli.setOut(new PrintWriter(out));
        int code =
            cli.execute(
                "--port",
                String.valueOf(server.port()),
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
                "1",
                "--scenario",
                scenario);

        assertThat(code).isZero();
        String last = out.toString().strip().lines().reduce((a, b) -> b).orElse("");
        assertThat(last)
            .as(out.toString())
            .matches(
                scenario
                    + ": [1-9]\\d* ops/s, p50 [\\d.]+ ms, p95 [\\d.]+ ms, p99 [\\d.]+ ms, "
                    + "max [\\d.]+ ms, errors 0");
      }
    }
  }
}
