package io.arca.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.server.config.ServerConfig;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The admission rules, on channels that all come from one (embedded) address. */
class ConnectionLimiterTest {
  private static final Duration HANDSHAKE = Duration.ofSeconds(10);
  private static final Duration BUSY = Duration.ofSeconds(1);

  private static ConnectionLimiter limiter(int max, int perAddress, int reserved) {
    return new ConnectionLimiter(
        new ServerConfig.Limits(
            max,
            1024,
            Duration.ofMinutes(1),
            HANDSHAKE,
            perAddress,
            reserved,
            BUSY,
            Duration.ofSeconds(30),
            Duration.ofSeconds(10)),
        new RefusalLog(Duration.ofSeconds(10)));
  }

  /** A new connection as the initializer treats it: admitted into the pipeline, or closed. */
  private static final class Connection {
    final EmbeddedChannel channel = new EmbeddedChannel();
    final @Nullable Duration handshakeTimeout;

    Connection(ConnectionLimiter limiter) {
      handshakeTimeout = limiter.admit(channel);
      if (handshakeTimeout != null) {
        channel.pipeline().addLast(limiter);
      }
    }
  }

  @Test
  void connectionsBeyondTheLimitAreClosedAndClosingOneMakesRoom() {
    ConnectionLimiter limiter = limiter(3, 3, 1);
    Connection first = new Connection(limiter);
    Connection second = new Connection(limiter);
    limiter.handshakeDone(first.channel);
    limiter.handshakeDone(second.channel);
    Connection third = new Connection(limiter);
    Connection fourth = new Connection(limiter);

    assertThat(third.channel.isOpen()).isTrue();
    assertThat(fourth.channel.isOpen()).isFalse();
    assertThat(fourth.handshakeTimeout).isNull();
    assertThat(limiter.openConnections()).isEqualTo(3);

    first.channel.close();
    Connection fifth = new Connection(limiter);
    assertThat(fifth.channel.isOpen()).isTrue();
    assertThat(limiter.openConnections()).isEqualTo(3);
  }

  @Test
  void oneAddressGetsNoMoreThanItsShare() {
    ConnectionLimiter limiter = limiter(100, 2, 10);
    Connection first = new Connection(limiter);
    Connection second = new Connection(limiter);
    limiter.handshakeDone(second.channel);
    Connection third = new Connection(limiter);

    assertThat(first.channel.isOpen()).isTrue();
    assertThat(second.channel.isOpen()).isTrue();
    assertThat(third.channel.isOpen()).as("authenticated ones count too").isFalse();

    second.channel.close();
    assertThat(new Connection(limiter).channel.isOpen()).isTrue();
  }

  @Test
  void connectionsInTheHandshakeLeaveTheReserveToAuthenticatedOnes() {
    ConnectionLimiter limiter = limiter(4, 4, 2);
    Connection first = new Connection(limiter);
    Connection second = new Connection(limiter);
    Connection third = new Connection(limiter);
    assertThat(third.channel.isOpen()).as("a third handshake would eat the reserve").isFalse();
    assertThat(limiter.connectionsInHandshake()).isEqualTo(2);

    limiter.handshakeDone(first.channel);
    limiter.handshakeDone(first.channel);
    assertThat(limiter.connectionsInHandshake()).as("counted once").isEqualTo(1);
    assertThat(new Connection(limiter).channel.isOpen()).isTrue();
    limiter.handshakeDone(second.channel);
    assertThat(limiter.openConnections()).isEqualTo(3);
  }

  @Test
  void newConnectionsGetTheBusyDeadlineOnceHalfTheHandshakeShareIsTaken() {
    ConnectionLimiter limiter = limiter(10, 10, 2);
    for (int i = 0; i < 4; i++) {
      assertThat(new Connection(limiter).handshakeTimeout).isEqualTo(HANDSHAKE);
    }
    assertThat(new Connection(limiter).handshakeTimeout).isEqualTo(BUSY);
  }

  @Test
  void slotsOfClosedConnectionsComeBackWhateverStateTheyWereIn() {
    ConnectionLimiter limiter = limiter(8, 8, 2);
    Connection handshaking = new Connection(limiter);
    Connection authenticated = new Connection(limiter);
    limiter.handshakeDone(authenticated.channel);

    handshaking.channel.close();
    authenticated.channel.close();

    assertThat(limiter.openConnections()).isZero();
    assertThat(limiter.connectionsInHandshake()).isZero();
  }
}
