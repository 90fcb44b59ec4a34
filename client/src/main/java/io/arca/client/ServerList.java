package io.arca.client;

import io.arca.kmip.ttlv.DecodeLimits;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The servers a client may use, in the order given, and the one it uses now. A new connection goes
 * to the server in use; when that one cannot be reached (refused, no answer within the connect
 * timeout, a failed handshake) the next one is tried, and so on round the list, and the first that
 * answers becomes the one in use. So the clients of a cluster stay on one node until it fails, as
 * KMIP clients of the field do with their server lists, rather than spreading over nodes.
 */
final class ServerList {
  /** One server: a host name or address and a port. */
  record Server(String host, int port) {
    @Override
    public String toString() {
      return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
  }

  private final List<Server> servers;
  private final AtomicInteger inUse = new AtomicInteger();

  ServerList(List<Server> servers) {
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("no server given");
    }
    this.servers = List.copyOf(servers);
  }

  /**
   * Reads {@code hosts}: servers separated by commas, each a name, {@code name:port}, {@code
   * [IPv6]:port} or a bare IPv6 address; a server without a port has {@code defaultPort}.
   */
  static List<Server> parse(String hosts, int defaultPort) {
    List<Server> servers = new ArrayList<>();
    for (String entry : hosts.split(",", -1)) {
      String server = entry.strip();
      if (server.isEmpty()) {
        throw new IllegalArgumentException("an empty server in the host list '" + hosts + "'");
      }
      String host = server;
      int port = defaultPort;
      if (server.startsWith("[")) {
        int close = server.indexOf(']');
        if (close < 0) {
          throw new IllegalArgumentException("'" + server + "': an IPv6 address without its ]");
        }
        host = server.substring(1, close);
        if (close + 1 < server.length()) {
          if (server.charAt(close + 1) != ':') {
            throw new IllegalArgumentException("'" + server + "': expected :port after ]");
          }
          port = port(server.substring(close + 2), server);
        }
      } else if (server.indexOf(':') >= 0 && server.indexOf(':') == server.lastIndexOf(':')) {
        host = server.substring(0, server.indexOf(':'));
        port = port(server.substring(server.indexOf(':') + 1), server);
      }
      servers.add(new Server(host, port));
    }
    return servers;
  }

  private static int port(String text, String server) {
    try {
      int port = Integer.parseInt(text);
      if (port > 0 && port < 65536) {
        return port;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    throw new IllegalArgumentException("'" + server + "': not a port: " + text);
  }

  List<Server> servers() {
    return servers;
  }

  /** The server new connections go to first. */
  Server inUse() {
    return servers.get(inUse.get());
  }

  /**
   * Connects to the server in use, or to the next that answers; that one is then in use.
   *
   * @throws ConnectException naming each server and why it could not be used, when none could
   */
  KmipConnection open(
      SSLContext tls, Duration connectTimeout, Duration timeout, DecodeLimits limits)
      throws IOException {
    int first = inUse.get();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < servers.size(); i++) {
      int index = (first + i) % servers.size();
      Server server = servers.get(index);
      try {
        KmipConnection connection =
            KmipConnection.open(tls, server, connectTimeout, timeout, limits);
        inUse.set(index);
        return connection;
      } catch (IOException e) {
        failures.add(server + " (" + e.getMessage() + ")");
      }
    }
    throw new ConnectException(
        (servers.size() == 1 ? "the server cannot be reached: " : "no server can be reached: ")
            + String.join("; ", failures));
  }

  /** A connection to {@code server} failed: new connections start with the next one. */
  void failed(Server server) {
    int index = servers.indexOf(server);
    if (index >= 0 && servers.size() > 1) {
      inUse.compareAndSet(index, (index + 1) % servers.size());
    }
  }
}
