package io.arca.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefusalLogTest {
  private static final InetSocketAddress FLOODER = new InetSocketAddress("127.0.0.2", 40000);
  private static final InetSocketAddress OTHER = new InetSocketAddress("127.0.0.3", 40000);

  @Test
  void aFloodFromOneAddressIsOneLineThenOneLinePerIntervalWithCounts() {
    RefusalLog refusals = new RefusalLog(Duration.ofSeconds(10));
    try (LogLines log = LogLines.ofTransport()) {
      for (int port = 0; port < 10_000; port++) {
        refusals.refused(
            new InetSocketAddress("127.0.0.2", 1024 + port % 60000),
            port % 2 == 0 ? Refusal.ADDRESS_LIMIT : Refusal.HANDSHAKE_TIMEOUT,
            "detail " + port);
      }
      assertThat(log.warnings())
          .singleElement()
          .asString()
          .contains("127.0.0.2", "too many connections from this address", "detail 0");

      refusals.flush();

      assertThat(log.warnings()).hasSize(2);
      assertThat(log.warnings().get(1))
          .contains(
              "127.0.0.2",
              "refused 9999 more time(s)",
              "4999 too many connections from this address",
              "5000 TLS handshake not finished in time",
              "last: detail 9999",
              "PT10S");
    }
  }

  @Test
  void aSourceThatWentQuietIsLoggedAtOnceAgain() {
    RefusalLog refusals = new RefusalLog(Duration.ofSeconds(10));
    try (LogLines log = LogLines.ofTransport()) {
      refusals.refused(FLOODER, Refusal.REQUEST_TIMEOUT, "first");
      refusals.refused(FLOODER, Refusal.REQUEST_TIMEOUT, "counted");
      refusals.flush();
      refusals.flush();
      refusals.refused(FLOODER, Refusal.REQUEST_TIMEOUT, "after a quiet interval");

      assertThat(log.warnings()).hasSize(3);
      assertThat(log.warnings().get(2)).contains("after a quiet interval");
    }
  }

  @Test
  void eachAddressHasItsOwnLine() {
    RefusalLog refusals = new RefusalLog(Duration.ofSeconds(10));
    try (LogLines log = LogLines.ofTransport()) {
      refusals.refused(FLOODER, Refusal.MALFORMED_REQUEST, "one");
      refusals.refused(OTHER, Refusal.MALFORMED_REQUEST, "two");

      assertThat(log.warnings()).hasSize(2);
      refusals.flush();
      assertThat(log.warnings()).as("nothing counted, nothing to say").hasSize(2);
    }
  }

  @Test
  void addressesBeyondTheTrackedNumberShareOneLine() {
    RefusalLog refusals = new RefusalLog(Duration.ofSeconds(10));
    try (LogLines log = LogLines.ofTransport()) {
      for (int i = 0; i < RefusalLog.MAX_SOURCES + 500; i++) {
        refusals.refused(
            new InetSocketAddress("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), 1),
            Refusal.ADDRESS_LIMIT,
            "x");
      }
      assertThat(log.warnings()).hasSize(RefusalLog.MAX_SOURCES + 1);
      refusals.flush();
      assertThat(log.warnings()).hasSize(RefusalLog.MAX_SOURCES + 2);
      assertThat(log.warnings().get(RefusalLog.MAX_SOURCES + 1))
          .contains("other sources", "refused 499 more time(s)");
    }
  }
}
