package io.arca.server.transport;

import io.arca.server.config.ServerConfig;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Builds each connection's pipeline: connection limit, TLS, idle timeout, TTLV framing, one request
 * at a time, dispatch to the worker pool. The event loop does TLS and framing only.
 */
public final class ArcaChannelInitializer extends ChannelInitializer<SocketChannel> {
  private final ServerConfig config;
  private final SslContext tls;
  private final ConnectionLimiter limiter;
  private final RequestProcessor processor;
  private final Executor workers;
  private final InFlightRequests inFlight;

  /**
   * An initializer that shares the TLS context, limiter, processor and worker pool of one server.
   */
  public ArcaChannelInitializer(
      ServerConfig config,
      SslContext tls,
      ConnectionLimiter limiter,
      RequestProcessor processor,
      Executor workers,
      InFlightRequests inFlight) {
    this.config = config;
    this.tls = tls;
    this.limiter = limiter;
    this.processor = processor;
    this.workers = workers;
    this.inFlight = inFlight;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    SslHandler sslHandler = tls.newHandler(channel.alloc());
    sslHandler.setHandshakeTimeoutMillis(config.limits().handshakeTimeout().toMillis());
    channel
        .pipeline()
        .addLast(PipelineNames.CONNECTION_LIMIT, limiter)
        .addLast(PipelineNames.TLS, sslHandler)
        .addLast(
            PipelineNames.IDLE,
            new IdleStateHandler(
                0, 0, config.limits().idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
        .addLast(PipelineNames.FRAMING, new TtlvFrameDecoder(config.limits().maxMessageBytes()))
        .addLast(PipelineNames.FLOW_CONTROL, new FlowControlHandler())
        .addLast(
            PipelineNames.DISPATCH,
            new RequestDispatcher(processor, workers, config.identityFrom(), inFlight));
  }
}
