package io.arca.server.transport;

import io.arca.server.config.ServerConfig;
import io.arca.server.tls.ServerTls;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Builds each connection's pipeline: connection limit (a refused connection gets no pipeline and no
 * TLS engine), request deadline, TLS, idle timeout, TTLV framing, one request at a time, dispatch
 * to the worker pool. The event loop does TLS and framing only. Each connection's TLS handler comes
 * from the server's TLS material at accept time, so a reload affects new connections only.
 */
public final class ArcaChannelInitializer extends ChannelInitializer<SocketChannel> {
  private final ServerConfig config;
  private final ServerTls tls;
  private final ConnectionLimiter limiter;
  private final RequestProcessor processor;
  private final Executor workers;
  private final InFlightRequests inFlight;
  private final RefusalLog refusals;

  /**
   * An initializer that shares the TLS context, limiter, processor, worker pool and refusal log of
   * one server.
   */
  public ArcaChannelInitializer(
      ServerConfig config,
      ServerTls tls,
      ConnectionLimiter limiter,
      RequestProcessor processor,
      Executor workers,
      InFlightRequests inFlight,
      RefusalLog refusals) {
    this.config = config;
    this.tls = tls;
    this.limiter = limiter;
    this.processor = processor;
    this.workers = workers;
    this.inFlight = inFlight;
    this.refusals = refusals;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    long accepted = System.nanoTime();
    Duration handshakeTimeout = limiter.admit(channel);
    if (handshakeTimeout == null) {
      return;
    }
    SslHandler sslHandler = tls.newHandler(channel.alloc());
    sslHandler.setHandshakeTimeoutMillis(handshakeTimeout.toMillis());
    RequestDeadline deadline = new RequestDeadline(config.limits().requestTimeout(), refusals);
    sslHandler
        .handshakeFuture()
        .addListener(
            handshake -> {
              refusals
                  .events()
                  .handshake(
                      handshake.isSuccess() ? null : handshake.cause(),
                      System.nanoTime() - accepted);
              if (handshake.isSuccess()) {
                limiter.handshakeDone(channel);
                deadline.handshakeDone();
              }
            });
    channel
        .pipeline()
        .addLast(PipelineNames.CONNECTION_LIMIT, limiter)
        .addLast(PipelineNames.REQUEST_DEADLINE, deadline)
        .addLast(PipelineNames.TLS, sslHandler)
        .addLast(
            PipelineNames.IDLE,
            new IdleStateHandler(
                0, 0, config.limits().idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
        .addLast(
            PipelineNames.FRAMING,
            new TtlvFrameDecoder(config.limits().maxMessageBytes(), deadline))
        .addLast(PipelineNames.FLOW_CONTROL, new FlowControlHandler())
        .addLast(
            PipelineNames.DISPATCH,
            new RequestDispatcher(
                processor, workers, config.identityFrom(), inFlight, refusals, tls));
  }
}
