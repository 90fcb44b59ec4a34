package io.arca.server.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.server.ArcaServer;
import io.arca.server.TestServers;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transport over real TLS sockets, with a processor that echoes each request back. */
class TransportTest {
  private static final byte[] REQUEST =
      HexFormat.of().parseHex("4200780100000010" + "42006A0200000004" + "0000000100000000");

  @TempDir static Path dir;
  static DevelopmentPki pki;
  static ArcaServer server;
  static final Queue<String> users = new ConcurrentLinkedQueue<>();

  @BeforeAll
  static void start() throws Exception {
    pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    ServerConfig config = TestServers.config(dir, tls, 300, 4096);
    server = ArcaServer.start(config, TlsContexts.server(tls), new Echo());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static SSLContext admin() throws Exception {
    return TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
  }

  private static byte[] roundTrip(SSLSocket socket, byte[] request) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(request);
    out.flush();
    DataInputStream in = new DataInputStream(socket.getInputStream());
    byte[] header = new byte[8];
    in.readFully(header);
    int length =
        ((header[4] & 0xFF) << 24)
            | ((header[5] & 0xFF) << 16)
            | ((header[6] & 0xFF) << 8)
            | (header[7] & 0xFF);
    byte[] body = new byte[length];
    in.readFully(body);
    byte[] whole = new byte[8 + length];
    System.arraycopy(header, 0, whole, 0, 8);
    System.arraycopy(body, 0, whole, 8, length);
    return whole;
  }

  @Test
  void clientWithTheAdminCertificateIsServedAsAdmin() throws Exception {
    try (SSLSocket socket = TestClients.connect(admin(), server.port())) {
      assertThat(roundTrip(socket, REQUEST)).isEqualTo(REQUEST);
      assertThat(roundTrip(socket, REQUEST)).isEqualTo(REQUEST);
    }
    assertThat(users).contains("admin");
  }

  @Test
  void requestSentWellAfterTheHandshakeIsServed() throws Exception {
    try (SSLSocket socket = TestClients.connect(admin(), server.port())) {
      Thread.sleep(300);
      assertThat(roundTrip(socket, REQUEST)).isEqualTo(REQUEST);
    }
  }

  @Test
  void clientWithoutACertificateIsRefused() throws Exception {
    SSLContext anonymous = TestClients.context(pki.caCertificate(), null, null);
    assertThatThrownBy(
            () -> {
              try (SSLSocket socket = TestClients.connect(anonymous, server.port())) {
                roundTrip(socket, REQUEST);
              }
            })
        .isInstanceOf(IOException.class);
  }

  @Test
  void clientCertificateFromAnotherCaIsRefused() throws Exception {
    DevelopmentPki other = DevelopmentPki.openOrCreate(dir.resolve("other-pki"));
    SSLContext stranger =
        TestClients.context(pki.caCertificate(), other.adminCertificate(), other.adminKey());
    assertThatThrownBy(
            () -> {
              try (SSLSocket socket = TestClients.connect(stranger, server.port())) {
                roundTrip(socket, REQUEST);
              }
            })
        .isInstanceOf(IOException.class);
  }

  @Test
  void tls11IsRefused() throws Exception {
    assertThatThrownBy(() -> TestClients.connect(admin(), server.port(), "TLSv1.1"))
        .isInstanceOf(SSLException.class);
  }

  @Test
  void garbageClosesThatConnectionAndTheServerServesTheNextClient() throws Exception {
    try (SSLSocket socket = TestClients.connect(admin(), server.port())) {
      socket.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      assertThat(socket.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
    }
    try (SSLSocket socket = TestClients.connect(admin(), server.port())) {
      assertThat(roundTrip(socket, REQUEST)).isEqualTo(REQUEST);
    }
  }

  @Test
  void twoHundredConcurrentConnectionsAreServed() throws Exception {
    SSLContext context = admin();
    ExecutorService clients = Executors.newFixedThreadPool(50);
    try {
      List<SSLSocket> sockets = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        sockets.add(TestClients.connect(context, server.port()));
      }
      List<Future<byte[]>> answers = new ArrayList<>();
      for (SSLSocket socket : sockets) {
        answers.add(clients.submit(() -> roundTrip(socket, REQUEST)));
      }
      for (Future<byte[]> answer : answers) {
        assertThat(answer.get()).isEqualTo(REQUEST);
      }
      for (SSLSocket socket : sockets) {
        socket.close();
      }
    } finally {
      clients.shutdownNow();
    }
  }

  /** Echoes each request, and remembers who sent it. */
  private static final class Echo implements RequestProcessor {
    @Override
    public Answer process(ByteBuf frame, Connection connection, ByteBufAllocator allocator) {
      users.add(connection.user());
      return Answer.keepOpen(
          allocator
              .buffer(frame.readableBytes())
              .writeBytes(frame, frame.readerIndex(), frame.readableBytes()));
    }

    @Override
    public @Nullable ByteBuf malformed(
        MalformedFrame frame, Connection connection, ByteBufAllocator allocator) {
      return null;
    }

    @Override
    public @Nullable ByteBuf unauthenticated(
        @Nullable ByteBuf frame, String why, ByteBufAllocator allocator) {
      return null;
    }
  }
}
