package io.arca.server.transport;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The socket layer under the event loops: Linux epoll through Netty's native transport when it
 * loads (fewer system calls per request and no selector garbage), Java NIO everywhere else.
 */
public enum NetworkTransport {
  EPOLL,
  NIO;

  /** Epoll where its native library loads, NIO otherwise. */
  public static NetworkTransport best() {
    return Epoll.isAvailable() ? EPOLL : NIO;
  }

  /** The I/O handlers of this transport's event loops. */
  public IoHandlerFactory ioHandlers() {
    return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
  }

  /** The client channel type of this transport (the load generator's connections). */
  public Class<? extends SocketChannel> socketChannel() {
    return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
  }

  /** The listening channel type of this transport. */
  public Class<? extends ServerChannel> serverChannel() {
    return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }
}
