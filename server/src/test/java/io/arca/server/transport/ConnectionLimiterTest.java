package io.arca.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {
  @Test
  void connectionsBeyondTheLimitAreClosedAndClosingOneMakesRoom() {
    ConnectionLimiter limiter = new ConnectionLimiter(2);
    EmbeddedChannel first = new EmbeddedChannel(limiter);
    EmbeddedChannel second = new EmbeddedChannel(limiter);
    EmbeddedChannel third = new EmbeddedChannel(limiter);

    assertThat(first.isOpen()).isTrue();
    assertThat(second.isOpen()).isTrue();
    assertThat(third.isOpen()).isFalse();
    assertThat(limiter.openConnections()).isEqualTo(2);

    first.close();
    EmbeddedChannel fourth = new EmbeddedChannel(limiter);
    assertThat(fourth.isOpen()).isTrue();
    assertThat(limiter.openConnections()).isEqualTo(2);
  }
}
