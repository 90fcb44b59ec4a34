package io.arca.server.transport;

import io.arca.server.config.ServerConfig;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Decides, as a connection is accepted and before any TLS work, whether it gets a slot. Three
 * bounds: connections from one client address, connections still in their TLS handshake (the slots
 * left when the reserve for authenticated connections is taken away), and all connections. While
 * more than half of the handshake share is taken, new connections get the shorter busy handshake
 * deadline, so slots held by clients that never finish come back sooner. Refusals go to the {@link
 * RefusalLog}. The handler itself stays in the pipeline to give the slot back when the connection
 * goes.
 */
@ChannelHandler.Sharable
public final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
  private static final AttributeKey<Slot> SLOT = AttributeKey.valueOf("arca.slot");

  private final ServerConfig.Limits limits;
  private final RefusalLog refusals;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger inHandshake = new AtomicInteger();
  private final ConcurrentHashMap<Object, Integer> perAddress = new ConcurrentHashMap<>();

  /** A limiter shared by every connection of one server. */
  public ConnectionLimiter(ServerConfig.Limits limits, RefusalLog refusals) {
    this.limits = limits;
    this.refusals = refusals;
  }

  /** Connections open now. */
  public int openConnections() {
    return open.get();
  }

  /** Connections open now that have not finished their TLS handshake. */
  public int connectionsInHandshake() {
    return inHandshake.get();
  }

  /**
   * Takes a slot for a newly accepted connection and returns its handshake deadline, or closes the
   * connection, logs the refusal and returns null. Call once per connection, before adding this
   * handler to its pipeline.
   */
  public @Nullable Duration admit(Channel channel) {
    Object address = RefusalLog.sourceOf(channel.remoteAddress());
    int fromAddress = perAddress.merge(address, 1, Integer::sum);
    if (fromAddress > limits.maxConnectionsPerAddress()) {
      release(address);
      return refuse(
          channel,
          Refusal.ADDRESS_LIMIT,
          limits.maxConnectionsPerAddress() + " open (max-connections-per-address)");
    }
    int handshaking = inHandshake.incrementAndGet();
    if (handshaking > limits.handshakeShare()) {
      inHandshake.decrementAndGet();
      release(address);
      return refuse(
          channel,
          Refusal.CONNECTION_LIMIT,
          limits.handshakeShare()
              + " connections in their TLS handshake, the rest of max-connections is reserved");
    }
    if (open.incrementAndGet() > limits.maxConnections()) {
      open.decrementAndGet();
      inHandshake.decrementAndGet();
      release(address);
      return refuse(
          channel,
          Refusal.CONNECTION_LIMIT,
          limits.maxConnections() + " connections open (max-connections)");
    }
    channel.attr(SLOT).set(new Slot(address));
    return handshaking > limits.handshakeShare() / 2
        ? limits.busyHandshakeTimeout()
        : limits.handshakeTimeout();
  }

  private @Nullable Duration refuse(Channel channel, Refusal reason, String detail) {
    refusals.refused(channel.remoteAddress(), reason, detail);
    channel.close();
    return null;
  }

  /**
   * Moves an admitted connection out of the handshake share once its TLS handshake has succeeded:
   * from then on it may use the reserved slots.
   */
  public void handshakeDone(Channel channel) {
    Slot slot = channel.attr(SLOT).get();
    if (slot != null && slot.leaveHandshake()) {
      inHandshake.decrementAndGet();
    }
  }

  /** Gives the slot back however the connection ends (the pipeline is emptied once it closes). */
  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    Slot slot = ctx.channel().attr(SLOT).getAndSet(null);
    if (slot == null) {
      return;
    }
    if (slot.leaveHandshake()) {
      inHandshake.decrementAndGet();
    }
    open.decrementAndGet();
    release(slot.address());
  }

  private void release(Object address) {
    perAddress.computeIfPresent(address, (ignored, count) -> count == 1 ? null : count - 1);
  }

  /** The slot one connection holds: its address, and whether it is still in the handshake. */
  private static final class Slot {
    private final Object address;
    private boolean inHandshake = true;

    Slot(Object address) {
      this.address = address;
    }

    Object address() {
      return address;
    }

    /** True the first time only, so the handshake count drops once per connection. */
    synchronized boolean leaveHandshake() {
      boolean was = inHandshake;
      inHandshake = false;
      return was;
    }
  }
}
