package io.arca.server.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.message.RequestBatchItem;
import io.arca.kmip.message.RequestHeader;
import io.arca.kmip.message.RequestMessage;
import io.arca.kmip.message.ResponseMessage;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.server.Arca;
import io.arca.server.TestServers;
import io.arca.server.config.IdentitySource;
import io.arca.server.config.ServerConfig;
import io.arca.server.tls.DevelopmentPki;
import io.arca.server.tls.TlsContexts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection front door of a whole server over real TLS sockets: the idle-socket flood from one
 * host, refusals in the log, and the request deadline. The limits are scaled down from the defaults
 * (128 slots instead of 1,024, a one-second request deadline) so the same shapes run in seconds.
 */
class FrontDoorTest {
  private static final int MAX_CONNECTIONS = 128;
  private static final int PER_ADDRESS = 32;
  private static final int FLOOD_SOCKETS = 1_100;
  private static final int VALID_CLIENTS = 59;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration REFUSAL_LOG_INTERVAL = Duration.ofSeconds(1);
  private static final InetAddress FLOOD_SOURCE = loopback(127, 0, 0, 2);

  @TempDir static Path dir;
  static DevelopmentPki pki;
  static Arca server;
  static SSLContext admin;

  @BeforeAll
  static void start() throws Exception {
    pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig.Tls tls = TestServers.tls(pki);
    ServerConfig config =
        new ServerConfig(
            "127.0.0.1",
            0,
            dir,
            tls,
            IdentitySource.CN,
            new ServerConfig.Limits(
                MAX_CONNECTIONS,
                1 << 16,
                Duration.ofMinutes(1),
                Duration.ofSeconds(10),
                PER_ADDRESS,
                16,
                Duration.ofSeconds(1),
                REQUEST_TIMEOUT,
                REFUSAL_LOG_INTERVAL),
            4,
            "info",
            false,
            ServerConfig.Storage.EMBEDDED);
    server = Arca.start(config, TlsContexts.server(tls));
    admin = TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static InetAddress loopback(int a, int b, int c, int d) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InetSocketAddress serverAddress() {
    return new InetSocketAddress(loopback(127, 0, 0, 1), server.port());
  }

  static byte[] discoverVersions() {
    RequestBatchItem item =
        new RequestBatchItem(
            Operation.DISCOVER_VERSIONS.value(),
            null,
            ByteString.copyOf(new byte[] {1}),
            TtlvStructure.of(Tag.REQUEST_PAYLOAD.code()),
            List.of());
    return TtlvWriter.toBytes(
        new RequestMessage(RequestHeader.of(new ProtocolVersion(2, 1)), List.of(item)).encode());
  }

  static ResponseMessage exchange(SSLSocket socket, byte[] request) throws IOException {
    return ResponseMessage.decode(
        (TtlvStructure)
            TtlvReader.read(TestClients.exchangeFrames(socket, request), DecodeLimits.DEFAULTS));
  }

  /** One new mutual-TLS connection from 127.0.0.1 and one Discover Versions on it. */
  private static boolean discoverVersionsOnANewConnection() {
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      return exchange(socket, discoverVersions()).batchItems().get(0).resultStatus()
          == ResultStatus.SUCCESS;
    } catch (IOException e) {
      return false;
    }
  }

