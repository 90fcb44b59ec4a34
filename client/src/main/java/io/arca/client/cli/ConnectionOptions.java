package io.arca.client.cli;

import io.arca.client.ClientConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * How commands that talk to a server find it: {@code --conf FILE} (default {@code $ARCA_CONF}, then
 * {@code ~/.config/arca/arca.toml}), each of whose entries a flag overrides, so a command also
 * works with flags alone; and {@code --json}. These are global options: declared once on {@code
 * arca} and inherited by every subcommand, so they may stand before or after the subcommand ({@code
 * arca --conf c.toml sym ...} and {@code arca sym ... --conf c.toml} are the same), and every
 * command reads the one instance the root holds.
 */
public final class ConnectionOptions {
  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print the result, or the error, as one JSON object on standard output.")
  boolean json;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--conf",
      paramLabel = "FILE",
      description = "Client settings (TOML).")
  @Nullable Path conf;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--host",
      paramLabel = "HOST[,HOST...]",
      description =
          "Server host (default: localhost), or several servers, each with an optional :port,"
              + " tried in order when one cannot be reached (a,b:5697,[::1]).")
  @Nullable String host;

  @Option(scope = ScopeType.INHERIT, names = "--port", description = "Server port (default: 5696).")
  @Nullable Integer port;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--ca",
      paramLabel = "FILE",
      description = "CA of the server certificate (PEM).")
  @Nullable Path ca;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--cert",
      paramLabel = "FILE",
      description = "Client certificate (PEM).")
  @Nullable Path cert;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--key",
      paramLabel = "FILE",
      description = "Client private key (PEM).")
  @Nullable Path key;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--p12",
      paramLabel = "FILE",
      description = "Client key and certificate (PKCS#12).")
  @Nullable Path p12;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--p12-password",
      paramLabel = "PASSWORD",
      description = "PKCS#12 password.")
  @Nullable String p12Password;

  /** The settings: the configuration file, if any, overridden by the flags given. */
  ClientConfig config(Map<String, String> environment) throws IOException {
    Path file = conf;
    if (file == null && environment.containsKey("ARCA_CONF")) {
      file = Path.of(environment.get("ARCA_CONF"));
    }
    if (file == null) {
      Path fallback = Path.of(System.getProperty("user.home"), ".config", "arca", "arca.toml");
      file = Files.exists(fallback) ? fallback : null;
    }
    ClientConfig.Builder builder =
        file == null ? new ClientConfig.Builder() : ClientConfig.read(file);
    return builder
        .overriddenBy(
            new ClientConfig.Builder()
                .host(host)
                .port(port)
                .ca(ca)
                .cert(cert)
                .key(key)
                .p12(p12)
                .p12Password(p12Password))
        .build();
  }
}
