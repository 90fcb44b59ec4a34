package io.arca.server.transport;

import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client connection as the KMIP layer sees it: who is on the other end, authenticated by the
 * TLS client certificate, and from where.
 *
 * @param user the user name taken from the client certificate
 * @param remoteAddress the client's address, for logs
 * @param address the client's address as text, for the audit records: made once per connection
 * @param id a number no other connection of this process has, which binds state kept between
 *     requests (streams) to the connection that made it
 */
public record Connection(String user, SocketAddress remoteAddress, String address, long id) {
  private static final AtomicLong NUMBERS = new AtomicLong();

  /** A new connection of {@code user} from {@code remoteAddress}. */
  public Connection(String user, SocketAddress remoteAddress) {
    this(user, remoteAddress, String.valueOf(remoteAddress), NUMBERS.incrementAndGet());
  }
}