  private static int failuresOfValidClients() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < VALID_CLIENTS; i++) {
        results.add(clients.submit(FrontDoorTest::discoverVersionsOnANewConnection));
      }
      int failed = 0;
      for (Future<Boolean> result : results) {
        failed += result.get(60, TimeUnit.SECONDS) ? 0 : 1;
      }
      return failed;
    } finally {
      clients.shutdownNow();
    }
  }

  /** Waits until the flood holds as many slots as the server lets it, or a few seconds. */
  private static void awaitFloodAtItsLimit() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.openConnections() < PER_ADDRESS && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  @Test
  void validClientsAreServedWhileOneHostHoldsAThousandIdleSockets() throws Exception {
    try (IdleSocketFlood flood =
        IdleSocketFlood.start(FLOOD_SOURCE, serverAddress(), FLOOD_SOCKETS)) {
      awaitFloodAtItsLimit();

      assertThat(failuresOfValidClients()).as("valid clients that failed").isZero();
      assertThat(flood.opened()).isGreaterThanOrEqualTo(FLOOD_SOCKETS);
    }
  }

  @Test
  void refusalsOfAFloodAreLoggedOncePerIntervalWithCounts() throws Exception {
    long seconds = 3;
    List<String> lines;
    long opened;
    try (LogLines log = LogLines.ofTransport();
        IdleSocketFlood flood =
            IdleSocketFlood.start(FLOOD_SOURCE, serverAddress(), FLOOD_SOCKETS)) {
      Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
      opened = flood.opened();
      lines = log.warnings();
    }
    List<String> aboutTheFlood = lines.stream().filter(line -> line.contains("127.0.0.2")).toList();
    // The first refusal at once, then at most one line per interval (and one that may straddle).
    assertThat(aboutTheFlood)
        .as("%d connections opened, %d lines", opened, lines.size())
        .hasSizeBetween(2, (int) (seconds / REFUSAL_LOG_INTERVAL.toSeconds()) + 2);
    assertThat(lines).hasSizeLessThanOrEqualTo(aboutTheFlood.size() + 4);
    assertThat(aboutTheFlood).anyMatch(line -> line.contains("too many connections from"));
    assertThat(aboutTheFlood).anyMatch(line -> line.matches(".*refused \\d+ more time\\(s\\).*"));
    assertThat(opened).isGreaterThan(FLOOD_SOCKETS + 100L);
  }

  @Test
  void requestTrickledSlowerThanTheDeadlineIsCutOffAtTheDeadline() throws Exception {
    byte[] request = discoverVersions();
    try (LogLines log = LogLines.ofTransport();
        SSLSocket socket = TestClients.connect(admin, server.port())) {
      OutputStream out = socket.getOutputStream();
      long started = System.nanoTime();
      boolean closed = false;
      // One byte every 200 ms: the whole request would take over 20 s.
      for (int i = 0; i < request.length - 1 && !closed; i++) {
        try {
          out.write(request[i]);
          out.flush();
          Thread.sleep(200);
          closed = closedByServer(socket);
        } catch (IOException e) {
          closed = true;
        }
        if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(6)) {
          break;
        }
      }
      long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

      assertThat(closed).as("closed by the server after %d ms", tookMillis).isTrue();
      assertThat(tookMillis).isGreaterThanOrEqualTo(REQUEST_TIMEOUT.toMillis());
      assertThat(log.warnings()).anyMatch(line -> line.contains("request not whole in time"));
    }
  }

  /**
   * A request whose first bytes come right behind the client's last handshake message, as when the
   * first write starts the handshake: the server may read both at once, before the handshake counts
   * as done, and the deadline must still run. Several connections, since whether the two arrive in
   * one read is the network's choice.
   */
  @Test
  void requestStartedInTheHandshakesLastReadIsCutOffAtTheDeadline() throws Exception {
    byte[] request = discoverVersions();
    List<SSLSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        SSLSocket socket =
            (SSLSocket) admin.getSocketFactory().createSocket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        // No startHandshake(): this write performs it and sends its bytes straight after.
        socket.getOutputStream().write(request, 0, 10);
        socket.getOutputStream().flush();
        sockets.add(socket);
      }
      long until = System.nanoTime() + REQUEST_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(5);
      for (SSLSocket socket : sockets) {
        socket.setSoTimeout(
            (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
        try {
          assertThat(socket.getInputStream().read()).as("the server closed it").isEqualTo(-1);
        } catch (java.net.SocketTimeoutException e) {
          throw new AssertionError("a request started with the handshake outlived its deadline", e);
        } catch (IOException closed) {
          // A reset: closed as well.
        }
      }
    } finally {
      for (SSLSocket socket : sockets) {
        socket.close();
      }
    }
  }

  /** True when the server has closed the connection (a read at once sees the end). */
  private static boolean closedByServer(SSLSocket socket) throws IOException {
    int timeout = socket.getSoTimeout();
    socket.setSoTimeout(1);
    try {
      return socket.getInputStream().read() < 0;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } finally {
      socket.setSoTimeout(timeout);
    }
  }

  @Test
  void idleTimeBetweenRequestsIsNotCutByTheRequestDeadline() throws Exception {
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      assertThat(exchange(socket, discoverVersions()).batchItems()).hasSize(1);
      Thread.sleep(REQUEST_TIMEOUT.toMillis() * 2);
      assertThat(exchange(socket, discoverVersions()).batchItems()).hasSize(1);
    }
  }

  @Test
  void requestSplitAcrossWritesWithinTheDeadlineIsServed() throws Exception {
    byte[] request = discoverVersions();
    try (SSLSocket socket = TestClients.connect(admin, server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(request, 0, 8);
      out.flush();
      Thread.sleep(REQUEST_TIMEOUT.toMillis() / 2);
      byte[] rest = new byte[request.length - 8];
      System.arraycopy(request, 8, rest, 0, rest.length);
      assertThat(exchange(socket, rest).batchItems()).hasSize(1);
    }
  }

  @Test
  void rejectedClientCertificateIsLoggedWithPeerAndReason() throws Exception {
    DevelopmentPki other = DevelopmentPki.openOrCreate(dir.resolve("other-pki"));
    SSLContext stranger =
        TestClients.context(pki.caCertificate(), other.adminCertificate(), other.adminKey());
    try (LogLines log = LogLines.ofTransport()) {
      assertThatThrownBy(
              () -> {
                try (SSLSocket socket = TestClients.connect(stranger, server.port())) {
                  exchange(socket, discoverVersions());
                }
              })
          .isInstanceOf(IOException.class);

      awaitWarning(log, "TLS handshake failed");
      assertThat(log.warnings())
          .filteredOn(line -> line.contains("TLS handshake failed"))
          .first()
          .asString()
          .contains("127.0.0.1")
          .contains("CertPathValidatorException", "trust anchors");
    }
  }

  @Test
  void malformedRequestIsLoggedWithPeerAndReason() throws Exception {
    try (LogLines log = LogLines.ofTransport();
        SSLSocket socket = TestClients.connect(admin, server.port())) {
      socket.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      assertThat(in.readAllBytes()).as("one answer, then closed").isNotEmpty();

      awaitWarning(log, "malformed request");
      assertThat(log.warnings())
          .filteredOn(line -> line.contains("malformed request"))
          .first()
          .asString()
          .contains("127.0.0.1")
          .contains("42 00 78 01");
    }
  }

  private static void awaitWarning(LogLines log, String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (log.warnings().stream().noneMatch(line -> line.contains(text))
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }
}
