package io.arca.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The revocation flags: off by default, fail-closed by default, and refused where meaningless. */
class RevocationOptionsTest {
  @TempDir Path dir;

  private ServerConfig parse(Map<String, String> environment, String... args) throws Exception {
    ServerOptions options = new ServerOptions();
    ServerOptions.commandLine(options, args, environment).parseArgs(args);
    return options.toConfig();
  }

  private static String[] withTls(String... more) {
    String[] tls = {
      "--tls-cert", "server.crt", "--tls-key", "server.key", "--tls-client-ca", "ca.crt"
    };
    String[] all = new String[tls.length + more.length];
    System.arraycopy(tls, 0, all, 0, tls.length);
    System.arraycopy(more, 0, all, tls.length, more.length);
    return all;
  }

  @Test
  void everyRevocationCheckIsOffUntilConfigured() throws Exception {
    ServerConfig.Tls tls = Objects.requireNonNull(parse(Map.of(), withTls()).tls());
    assertThat(tls.revocation()).isEqualTo(ServerConfig.Revocation.NONE);
  }

  @Test
  void flagsTomlAndEnvironmentSetTheRevocationSources() throws Exception {
    Path toml = dir.resolve("arca.toml");
    Files.writeString(
        toml,
        """
        [tls]
        crl = "/etc/arca/crls"
        deny-list = "/etc/arca/deny.txt"
        """);
    ServerConfig.Revocation revocation =
        Objects.requireNonNull(
                parse(
                        Map.of("ARCA_TLS_OCSP_URL", "http://ocsp.example/"),
                        withTls(
                            "--config",
                            toml.toString(),
                            "--tls-ocsp",
                            "--tls-ocsp-fail",
                            "open",
                            "--tls-revocation-refresh",
                            "PT1M"))
                    .tls())
            .revocation();
    assertThat(revocation.crl()).isEqualTo(Path.of("/etc/arca/crls"));
    assertThat(revocation.denyList()).isEqualTo(Path.of("/etc/arca/deny.txt"));
    assertThat(revocation.ocsp()).isTrue();
    assertThat(revocation.ocspResponder()).isEqualTo(URI.create("http://ocsp.example/"));
    assertThat(revocation.ocspFailOpen()).isTrue();
    assertThat(revocation.refreshInterval()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void ocspFailsClosedUnlessToldOtherwise() throws Exception {
    ServerConfig.Tls tls = Objects.requireNonNull(parse(Map.of(), withTls("--tls-ocsp")).tls());
    assertThat(tls.revocation().ocspFailOpen()).isFalse();
    assertThatThrownBy(() -> parse(Map.of(), withTls("--tls-ocsp", "--tls-ocsp-fail", "maybe")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("open or closed");
  }

  @Test
  void revocationWithoutTlsOrOcspUrlWithoutOcspIsRefused() {
    // Development mode has no revocation: silently checking nothing would not be closed.
    assertThatThrownBy(() -> parse(Map.of(), "--tls-crl", "crl.pem"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--tls-cert");
    assertThatThrownBy(() -> parse(Map.of(), withTls("--tls-ocsp-url", "http://ocsp.example/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--tls-ocsp");
    assertThatThrownBy(() -> parse(Map.of(), withTls("--tls-revocation-refresh", "PT0S")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
