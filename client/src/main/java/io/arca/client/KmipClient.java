package io.arca.client;

import io.arca.kmip.KmipException;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvStructure;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLContext;

/**
 * A small, thread-safe KMIP client over mutual TLS. It keeps up to {@code maxConnections}
 * connections and lends one to each request; a connection that fails is dropped, never reused.
 * Requests and responses are binary TTLV.
 */
public final class KmipClient implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ClientConfig config;
  private final SSLContext tls;
  private final DecodeLimits limits;
  private final Semaphore permits;
  private final BlockingQueue<KmipConnection> idle;

  private KmipClient(ClientConfig config, SSLContext tls, int maxConnections) {
    this.config = config;
    this.tls = tls;
    this.limits = DecodeLimits.DEFAULTS;
    this.permits = new Semaphore(maxConnections);
    this.idle = new ArrayBlockingQueue<>(maxConnections);
  }

  /**
   * A client for this server with at most {@code maxConnections} connections; none is opened yet.
   */
  public static KmipClient create(ClientConfig config, int maxConnections) throws IOException {
    return new KmipClient(config, ClientTls.context(config), maxConnections);
  }

  /** Sends one request message and returns the server's response message. */
  public ResponseMessage send(RequestMessage request) throws IOException {
    Ttlv response = exchange(request.encode());
    if (!(response instanceof TtlvStructure structure)) {
      throw new KmipException(ResultReason.INVALID_MESSAGE, "the response is not a structure");
    }
    return ResponseMessage.decode(structure);
  }

  /**
   * Sends any TTLV message as it is and returns the response, for tools that must send what they
   * are given.
   */
  public Ttlv exchange(Ttlv request) throws IOException {
    permits.acquireUninterruptibly();
    KmipConnection connection = idle.poll();
    try {
      if (connection == null) {
        connection = KmipConnection.open(tls, config.host(), config.port(), TIMEOUT, limits);
      }
      Ttlv response = connection.exchange(request);
      if (!idle.offer(connection)) {
        connection.close();
      }
      connection = null;
      return response;
    } finally {
      if (connection != null) {
        closeQuietly(connection);
      }
      permits.release();
    }
  }

  /** The protocol version this client speaks unless told otherwise. */
  public static ProtocolVersion defaultVersion() {
    return ProtocolVersion.V2_1;
  }

  private static void closeQuietly(KmipConnection connection) {
    try {
      connection.close();
    } catch (IOException ignored) {
      // The connection is being thrown away; there is nothing to do about a failed close.
    }
  }

  @Override
  public void close() {
    KmipConnection connection;
    while ((connection = idle.poll()) != null) {
      closeQuietly(connection);
    }
  }
}
