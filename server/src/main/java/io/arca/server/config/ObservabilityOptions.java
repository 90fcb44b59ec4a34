package io.arca.server.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The flags of {@link ServerOptions} that say how the server is watched: {@link Observability}. */
final class ObservabilityOptions {
  @Option(
      names = "--admin-bind",
      defaultValue = "127.0.0.1:9696",
      paramLabel = "HOST:PORT|off",
      description =
          "The admin HTTP listener: /metrics (Prometheus), /healthz, /readyz; off for none and no"
              + " metrics kept (default: ${DEFAULT-VALUE}).")
  String adminBind = "127.0.0.1:" + Observability.ADMIN_PORT;

  @Option(
      names = "--admin-client-ca",
      paramLabel = "FILE",
      description =
          "Serve the admin listener over HTTPS with the server certificate, to clients whose"
              + " certificate chains to this CA bundle (PEM) (default: plain HTTP).")
  @Nullable Path adminClientCa;

  @Option(
      names = "--log-format",
      defaultValue = "text",
      paramLabel = "text|json",
      description = "Log lines as plain text or as JSON objects (default: ${DEFAULT-VALUE}).")
  String logFormat = "text";

  @Option(
      names = "--access-log",
      description =
          "Log every answered request (logger arca.access): peer, user, operation, object,"
              + " result, microseconds (default: off).")
  boolean accessLog;

  Observability settings() {
    return new Observability(
        Observability.parseAdminBind(adminBind),
        adminClientCa,
        Observability.LogFormat.parse(logFormat),
        accessLog);
  }
}
