package io.arca.bench.load;

import io.arca.client.ClientConfig;
import io.arca.client.KmipClient;
import io.arca.client.KmipOperationException;
import io.arca.kmip.ProtocolVersion;
import io.arca.server.transport.NetworkTransport;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.OpenSslSessionContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code arca-bench}: a closed-loop load generator over mutual TLS. Each connection sends its next
 * request as soon as the previous answer arrives; it ends with one line {@code SCENARIO: N ops/s,
 * p50 X ms, p95 X ms, p99 X ms, max X ms, errors N}. It uses BoringSSL like the server, so the
 * generator's own TLS costs stay small.
 */
@Command(
    name = "arca-bench",
    mixinStandardHelpOptions = true,
    description = "Closed-loop KMIP load over mutual TLS against any KMIP server.")
public final class LoadGenerator implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Server host.")
  String host = "127.0.0.1";

  @Option(names = "--port", defaultValue = "5696", description = "Server port.")
  int port = 5696;

  @Option(names = "--ca", required = true, description = "CA of the server certificate (PEM).")
  Path ca = Path.of("ca.crt");

  @Option(names = "--cert", required = true, description = "Client certificate (PEM).")
  Path cert = Path.of("client.crt");

  @Option(names = "--key", required = true, description = "Client key (PEM, PKCS#8).")
  Path key = Path.of("client.key");

  @Option(names = "--connections", defaultValue = "16", description = "Concurrent connections.")
  int connections = 16;

  @Option(names = "--duration", defaultValue = "10", description = "Measured seconds.")
  int duration = 10;

  @Option(names = "--warmup", defaultValue = "3", description = "Unmeasured seconds first.")
  int warmup = 3;

  @Option(
      names = "--scenario",
      defaultValue = "noop",
      description =
          "noop, handshake, get, create-aes, encrypt-aes-gcm, encrypt-aes-cbc, encrypt-wrapped,"
              + " encrypt-hsm or decrypt-rsa-hsm.")
  String scenario = "noop";

  @Option(
      names = "--key-id",
      description =
          "An existing key to use instead of creating one (decrypt-rsa-hsm: an hsm:: private key).")
  @Nullable String keyId;

  @Option(
      names = "--hsm-slot",
      description =
          "The HSM slot in which the hsm scenarios create their hsm::<slot>::<label> key.")
  @Nullable String hsmSlot;

  @Option(
      names = "--hsm-key",
      description = "The label of that HSM key (default: a fresh arca-bench-<scenario>-<hex>).")
  @Nullable String hsmKeyLabel;

  @Option(
      names = "--wrapping-key-id",
      description =
          "encrypt-wrapped: an existing key to wrap the stored key under, instead of a new HSM AES"
              + " key.")
  @Nullable String wrappingKeyId;

  @Option(names = "--kmip-version", defaultValue = "2.1", description = "Protocol version to send.")
  String version = "2.1";

  @Option(names = "--threads", defaultValue = "1", description = "Generator event-loop threads.")
  int threads = 1;

  @Option(
      names = "--resume",
      description =
          "Offer the previous connection's TLS session again (handshake scenario: resumed"
              + " handshakes instead of full ones).")
  boolean resume;

  @Option(
      names = "--groups",
      split = ",",
      description =
          "TLS key-exchange groups to offer, in order (e.g. X25519 as OpenSSL 3.0 clients do;"
              + " default: the TLS library's own list, X25519MLKEM768 first).")
  List<String> groups = List.of();

  @Option(names = "--json", description = "End with a JSON line instead of the text summary.")
  boolean json;

  private final LatencyHistogram latencies = new LatencyHistogram();
  private final AtomicLong operations = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private volatile boolean measuring;
  private volatile boolean running = true;

  /**
   * The exit code when the server refused the scenario's setup or its first request: the scenario
   * is skipped, and the summary line says why.
   */
  static final int SKIPPED = 3;

  /**
   * Runs the generator; the exit code is 0 when the run completed, whatever the errors count, and
   * {@link #SKIPPED} when the server cannot serve the scenario.
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadGenerator()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Scenario chosen;
    ProtocolVersion protocol;
    try {
      chosen = Scenario.parse(scenario);
      protocol = protocolVersion(version);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    byte[] request;
    try (KmipClient setup =
        KmipClient.create(new ClientConfig(host, port, ca, cert, key, null, null), 1)) {
      request =
          new ScenarioSetup(
                  setup,
                  protocol,
                  chosen,
                  new ScenarioSetup.Keys(keyId, hsmSlot, hsmKeyLabel, wrappingKeyId),
                  new SecureRandom())
              .prepare()
              .message();
    } catch (KmipOperationException e) {
      out.println(chosen.label() + ": skipped: " + e.getMessage());
      out.flush();
      return SKIPPED;
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    SslContextBuilder tlsBuilder =
        SslContextBuilder.forClient()
            .sslProvider(OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK)
            .protocols("TLSv1.3", "TLSv1.2")
            .keyManager(cert.toFile(), key.toFile())
            .trustManager(ca.toFile());
    if (!groups.isEmpty()) {
      tlsBuilder.option(OpenSslContextOption.GROUPS, groups.toArray(new String[0]));
    }
    SslContext tls = tlsBuilder.build();
    if (!resume && tls.sessionContext() instanceof OpenSslSessionContext sessions) {
      // The client would keep each session (TLS 1.3: each ticket) by host and port and offer it
      // on the next connection; without --resume every handshake must be a full one.
      sessions.setSessionCacheEnabled(false);
    }
    // The server's transport choice: epoll where it loads, so the generator's own system calls
    // stay as few as the server's.
    NetworkTransport transport = NetworkTransport.best();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, transport.ioHandlers());
    try {
      Bootstrap bootstrap =
          new Bootstrap()
              .group(group)
              .channel(transport.socketChannel())
              .option(ChannelOption.TCP_NODELAY, true)
              .handler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                      channel
                          .pipeline()
                          .addLast(tls.newHandler(channel.alloc(), host, port))
                          .addLast(new LengthFieldBasedFrameDecoder(1 << 24, 4, 4, 0, 0))
                          .addLast(new Lane(request, chosen == Scenario.HANDSHAKE));
                    }
                  });
      this.bootstrap = bootstrap;
      for (int i = 0; i < connections; i++) {
        bootstrap.connect(host, port);
      }
      awaitFirstAnswers(out);
      sleepReporting(out, warmup, "warm-up");
      measuring = true;
      long start = System.nanoTime();
      long before = operations.get();
      sleepReporting(out, duration, "measure");
      long measured = operations.get() - before;
      double seconds = (System.nanoTime() - start) / 1e9;
      measuring = false;
      running = false;
      summary(out, chosen, measured / seconds);
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
    return 0;
  }

  private @Nullable Bootstrap bootstrap;

  private static ProtocolVersion protocolVersion(String text) {
    String[] parts = text.split("\\.", -1);
    try {
      if (parts.length == 2) {
        return new ProtocolVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
      }
    } catch (NumberFormatException e) {
      // Reported below with the expected form.
    }
    throw new IllegalArgumentException(
        "--kmip-version " + text + ": expected MAJOR.MINOR, e.g. 1.2");
  }

  /** How long the connections may take to give their first answers before the run starts. */
  private static final long FIRST_ANSWERS_NANOS = TimeUnit.SECONDS.toNanos(30);

  /**
   * Waits until every connection has had an answer, so that the handshakes and the first, cold
   * requests count in neither the warm-up nor the measurement on a machine slow to start them.
   */
  private void awaitFirstAnswers(PrintWriter out) throws InterruptedException {
    long deadline = System.nanoTime() + FIRST_ANSWERS_NANOS;
    while (operations.get() < connections && errors.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    if (operations.get() < connections) {
      out.println(
          "connections: "
              + operations.get()
              + " answers from "
              + connections
              + " connections after 30 s; measuring anyway");
      out.flush();
    }
  }

  private void sleepReporting(PrintWriter out, int seconds, String phase)
      throws InterruptedException {
    for (int i = 0; i < seconds; i++) {
      long before = operations.get();
      Thread.sleep(1000);
      out.printf(
          Locale.ROOT, "%s %d/%d s: %d ops/s%n", phase, i + 1, seconds, operations.get() - before);
      out.flush();
    }
  }

  private void summary(PrintWriter out, Scenario chosen, double rate) {
    String name = chosen.label();
    if (json) {
      out.printf(
          Locale.ROOT,
          "{\"scenario\":\"%s\",\"ops_per_s\":%.0f,\"p50_ms\":%.3f,\"p95_ms\":%.3f,\"p99_ms\":%.3f,"
              + "\"max_ms\":%.3f,\"errors\":%d}%n",
          name,
          rate,
          latencies.percentile(50) / 1000.0,
          latencies.percentile(95) / 1000.0,
          latencies.percentile(99) / 1000.0,
          latencies.max() / 1000.0,
          errors.get());
    } else {
      out.printf(
          Locale.ROOT,
          "%s: %.0f ops/s, p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms, errors %d%n",
          name,
          rate,
          latencies.percentile(50) / 1000.0,
          latencies.percentile(95) / 1000.0,
          latencies.percentile(99) / 1000.0,
          latencies.max() / 1000.0,
          errors.get());
    }
    out.flush();
  }

  /**
   * One connection's loop: send, await the answer, record, send again (or reconnect for
   * handshakes).
   */
  private final class Lane extends SimpleChannelInboundHandler<ByteBuf> {
    private final byte[] request;
    private final boolean reconnect;
    private long sentAt = System.nanoTime();

    Lane(byte[] request, boolean reconnect) {
      this.request = request;
      this.reconnect = reconnect;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      if (event instanceof SslHandshakeCompletionEvent handshake) {
        if (handshake.isSuccess()) {
          send(ctx);
        } else {
          errors.incrementAndGet();
          ctx.close();
        }
      }
    }

    private void send(ChannelHandlerContext ctx) {
      if (!reconnect) {
        sentAt = System.nanoTime();
      }
      ctx.writeAndFlush(Unpooled.wrappedBuffer(request));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf response) {
      long micros = (System.nanoTime() - sentAt) / 1000;
      if (!succeeded(response)) {
        errors.incrementAndGet();
      }
      operations.incrementAndGet();
      if (measuring) {
        latencies.record(micros);
      }
      if (reconnect) {
        ctx.close();
        if (running) {
          Objects.requireNonNull(bootstrap).connect(host, port);
        }
      } else if (running) {
        send(ctx);
      } else {
        ctx.close();
      }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
      if (reconnect) {
        sentAt = System.nanoTime();
      }
      super.channelActive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      errors.incrementAndGet();
      ctx.close();
    }
  }

  /** True when the response's first Result Status (tag 42007F, an Enumeration) is Success (0). */
  static boolean succeeded(ByteBuf response) {
    int end = response.writerIndex() - 16;
    for (int i = response.readerIndex() + 8; i <= end; i += 8) {
      if (response.getInt(i) == 0x42007F05 && response.getInt(i + 4) == 4) {
        return response.getInt(i + 8) == 0;
      }
    }
    return false;
  }
}
