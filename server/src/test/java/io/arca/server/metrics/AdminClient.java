package io.arca.server.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/** GETs from the admin listener over plain HTTP, or HTTPS with a client certificate. */
public final class AdminClient {
  private final int port;
  private final @Nullable SSLContext tls;

  /** A client of 127.0.0.1:{@code port}; HTTPS with {@code tls}, else HTTP. */
  public AdminClient(int port, @Nullable SSLContext tls) {
    this.port = port;
    this.tls = tls;
  }

  /** One answer: its status and body. */
  public record Answer(int status, String body) {}

  /** GETs {@code path}. */
  public Answer get(String path) throws IOException {
    URI uri = URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + port + path);
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    if (tls != null) {
      ((HttpsURLConnection) connection).setSSLSocketFactory(tls.getSocketFactory());
    }
    connection.setConnectTimeout(10_000);
    connection.setReadTimeout(10_000);
    try {
      int status = connection.getResponseCode();
      try (InputStream in =
          status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        return new Answer(
            status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } finally {
      connection.disconnect();
    }
  }

  /** The metrics now. */
  public Scrape metrics() throws IOException {
    Answer answer = get("/metrics");
    if (answer.status() != 200) {
      throw new IOException("/metrics answered " + answer.status() + ": " + answer.body());
    }
    return new Scrape(answer.body());
  }
}
