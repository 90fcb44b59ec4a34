package io.arca.conformance;

import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.kmip.ttlv.text.KmipJson;
import io.arca.kmip.ttlv.text.KmipXml;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * KMIP over HTTPS (KMIP Profiles 2.1 §5.3-5.5) with the JDK's HTTP client: each request POSTed to
 * {@code /kmip} in one encoding over mutual TLS, on one kept-alive HTTP/1.1 connection. Anything
 * but a 200 answer in the same encoding is an error.
 */
public final class HttpsExchange implements CaseRunner.Exchange {
  /** The message encodings of the HTTPS, XML and JSON profiles, with their media types. */
  public enum Encoding {
    TTLV("application/octet-stream"),
    XML("text/xml"),
    JSON("application/json");

    private final String mediaType;

    Encoding(String mediaType) {
      this.mediaType = mediaType;
    }

    /** The encoding an OASIS message-encoding profile tests: MSGENC-HTTPS, -XML or -JSON. */
    static Encoding ofProfile(String profile) {
      return switch (profile) {
        case "MSGENC-XML" -> XML;
        case "MSGENC-JSON" -> JSON;
        default -> TTLV;
      };
    }
  }

  private final HttpClient http;
  private final URI uri;
  private final Encoding encoding;
  private final Duration timeout;
  private final DecodeLimits limits;

  /** An exchange with {@code https://host:port/kmip} in {@code encoding}. */
  public HttpsExchange(
      SSLContext tls,
      String host,
      int port,
      Encoding encoding,
      Duration timeout,
      DecodeLimits limits) {
    this.http =
        HttpClient.newBuilder()
            .sslContext(tls)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.uri = URI.create("https://" + host + ":" + port + "/kmip");
    this.encoding = encoding;
    this.timeout = timeout;
    this.limits = limits;
  }

  @Override
  public Ttlv exchange(Ttlv request) throws IOException {
    byte[] body =
        switch (encoding) {
          case TTLV -> TtlvWriter.toBytes(request);
          case XML -> KmipXml.write(request).getBytes(StandardCharsets.UTF_8);
          case JSON -> KmipJson.write(request).getBytes(StandardCharsets.UTF_8);
        };
    HttpRequest post =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", encoding.mediaType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + uri);
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + " from " + uri);
    }
    if (!type.toLowerCase(Locale.ROOT).startsWith(encoding.mediaType)) {
      throw new IOException(
          "answer of Content-Type " + type + " (expected: " + encoding.mediaType + ")");
    }
    return switch (encoding) {
      case TTLV -> TtlvReader.read(response.body(), limits);
      case XML -> KmipXml.read(new String(response.body(), StandardCharsets.UTF_8));
      case JSON -> KmipJson.read(new String(response.body(), StandardCharsets.UTF_8));
    };
  }

  /** Nothing to close: the client's idle connection times out on its own (JDK 17). */
  @Override
  public void close() {}
}
