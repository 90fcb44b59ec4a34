package io.arca.server.transport;

import java.net.SocketAddress;

/**
 * One client connection as the KMIP layer sees it: who is on the other end, authenticated by the
 * TLS client certificate, and from where.
 *
 * @param user the user name taken from the client certificate
 * @param remoteAddress the client's address, for logs
 * @param address the client's address as text, for the audit records: made once per connection
 */
public record Connection(String user, SocketAddress remoteAddress, String address) {
  /** The connection of {@code user} from {@code remoteAddress}. */
  public Connection(String user, SocketAddress remoteAddress) {
    this(user, remoteAddress, String.valueOf(remoteAddress));
  }
}
