package io.arca.client;

import io.arca.kmip.KmipException;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small, thread-safe KMIP client over mutual TLS. It keeps up to {@code maxConnections}
 * connections and lends one to each request; a connection that fails is dropped, never reused.
 * Requests and responses are binary TTLV.
 */
public final class KmipClient implements AutoCloseable {
  private static final int TIMEOUT_MILLIS = 30_000;

  private final ClientConfig config;
  private final SSLContext tls;
  private final DecodeLimits limits;
  private final Semaphore permits;
  private final BlockingQueue<SSLSocket> idle;

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
    byte[] bytes = TtlvWriter.toBytes(request.encode());
    permits.acquireUninterruptibly();
    SSLSocket socket = idle.poll();
    try {
      if (socket == null) {
        socket = open();
      }
      byte[] response = exchange(socket, bytes);
      Ttlv tree = TtlvReader.read(response, limits);
      if (!(tree instanceof TtlvStructure structure)) {
        throw new KmipException(ResultReason.INVALID_MESSAGE, "the response is not a structure");
      }
      ResponseMessage message = ResponseMessage.decode(structure);
      if (!idle.offer(socket)) {
        socket.close();
      }
      socket = null;
      return message;
    } finally {
      if (socket != null) {
        closeQuietly(socket);
      }
      permits.release();
    }
  }

  private SSLSocket open() throws IOException {
    SSLSocket socket =
        (SSLSocket) tls.getSocketFactory().createSocket(config.host(), config.port());
    socket.setSoTimeout(TIMEOUT_MILLIS);
    socket.setTcpNoDelay(true);
    socket.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
    socket.startHandshake();
    return socket;
  }

  private byte[] exchange(SSLSocket socket, byte[] request) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request);
    out.flush();
    DataInputStream in = new DataInputStream(socket.getInputStream());
    byte[] header = new byte[8];
    in.readFully(header);
    long length =
        ((header[4] & 0xFFL) << 24)
            | ((header[5] & 0xFFL) << 16)
            | ((header[6] & 0xFFL) << 8)
            | (header[7] & 0xFFL);
    if (length + 8 > limits.maxMessageBytes()) {
      throw new IOException(
          "response length: "
              + (length + 8)
              + " bytes (expected: <= "
              + limits.maxMessageBytes()
              + ")");
    }
    byte[] response = new byte[(int) length + 8];
    System.arraycopy(header, 0, response, 0, 8);
    in.readFully(response, 8, (int) length);
    return response;
  }

  /** The protocol version this client speaks unless told otherwise. */
  public static ProtocolVersion defaultVersion() {
    return ProtocolVersion.V2_1;
  }

  private static void closeQuietly(SSLSocket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // The connection is being thrown away; there is nothing to do about a failed close.
    }
  }

  @Override
  public void close() {
    SSLSocket socket;
    while ((socket = idle.poll()) != null) {
      closeQuietly(socket);
    }
  }
}
