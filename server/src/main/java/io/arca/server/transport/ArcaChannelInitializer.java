package io.arca.server.transport;

import io.arca.server.config.ServerConfig;
import io.arca.server.tls.ServerTls;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Builds each connection's pipeline: connection limit (a refused connection gets no pipeline and no
 * TLS engine), request deadline, TLS, idle timeout, TTLV framing (or, on the HTTPS port, HTTP/1.1
 * framing and the {@link KmipHttpHandler}), one request at a time, dispatch to the worker pool. The
 * event loop does TLS and framing only. Each connection's TLS handler comes from the server's TLS
 * material at accept time, so a reload affects new connections only.
 */
public final class ArcaChannelInitializer extends ChannelInitializer<SocketChannel> {
  /** How many bytes of HTTP body an XML or JSON request may take per byte of TTLV allowed. */
  static final long TEXT_PER_TTLV = 4;

  private final ServerConfig config;
  private final ServerTls tls;
  private final ConnectionLimiter limiter;
  private final RequestProcessor processor;
  private final Executor workers;
  private final InFlightRequests inFlight;
  private final RefusalLog refusals;
  private final boolean https;

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
    this(config, tls, limiter, processor, workers, inFlight, refusals, false);
  }

  /**
   * As above, for the TTLV port or, when {@code https}, the HTTPS port: HTTP/1.1 framing in place
   * of TTLV framing ({@link KmipHttpHandler}), the rest of the pipeline the same.
   */
  public ArcaChannelInitializer(
      ServerConfig config,
      ServerTls tls,
      ConnectionLimiter limiter,
      RequestProcessor processor,
      Executor workers,
      InFlightRequests inFlight,
      RefusalLog refusals,
      boolean https) {
    this.https = https;
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
    ChannelPipeline pipeline =
        channel
            .pipeline()
            .addLast(PipelineNames.CONNECTION_LIMIT, limiter)
            .addLast(PipelineNames.REQUEST_DEADLINE, deadline)
            .addLast(PipelineNames.TLS, sslHandler)
            .addLast(
                PipelineNames.IDLE,
                new IdleStateHandler(
                    0, 0, config.limits().idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
    int maxMessageBytes = config.limits().maxMessageBytes();
    if (https) {
      // XML and JSON spell a message out several times longer than its TTLV.
      int maxBodyBytes = (int) Math.min(Integer.MAX_VALUE - 8, TEXT_PER_TTLV * maxMessageBytes);
      pipeline
          .addLast(PipelineNames.HTTP, new HttpServerCodec())
          .addLast(PipelineNames.HTTP_BODY, new HttpBodyLimit(maxBodyBytes, deadline, refusals))
          .addLast(PipelineNames.FLOW_CONTROL, new FlowControlHandler())
          .addLast(
              PipelineNames.HTTP_KMIP,
              new KmipHttpHandler(maxMessageBytes, maxBodyBytes, refusals));
    } else {
      pipeline
          .addLast(PipelineNames.FRAMING, new TtlvFrameDecoder(maxMessageBytes, deadline))
          .addLast(PipelineNames.FLOW_CONTROL, new FlowControlHandler());
    }
    pipeline.addLast(
        PipelineNames.DISPATCH,
        new RequestDispatcher(processor, workers, config.identityFrom(), inFlight, refusals, tls));
  }
}
