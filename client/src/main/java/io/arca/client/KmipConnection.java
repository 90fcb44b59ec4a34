package io.arca.client;

import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvWriter;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/** One mutual-TLS connection to a KMIP server, exchanging binary TTLV messages in turn. */
public final class KmipConnection implements AutoCloseable {
  private static final int HEADER_BYTES = 8;

  private final SSLSocket socket;
  private final ServerList.Server server;
  private final DataInputStream in;
  private final OutputStream out;
  private final DecodeLimits limits;

  private KmipConnection(SSLSocket socket, ServerList.Server server, DecodeLimits limits)
      throws IOException {
    this.socket = socket;
    this.server = server;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.limits = limits;
  }

  /** Connects and completes the TLS handshake. */
  public static KmipConnection open(
      SSLContext tls, String host, int port, Duration timeout, DecodeLimits limits)
      throws IOException {
    return open(tls, new ServerList.Server(host, port), timeout, timeout, limits);
  }

  /**
   * Connects within {@code connectTimeout} and completes the TLS handshake; then each read waits at
   * most {@code timeout}.
   */
  static KmipConnection open(
      SSLContext tls,
      ServerList.Server server,
      Duration connectTimeout,
      Duration timeout,
      DecodeLimits limits)
      throws IOException {
    SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket();
    try {
      socket.connect(
          new InetSocketAddress(server.host(), server.port()), (int) connectTimeout.toMillis());
      // The handshake is part of reaching the server: a node that accepts and then hangs fails
      // over as fast as one that refuses.
      socket.setSoTimeout((int) connectTimeout.toMillis());
      socket.startHandshake();
      socket.setSoTimeout((int) timeout.toMillis());
      return new KmipConnection(socket, server, limits);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * Sends a request and reads the one response. A server refuses a request larger than its limit by
   * answering an error and closing the connection while the request is still being written: the
   * write then fails ("Broken pipe"), which says nothing of the cause, so the server's answer is
   * read if it arrived and otherwise the size is named.
   */
  public Ttlv exchange(Ttlv request) throws IOException {
    byte[] bytes = TtlvWriter.toBytes(request);
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException writeFailed) {
      Ttlv answer = answerAfterFailedWrite();
      if (answer != null) {
        return answer;
      }
      throw new RequestRefusedException(
          "the server closed the connection while a request of "
              + bytes.length
              + " bytes was being sent: it is most likely larger than the server accepts"
              + " (max-message-bytes, 1 MiB by default)",
          writeFailed);
    }
    return read();
  }

  private @Nullable Ttlv answerAfterFailedWrite() {
    try {
      return read();
    } catch (IOException | RuntimeException nothingArrived) {
      return null;
    }
  }

  private Ttlv read() throws IOException {
    byte[] header = new byte[HEADER_BYTES];
    in.readFully(header);
    long length =
        ((header[4] & 0xFFL) << 24)
            | ((header[5] & 0xFF) << 16)
            | ((header[6] & 0xFF) << 8)
            | (header[7] & 0xFF);
    if (length > limits.maxMessageBytes() - HEADER_BYTES) {
      throw new IOException("response of " + length + " bytes is larger than the limit");
    }
    byte[] message = new byte[HEADER_BYTES + (int) length];
    System.arraycopy(header, 0, message, 0, HEADER_BYTES);
    in.readFully(message, HEADER_BYTES, (int) length);
    return TtlvReader.read(message, limits);
  }

  /** The server refused a request before answering it: most likely, it was too large. */
  public static final class RequestRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    RequestRefusedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The server at the other end. */
  ServerList.Server server() {
    return server;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
