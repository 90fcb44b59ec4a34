package io.arca.client.cli;

import io.arca.client.ClientConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * How commands that talk to a server find it: {@code --conf FILE} (default {@code $ARCA_CONF}, then
 * {@code ~/.config/arca/arca.toml}), each of whose entries a flag overrides, so a command also
 * works with flags alone.
 */
public final class ConnectionOptions {
  @Option(names = "--conf", paramLabel = "FILE", description = "Client settings (TOML).")
  @Nullable Path conf;

  @Option(names = "--host", description = "Server host (default: localhost).")
  @Nullable String host;

  @Option(names = "--port", description = "Server port (default: 5696).")
  @Nullable Integer port;

  @Option(names = "--ca", paramLabel = "FILE", description = "CA of the server certificate (PEM).")
  @Nullable Path ca;

  @Option(names = "--cert", paramLabel = "FILE", description = "Client certificate (PEM).")
  @Nullable Path cert;

  @Option(names = "--key", paramLabel = "FILE", description = "Client private key (PEM).")
  @Nullable Path key;

  @Option(
      names = "--p12",
      paramLabel = "FILE",
      description = "Client key and certificate (PKCS#12).")
  @Nullable Path p12;

  @Option(names = "--p12-password", paramLabel = "PASSWORD", description = "PKCS#12 password.")
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
