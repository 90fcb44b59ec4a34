package io.arca.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Soft failures: with the responder down, fail-open lets every client through, counts each one and
 * logs once per interval; fail-closed refuses and counts nothing.
 */
class OcspCheckerTest {
  @TempDir Path dir;

  @Test
  void failOpenCountsEverySoftFailureAndLogsOncePerInterval() throws Exception {
    TestPki pki = TestPki.create(dir, "Clients CA");
    TestPki.Issued client = pki.client("someone");
    LongAdder softFailures = new LongAdder();
    OcspChecker checker =
        new OcspChecker(
            deadResponder(), true, Duration.ofHours(1), softFailures, Clock.systemUTC());
    Logger logger = (Logger) LoggerFactory.getLogger(OcspChecker.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      for (int i = 0; i < 3; i++) {
        checker.check(client.certificate(), pki.ca);
      }
    } finally {
      logger.detachAppender(appender);
    }
    List<ILoggingEvent> warnings =
        appender.list.stream().filter(event -> event.getLevel() == Level.WARN).toList();
    assertThat(checker.softFailures()).isEqualTo(3);
    assertThat(softFailures.sum()).isEqualTo(3);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).getFormattedMessage()).contains("client accepted");
  }

  @Test
  void failClosedRefusesAndCountsNothing() throws Exception {
    TestPki pki = TestPki.create(dir, "Clients CA");
    TestPki.Issued client = pki.client("someone");
    OcspChecker checker =
        new OcspChecker(
            deadResponder(), false, Duration.ofHours(1), new LongAdder(), Clock.systemUTC());
    assertThatThrownBy(() -> checker.check(client.certificate(), pki.ca))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("no OCSP answer");
    assertThat(checker.softFailures()).isZero();
  }

  private static URI deadResponder() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return URI.create("http://127.0.0.1:" + port + "/ocsp");
  }
}
