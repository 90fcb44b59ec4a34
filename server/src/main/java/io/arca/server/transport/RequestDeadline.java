package io.arca.server.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Closes a connection whose request does not arrive whole within the deadline of its first byte.
 * The idle timeout cannot do this, since every byte resets it: a client trickling a few bytes a
 * minute would hold its connection forever. The handler sits before TLS, so the clock starts with
 * the first encrypted byte after the handshake (a TLS record cut short counts too); the frame
 * decoder stops it when it has a whole request ({@link #requestDone}). The check is one timer per
 * connection, scheduled when a request starts and no timer is pending and moved on when it fires
 * early, so a request that arrives in one read costs one clock read and no allocation.
 */
public final class RequestDeadline extends ChannelInboundHandlerAdapter {
  private static final long IDLE = Long.MIN_VALUE;

  private final long deadlineNanos;
  private final RefusalLog refusals;
  private boolean authenticated;
  private long requestStart = IDLE;
  private @Nullable ChannelHandlerContext context;
  private boolean timerPending;

  /** A deadline for one connection's requests. */
  public RequestDeadline(Duration deadline, RefusalLog refusals) {
    this.deadlineNanos = deadline.toNanos();
    this.refusals = refusals;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    context = ctx;
  }

  /**
   * Starts watching once the TLS handshake is done (the handshake has its own deadline). Called on
   * the connection's event loop.
   */
  void handshakeDone() {
    authenticated = true;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (authenticated && requestStart == IDLE) {
      start(ctx);
    }
    ctx.fireChannelRead(message);
  }

  /**
   * The framing holds the start of a request. Its first bytes may have come in the read that ended
   * the handshake, before this handler was watching, so the clock starts now if it has not yet.
   */
  void requestStarted() {
    ChannelHandlerContext ctx = context;
    if (authenticated && requestStart == IDLE && ctx != null) {
      start(ctx);
    }
  }

  /**
   * The frame decoder has a whole request; {@code moreBuffered} when bytes of the next one are
   * already there, whose clock starts now.
   */
  void requestDone(boolean moreBuffered) {
    requestStart = IDLE;
    ChannelHandlerContext ctx = context;
    if (moreBuffered && ctx != null) {
      start(ctx);
    }
  }

  private void start(ChannelHandlerContext ctx) {
    requestStart = System.nanoTime();
    if (!timerPending) {
      schedule(ctx, deadlineNanos);
    }
  }

  private void schedule(ChannelHandlerContext ctx, long delayNanos) {
    timerPending = true;
    ctx.executor().schedule(() -> check(ctx), delayNanos, TimeUnit.NANOSECONDS);
  }

  private void check(ChannelHandlerContext ctx) {
    timerPending = false;
    if (requestStart == IDLE || !ctx.channel().isActive()) {
      return;
    }
    long left = requestStart + deadlineNanos - System.nanoTime();
    if (left > 0) {
      schedule(ctx, left);
      return;
    }
    refusals.refused(
        ctx.channel().remoteAddress(),
        Refusal.REQUEST_TIMEOUT,
        "no whole request " + Duration.ofNanos(deadlineNanos) + " after its first byte; closing");
    ctx.close();
  }
}
