package io.arca.server.transport;

import io.arca.server.auth.ClientIdentity;
import io.arca.server.auth.RefusedIdentity;
import io.arca.server.config.IdentitySource;
import io.arca.server.tls.RevocationList;
import io.arca.server.tls.ServerTls;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each request of one connection to the worker pool and writes the answer back, one request
 * at a time. Reading is off ({@code autoRead=false}) and is asked for again only after the previous
 * response has been written, so a slow operation stops reading from its connection instead of
 * queueing requests, and responses go out in request order. Requests the caches can answer are
 * answered on the event loop ({@link RequestProcessor#tryInline}); the rest run on the worker pool,
 * so a blocking call never stalls the connections of an event loop.
 */
public final class RequestDispatcher extends ChannelInboundHandlerAdapter {
  private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);
  private static final int MAX_REASON_CHARS = 300;

  private final RequestProcessor processor;
  private final Executor workers;
  private final IdentitySource identitySource;
  private final InFlightRequests inFlight;
  private final RefusalLog refusals;
  private final ServerTls tls;
  private @Nullable Connection connection;
  private @Nullable Connection authenticated;
  private X509Certificate @Nullable [] peerChain;
  private long checkedGeneration = -1;
  private @Nullable String refusal;
  private boolean requestInFlight;

  /** A dispatcher for one connection. */
  public RequestDispatcher(
      RequestProcessor processor,
      Executor workers,
      IdentitySource identitySource,
      InFlightRequests inFlight,
      RefusalLog refusals,
      ServerTls tls) {
    this.processor = processor;
    this.workers = workers;
    this.identitySource = identitySource;
    this.inFlight = inFlight;
    this.refusals = refusals;
    this.tls = tls;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    // Reading is off by default: start it once so that TLS receives the ClientHello.
    ctx.read();
    super.channelActive(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof SslHandshakeCompletionEvent handshake) {
      if (!handshake.isSuccess()) {
        refuseHandshake(ctx, handshake.cause());
        ctx.close();
        return;
      }
      String user;
      try {
        user = userOf(ctx);
      } catch (RefusedIdentity e) {
        // The handshake is over, so the client expects KMIP: its first request is answered with
        // Authentication Not Successful, then the connection closes (channelRead).
        refusal = e.why();
        refusals.refused(ctx.channel().remoteAddress(), Refusal.NO_USER, e.why());
        ctx.read();
        return;
      }
      connection = new Connection(user, ctx.channel().remoteAddress());
      authenticated = connection;
      log.debug("{}: connected as {}", ctx.channel().remoteAddress(), user);
      ctx.read();
    } else if (event instanceof IdleStateEvent) {
      log.debug("{}: idle, closing", ctx.channel().remoteAddress());
      ctx.close();
    } else {
      super.userEventTriggered(ctx, event);
    }
  }

  /**
   * Logs why a handshake failed, from the exception's own message: the TLS alert or the certificate
   * check that failed, never key material (a handshake carries none that is secret in clear).
   */
  private void refuseHandshake(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof SslHandshakeTimeoutException) {
      refusals.refused(ctx.channel().remoteAddress(), Refusal.HANDSHAKE_TIMEOUT, reasonOf(cause));
      return;
    }
    refusals.refused(ctx.channel().remoteAddress(), Refusal.HANDSHAKE_FAILED, reasonOf(cause));
  }

  /** The innermost message of {@code cause}, which names the TLS alert or failed check. */
  static String reasonOf(Throwable cause) {
    if (cause instanceof ClosedChannelException) {
      return "the client closed the connection before the handshake finished";
    }
    Throwable inner = cause;
    while (inner.getCause() != null && inner.getCause() != inner) {
      inner = inner.getCause();
    }
    String message = inner.getMessage();
    String reason =
        inner.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
    return reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS);
  }

  private String userOf(ChannelHandlerContext ctx) throws RefusedIdentity {
    SslHandler handler = ctx.pipeline().get(SslHandler.class);
    try {
      Certificate[] chain = handler.engine().getSession().getPeerCertificates();
      if (chain.length > 0 && chain[0] instanceof X509Certificate leaf) {
        peerChain = x509(chain);
        return ClientIdentity.userOf(leaf, identitySource);
      }
    } catch (SSLPeerUnverifiedException e) {
      // Cannot happen with client certificates required; refused like a certificate without a user.
    }
    throw new RefusedIdentity("no verified X.509 client certificate");
  }

  private static X509Certificate[] x509(Certificate[] chain) {
    List<X509Certificate> certificates = new ArrayList<>(chain.length);
    for (Certificate certificate : chain) {
      if (certificate instanceof X509Certificate x509) {
        certificates.add(x509);
      }
    }
    return certificates.toArray(X509Certificate[]::new);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    Connection current = connection;
    if (current == null || revokedSinceLastLook(ctx)) {
      refuse(ctx, message);
      return;
    }
    requestInFlight = true;
    if (message instanceof MalformedFrame malformed) {
      refusals.refused(current.remoteAddress(), Refusal.MALFORMED_REQUEST, malformed.message());
      submit(
          ctx,
          () -> {
            ByteBuf bytes = processor.malformed(malformed, current, ctx.alloc());
            return bytes == null ? null : Answer.thenClose(bytes);
          });
    } else if (message instanceof ByteBuf frame) {
      log.trace("{}: request of {} bytes", current.remoteAddress(), frame.readableBytes());
      InlineAttempt attempt = attemptInline(frame, current, ctx);
      if (attempt instanceof InlineAttempt.Answered answered) {
        wipe(frame);
        inFlight.started();
        respond(ctx, answered.answer());
        return;
      }
      InlineAttempt.Work rest = ((InlineAttempt.Deferred) attempt).rest();
      submit(ctx, () -> finish(rest, frame));
    } else {
      ReferenceCountUtil.release(message);
    }
  }

  /**
   * Whether the revocation data changed since this connection last looked and now names its
   * certificate; then the connection becomes a refused one. Costs two volatile reads and a compare
   * while nothing changes.
   */
  private boolean revokedSinceLastLook(ChannelHandlerContext ctx) {
    RevocationList list = tls.revocation();
    if (list.generation() == checkedGeneration) {
      return false;
    }
    checkedGeneration = list.generation();
    X509Certificate[] chain = peerChain;
    String why = chain == null ? null : list.refusal(chain);
    if (why == null) {
      return false;
    }
    connection = null;
    refusal = why;
    refusals.refused(ctx.channel().remoteAddress(), Refusal.REVOKED, why);
    return true;
  }

  /**
   * Answers the first request of a refused client with Authentication Not Successful and closes;
   * closes at once if the handshake never named a refusal (a request before it cannot happen).
   */
  private void refuse(ChannelHandlerContext ctx, Object message) {
    String why = refusal;
    if (why == null || requestInFlight) {
      ReferenceCountUtil.release(message);
      ctx.close();
      return;
    }
    requestInFlight = true;
    ByteBuf answer;
    if (message instanceof ByteBuf frame) {
      answer = processor.unauthenticated(frame, why, ctx.alloc());
      wipe(frame);
    } else {
      ReferenceCountUtil.release(message);
      answer = processor.unauthenticated(null, why, ctx.alloc());
    }
    inFlight.started();
    respond(ctx, answer == null ? null : Answer.thenClose(answer));
  }

  /**
   * A read cycle ended without handing us a request (TLS records that held no application data, or
   * half a frame): FlowControlHandler counts that as an answered read(), so ask again unless a
   * request is running.
   */
  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if ((connection != null || refusal != null) && !requestInFlight) {
      ctx.read();
    }
  }

  /**
   * The answer given here on the event loop, saving two thread hand-offs, when the request needs
   * nothing that blocks; else the rest of the work, for the worker pool.
   */
  private InlineAttempt attemptInline(
      ByteBuf frame, Connection current, ChannelHandlerContext ctx) {
    try {
      return processor.tryInline(frame, current, ctx.alloc());
    } catch (RuntimeException e) {
      log.warn("{}: request failed outside KMIP error handling", current.remoteAddress(), e);
      return InlineAttempt.toWorkers(() -> processor.process(frame, current, ctx.alloc()));
    }
  }

  private static Answer finish(InlineAttempt.Work rest, ByteBuf frame) {
    try {
      return rest.run();
    } finally {
      wipe(frame);
    }
  }

  private static void wipe(ByteBuf frame) {
    // Requests carry key material (Register, Import): leave none of it in pooled memory.
    frame.setZero(0, frame.capacity());
    frame.release();
  }

  private void submit(ChannelHandlerContext ctx, Work work) {
    inFlight.started();
    try {
      workers.execute(
          () -> {
            Answer response = null;
            try {
              response = work.run();
            } catch (RuntimeException | Error e) {
              log.warn(
                  "{}: request failed outside KMIP error handling",
                  ctx.channel().remoteAddress(),
                  e);
            }
            Answer answer = response;
            ctx.executor().execute(() -> respond(ctx, answer));
          });
    } catch (RejectedExecutionException e) {
      log.warn("{}: worker pool refused a request; closing", ctx.channel().remoteAddress());
      inFlight.finished();
      ctx.close();
    }
  }

  private void respond(ChannelHandlerContext ctx, @Nullable Answer response) {
    if (response == null) {
      inFlight.finished();
      ctx.close();
      return;
    }
    String refusal = response.refusal();
    if (refusal != null) {
      refusals.refused(ctx.channel().remoteAddress(), response.kind(), refusal);
    }
    if (response.closeAfter()) {
      ctx.writeAndFlush(response.bytes())
          .addListener(
              (ChannelFutureListener)
                  future -> {
                    inFlight.finished();
                    ctx.close();
                  });
      return;
    }
    ctx.writeAndFlush(response.bytes())
        .addListener(
            (ChannelFutureListener)
                future -> {
                  inFlight.finished();
                  if (future.isSuccess()) {
                    requestInFlight = false;
                    ctx.read();
                  } else {
                    ctx.close();
                  }
                });
  }

  /**
   * Has the worker pool drop what the connection left open (streams): that takes the stream table's
   * lock, which workers hold, so it does not run on the event loop. If the pool is gone (shutdown),
   * it is done here.
   */
  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    Connection closed = authenticated;
    authenticated = null;
    if (closed != null) {
      try {
        workers.execute(() -> processor.closed(closed));
      } catch (RejectedExecutionException e) {
        processor.closed(closed);
      }
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("{}: closing after {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }

  /** Work for the pool that produces the response, or null when there is none to send. */
  @FunctionalInterface
  private interface Work {
    @Nullable Answer run();
  }
}
