package io.arca.server.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the server can be watched: the admin HTTP listener (metrics, health, readiness), the log
 * format and the access log.
 *
 * @param adminBind where the admin listener binds, or null: no listener and no metrics kept
 * @param adminClientCa when set, the admin listener speaks HTTPS with the server's certificate and
 *     asks for a client certificate chaining to this CA bundle; else plain HTTP
 * @param logFormat plain text lines or JSON lines
 * @param accessLog whether every answered batch item is logged (logger {@code arca.access})
 */
public record Observability(
    @Nullable InetSocketAddress adminBind,
    @Nullable Path adminClientCa,
    LogFormat logFormat,
    boolean accessLog) {

  /** The port of the admin listener by default. */
  public static final int ADMIN_PORT = 9696;

  /**
   * No admin listener, text logs, no access log: what a server built in code (tests, benchmarks)
   * gets unless it asks; the command line's default binds 127.0.0.1:9696.
   */
  public static final Observability OFF = new Observability(null, null, LogFormat.TEXT, false);

  public Observability {
    Objects.requireNonNull(logFormat, "logFormat");
    if (adminClientCa != null && adminBind == null) {
      throw new IllegalArgumentException("admin-client-ca needs an admin-bind address");
    }
  }

  /** The forms a log line can take. */
  public enum LogFormat {
    TEXT,
    JSON;

    /** {@code text} or {@code json}. */
    public static LogFormat parse(String text) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "text" -> TEXT;
        case "json" -> JSON;
        default ->
            throw new IllegalArgumentException("log-format: " + text + " (expected: text or json)");
      };
    }
  }

  /**
   * Reads {@code host:port}, {@code [v6]:port}, or {@code off}.
   *
   * @return the address, or null for {@code off}
   * @throws IllegalArgumentException naming the setting when it is neither
   */
  public static @Nullable InetSocketAddress parseAdminBind(String text) {
    return parseBind("admin-bind", text, "127.0.0.1:" + ADMIN_PORT);
  }

  /**
   * Reads a listener's {@code host:port}, {@code [v6]:port}, or {@code off}.
   *
   * @param setting the setting's name, for the message
   * @param example an address to show in the message
   * @return the address, or null for {@code off}
   * @throws IllegalArgumentException naming the setting when it is neither
   */
  public static @Nullable InetSocketAddress parseBind(String setting, String text, String example) {
    String value = text.strip();
    if (value.equalsIgnoreCase("off")) {
      return null;
    }
    int colon = value.lastIndexOf(':');
    String host = colon < 0 ? "" : value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (host.isEmpty() || port < 0 || port > 65_535) {
      throw new IllegalArgumentException(
          setting + ": " + text + " (expected: host:port, e.g. " + example + ", or off)");
    }
    return InetSocketAddress.createUnresolved(host, port);
  }
}
