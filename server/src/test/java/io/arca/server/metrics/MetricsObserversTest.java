package io.arca.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.hsm.HsmCall;
import io.arca.hsm.HsmException;
import io.arca.server.transport.Refusal;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The observers' labels: HSM outcomes by error kind, handshake failures in their four classes,
 * refusals by reason, and log fields that cannot forge a line. The HSM side is fed by hand here;
 * the request and transport sides run for real in {@code MetricsEndToEndTest}.
 */
class MetricsObserversTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void hsmCallsAreCountedBySlotCallAndOutcome() {
    HsmMetrics slot = new HsmMetrics(registry, 7);
    slot.called(7, HsmCall.ENCRYPT, null, 1_000_000);
    slot.called(7, HsmCall.ENCRYPT, null, 2_000_000);
    slot.called(
        7,
        HsmCall.ENCRYPT,
        new HsmException(HsmException.Kind.TOKEN_UNAVAILABLE, "HSM slot 7 unavailable"),
        10_000);
    slot.called(7, HsmCall.SIGN, new IllegalStateException("a bug"), 10_000);
    Scrape scrape = new Scrape(registry.scrape());
    assertThat(hsm(scrape, "encrypt", "ok")).isEqualTo(2);
    assertThat(
            scrape.value(
                "arca_hsm_calls_seconds_sum", "slot", "7", "call", "encrypt", "outcome", "ok"))
        .isEqualTo(0.003);
    assertThat(hsm(scrape, "encrypt", "token_unavailable")).isEqualTo(1);
    assertThat(hsm(scrape, "sign", "error")).isEqualTo(1);
    assertThat(hsm(scrape, "decrypt", "ok")).isZero();
    assertThat(scrape.has("arca_hsm_calls_seconds_count")).isTrue();
  }

  private static double hsm(Scrape scrape, String call, String outcome) {
    return scrape.value(
        "arca_hsm_calls_seconds_count", "slot", "7", "call", call, "outcome", outcome);
  }

  @Test
  void handshakeFailuresFallIntoFourClassesNeverTheirText() {
    TransportMetrics transport = new TransportMetrics(registry);
    transport.handshake(null, 1_000);
    transport.handshake(new SslHandshakeTimeoutException("handshake timed out after 5000ms"), 1);
    transport.handshake(new ClosedChannelException(), 1);
    SSLHandshakeException expired = new SSLHandshakeException("CERTIFICATE_VERIFY_FAILED");
    expired.initCause(new CertificateExpiredException("NotAfter: yesterday"));
    transport.handshake(expired, 1);
    transport.handshake(new SSLHandshakeException("NO_SHARED_CIPHER"), 1);
    transport.refused(Refusal.ADDRESS_LIMIT);
    transport.refused(Refusal.ADDRESS_LIMIT);
    Scrape scrape = new Scrape(registry.scrape());
    for (String reason : new String[] {"timeout", "closed", "certificate", "protocol"}) {
      assertThat(
              scrape.value(
                  "arca_tls_handshakes_seconds_count", "outcome", "failure", "reason", reason))
          .as(reason)
          .isEqualTo(1);
    }
    assertThat(scrape.value("arca_tls_handshakes_seconds_count", "outcome", "success"))
        .isEqualTo(1);
    assertThat(scrape.value("arca_refusals_total", "reason", "address_limit")).isEqualTo(2);
    assertThat(scrape.text()).doesNotContain("NO_SHARED_CIPHER", "yesterday");
  }

  @Test
  void logFieldsAreCutAndHoldNoControlCharacters() {
    assertThat(OperationLog.clean("key-1\n12:00 INFO forged")).isEqualTo("key-1?12:00 INFO forged");
    assertThat(OperationLog.clean("x".repeat(500)))
        .hasSize(OperationLog.MAX_FIELD + 1)
        .endsWith("…");
    assertThat(OperationLog.clean(null)).isEqualTo("-");
  }
}
