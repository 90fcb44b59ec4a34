package io.arca.server;

import io.arca.server.config.ServerConfig;
import io.arca.server.tls.ServerTls;
import io.arca.server.transport.ArcaChannelInitializer;
import io.arca.server.transport.ConnectionLimiter;
import io.arca.server.transport.InFlightRequests;
import io.arca.server.transport.NetworkTransport;
import io.arca.server.transport.RefusalLog;
import io.arca.server.transport.RequestProcessor;
import io.arca.server.transport.TransportEvents;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running KMIP listener: the Netty event loops, the bounded worker pool that runs operations, and
 * the bound port. Closing it stops accepting, lets requests in flight finish, then closes every
 * connection.
 */
public final class ArcaServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ArcaServer.class);
  private static final long DRAIN_SECONDS = 10;

  private final EventLoopGroup acceptors;
  private final EventLoopGroup eventLoops;
  private final ThreadPoolExecutor workers;
  private final Channel listener;
  private final @Nullable Channel httpsListener;
  private final ConnectionLimiter limiter;
  private final InFlightRequests inFlight;
  private final ServerTls tls;

  private ArcaServer(
      EventLoopGroup acceptors,
      EventLoopGroup eventLoops,
      ThreadPoolExecutor workers,
      Channel listener,
      @Nullable Channel httpsListener,
      ConnectionLimiter limiter,
      InFlightRequests inFlight,
      ServerTls tls) {
    this.acceptors = acceptors;
    this.eventLoops = eventLoops;
    this.workers = workers;
    this.listener = listener;
    this.httpsListener = httpsListener;
    this.limiter = limiter;
    this.inFlight = inFlight;
    this.tls = tls;
  }

  /** Binds the KMIP port and starts serving with a fixed TLS context. */
  public static ArcaServer start(ServerConfig config, SslContext tls, RequestProcessor processor)
      throws InterruptedException {
    return start(config, ServerTls.fixed(tls), processor);
  }

  /**
   * Binds the KMIP port and starts serving; returns once the port is listening. The server owns
   * {@code tls} from here and closes it.
   */
  public static ArcaServer start(ServerConfig config, ServerTls tls, RequestProcessor processor)
      throws InterruptedException {
    return start(config, tls, processor, TransportEvents.NONE);
  }

  /** As above, telling {@code events} of every handshake and refusal (metrics). */
  public static ArcaServer start(
      ServerConfig config, ServerTls tls, RequestProcessor processor, TransportEvents events)
      throws InterruptedException {
    NetworkTransport transport = NetworkTransport.best();
    EventLoopGroup acceptors =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("arca-accept"), transport.ioHandlers());
    EventLoopGroup eventLoops =
        new MultiThreadIoEventLoopGroup(
            0, new DefaultThreadFactory("arca-io"), transport.ioHandlers());
    // Each connection has at most one request in flight, so the queue can never hold more than the
    // connection limit: bounded by construction.
    ThreadPoolExecutor workers =
        new ThreadPoolExecutor(
            config.workerThreads(),
            config.workerThreads(),
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(config.limits().maxConnections()),
            new DefaultThreadFactory("arca-worker"),
            new ThreadPoolExecutor.AbortPolicy());
    RefusalLog refusals = new RefusalLog(config.limits().refusalLogInterval(), events);
    ConnectionLimiter limiter = new ConnectionLimiter(config.limits(), refusals);
    InFlightRequests inFlight = new InFlightRequests();
    Channel listener = null;
    try {
      ServerBootstrap bootstrap =
          new ServerBootstrap()
              .group(acceptors, eventLoops)
              .channel(transport.serverChannel())
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childOption(ChannelOption.AUTO_READ, false)
              .childOption(ChannelOption.TCP_NODELAY, true);
      listener =
          bootstrap
              .clone()
              .childHandler(
                  new ArcaChannelInitializer(
                      config, tls, limiter, processor, workers, inFlight, refusals, false))
              .bind(config.bind(), config.port())
              .sync()
              .channel();
      // The HTTPS port shares everything but the framing: one connection limit over both ports
      // (which also bounds the worker queue), the same pool, TLS material and refusal log.
      InetSocketAddress httpsBind = config.httpsBind();
      Channel httpsListener =
          httpsBind == null
              ? null
              : bootstrap
                  .clone()
                  .childHandler(
                      new ArcaChannelInitializer(
                          config, tls, limiter, processor, workers, inFlight, refusals, true))
                  .bind(httpsBind.getHostString(), httpsBind.getPort())
                  .sync()
                  .channel();
      long every = refusals.interval().toMillis();
      acceptors.scheduleAtFixedRate(refusals::flush, every, every, TimeUnit.MILLISECONDS);
      return new ArcaServer(
          acceptors, eventLoops, workers, listener, httpsListener, limiter, inFlight, tls);
    } catch (InterruptedException | RuntimeException e) {
      if (listener != null) {
        listener.close();
      }
      acceptors.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      eventLoops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      workers.shutdownNow();
      tls.close();
      throw e;
    }
  }

  /** The port actually bound (useful when the configured port is 0). */
  public int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  /** The HTTPS port actually bound, or -1 when it is off. */
  public int httpsPort() {
    return httpsListener == null
        ? -1
        : ((InetSocketAddress) httpsListener.localAddress()).getPort();
  }

  /** Connections open now, on both ports. */
  public int openConnections() {
    return limiter.openConnections();
  }

  /** The server's TLS material, which {@link ServerTls#reload} replaces for new handshakes. */
  public ServerTls tls() {
    return tls;
  }

  /** Connections open now that have not finished their TLS handshake. */
  public int connectionsInHandshake() {
    return limiter.connectionsInHandshake();
  }

  /** Stops accepting, waits for requests in flight to finish, then closes every connection. */
  @Override
  public void close() {
    listener.close().syncUninterruptibly();
    if (httpsListener != null) {
      httpsListener.close().syncUninterruptibly();
    }
    acceptors.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    workers.shutdown();
    try {
      // Answers leave on the event loops after the workers finish: wait for the writes too.
      if (!workers.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)
          || !inFlight.awaitIdle(Duration.ofSeconds(DRAIN_SECONDS))) {
        log.warn("requests still running after {} s; stopping them", DRAIN_SECONDS);
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    acceptors.terminationFuture().syncUninterruptibly();
    tls.close();
  }
}
