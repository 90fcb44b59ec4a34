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
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the server (what SIGTERM does) lets the request in flight finish and refuses new clients.
 */
class GracefulShutdownTest {
  private static final byte[] REQUEST =
      HexFormat.of().parseHex("4200780100000010" + "42006A0200000004" + "0000000100000000");

  @TempDir Path dir;

  @Test
  void requestInFlightIsAnsweredAndNewConnectionsAreRefused() throws Exception {
    DevelopmentPki pki = DevelopmentPki.openOrCreate(dir.resolve("pki"));
    ServerConfig config = TestServers.config(dir, TestServers.tls(pki), 8, 4096);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ArcaServer server =
        ArcaServer.start(
            config, TlsContexts.server(TestServers.tls(pki)), new Slow(started, release));
    SSLContext admin =
        TestClients.context(pki.caCertificate(), pki.adminCertificate(), pki.adminKey());
    int port = server.port();

    try (SSLSocket socket = TestClients.connect(admin, port)) {
      socket.getOutputStream().write(REQUEST);
      socket.getOutputStream().flush();
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
      Thread.sleep(300);
      assertThatThrownBy(() -> TestClients.connect(admin, port).close())
          .as("no new connections while draining")
          .isInstanceOf(IOException.class);
      release.countDown();

      byte[] answer = new byte[REQUEST.length];
      new DataInputStream(socket.getInputStream()).readFully(answer);
      assertThat(answer).isEqualTo(REQUEST);
      closing.get(20, TimeUnit.SECONDS);
    }
  }

  /** Echoes each request once the test lets it. */
  private record Slow(CountDownLatch started, CountDownLatch release) implements RequestProcessor {
    @Override
    public Answer process(ByteBuf frame, Connection connection, ByteBufAllocator allocator) {
      started.countDown();
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Answer.keepOpen(
          allocator.buffer().writeBytes(frame, frame.readerIndex(), frame.readableBytes()));
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
