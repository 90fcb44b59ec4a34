package io.arca.server.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin listener, apart from the KMIP port and its event loops: {@code GET /metrics} (the
 * Prometheus text format), {@code /healthz} (200 while the process answers) and {@code /readyz}
 * (200 when {@link Readiness} finds nothing wrong within {@value #READY_SECONDS} s, else 503 naming
 * what). The JDK's HTTP server on one thread of its own is enough for a scraper and a probe; the
 * readiness checks run on another, so a database that hangs cannot hold the listener.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
  static final long READY_SECONDS = 3;
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService http;
  private final ExecutorService checks;

  private AdminServer(HttpServer server, ExecutorService http, ExecutorService checks) {
    this.server = server;
    this.http = http;
    this.checks = checks;
  }

  /**
   * Binds {@code address} and serves; with {@code tls}, HTTPS asking every client for a certificate
   * the context trusts.
   *
   * @throws IOException if the address cannot be bound
   */
  public static AdminServer start(
      InetSocketAddress address,
      @Nullable SSLContext tls,
      ServerMetrics metrics,
      Readiness readiness)
      throws IOException {
    InetSocketAddress bind =
        address.isUnresolved()
            ? new InetSocketAddress(address.getHostString(), address.getPort())
            : address;
    HttpServer server;
    if (tls == null) {
      server = HttpServer.create(bind, 16);
    } else {
      HttpsServer https = HttpsServer.create(bind, 16);
      https.setHttpsConfigurator(
          new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters parameters) {
              SSLParameters ssl = tls.getDefaultSSLParameters();
              ssl.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
              ssl.setNeedClientAuth(true);
              parameters.setSSLParameters(ssl);
            }
          });
      server = https;
    }
    ExecutorService http = Executors.newSingleThreadExecutor(daemon("arca-admin"));
    ExecutorService checks = Executors.newSingleThreadExecutor(daemon("arca-readiness"));
    AdminServer admin = new AdminServer(server, http, checks);
    server.createContext(
        "/metrics", exchange -> admin.answer(exchange, 200, PROMETHEUS, metrics.scrape()));
    server.createContext("/healthz", exchange -> admin.answer(exchange, 200, TEXT, "ok\n"));
    server.createContext("/readyz", exchange -> admin.ready(exchange, readiness));
    server.createContext(
        "/", exchange -> admin.answer(exchange, 404, TEXT, "/metrics, /healthz, /readyz\n"));
    server.setExecutor(http);
    server.start();
    log.info(
        "admin listener on {}://{}:{} (/metrics, /healthz, /readyz)",
        tls == null ? "http" : "https",
        bind.getHostString(),
        server.getAddress().getPort());
    return admin;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The bound port (useful when the configured port is 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  private void ready(HttpExchange exchange, Readiness readiness) throws IOException {
    List<String> problems;
    Future<List<String>> check = checks.submit(readiness::problems);
    try {
      problems = check.get(READY_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      check.cancel(true);
      problems = List.of("the readiness checks did not finish in " + READY_SECONDS + " s");
    } catch (ExecutionException e) {
      problems = List.of("the readiness checks failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problems = List.of("interrupted");
    }
    if (problems.isEmpty()) {
      answer(exchange, 200, TEXT, "ready\n");
    } else {
      answer(exchange, 503, TEXT, "not ready\n" + String.join("\n", problems) + "\n");
    }
  }

  private void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")
          && !exchange.getRequestMethod().equals("HEAD")) {
        status = 405;
        body = "GET only\n";
        type = TEXT;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  /** Stops listening at once and stops its threads. */
  @Override
  public void close() {
    server.stop(0);
    http.shutdownNow();
    checks.shutdownNow();
  }
}
