package io.arca.server.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An unauthenticated client that holds many TCP connections open without ever starting TLS, all
 * from one source address, and opens a new one whenever the server closes one: the attack that used
 * to lock every new client out.
 */
final class IdleSocketFlood implements AutoCloseable {
  private final InetAddress from;
  private final InetSocketAddress to;
  private final int sockets;
  private final Selector selector;
  private final Thread thread;
  private final AtomicLong opened = new AtomicLong();
  private volatile boolean running = true;

  private IdleSocketFlood(InetAddress from, InetSocketAddress to, int sockets) throws IOException {
    this.from = from;
    this.to = to;
    this.sockets = sockets;
    this.selector = Selector.open();
    this.thread = new Thread(this::run, "idle-socket-flood");
    thread.setDaemon(true);
  }

  /** Starts holding {@code sockets} connections from {@code from} to {@code to}. */
  static IdleSocketFlood start(InetAddress from, InetSocketAddress to, int sockets)
      throws IOException {
    IdleSocketFlood flood = new IdleSocketFlood(from, to, sockets);
    flood.thread.start();
    return flood;
  }

  /** Connections opened so far, the first ones and the re-opened ones. */
  long opened() {
    return opened.get();
  }

  private void run() {
    ByteBuffer sink = ByteBuffer.allocate(256);
    try {
      for (int i = 0; i < sockets; i++) {
        open();
      }
      while (running) {
        selector.select(100);
        for (SelectionKey key : selector.selectedKeys()) {
          SocketChannel channel = (SocketChannel) key.channel();
          boolean closed;
          try {
            if (key.isConnectable()) {
              channel.finishConnect();
              key.interestOps(SelectionKey.OP_READ);
              closed = false;
            } else {
              sink.clear();
              closed = channel.read(sink) < 0;
            }
          } catch (IOException e) {
            closed = true;
          }
          if (closed) {
            key.cancel();
            channel.close();
            if (running) {
              open();
            }
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void open() throws IOException {
    SocketChannel channel = SocketChannel.open();
    channel.configureBlocking(false);
    channel.bind(new InetSocketAddress(from, 0));
    if (channel.connect(to)) {
      channel.register(selector, SelectionKey.OP_READ);
    } else {
      channel.register(selector, SelectionKey.OP_CONNECT);
    }
    opened.incrementAndGet();
  }

  @Override
  public void close() throws IOException {
    running = false;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SelectionKey key : selector.keys()) {
      key.channel().close();
    }
    selector.close();
  }
}
