package io.arca.server.metrics;

import io.arca.server.transport.Refusal;
import io.arca.server.transport.TransportEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * {@code arca_tls_handshakes_seconds} by outcome and reason, with their duration from acceptance,
 * and {@code arca_refusals_total} by {@link Refusal}. A failed handshake's reason is one of a few
 * classes (timeout, closed, certificate, protocol), never the exception's text: a label must not
 * grow with what clients send. The log's refusal line has the detail.
 */
final class TransportMetrics implements TransportEvents {
  /** Why a handshake failed, as few classes as an operator acts on. */
  enum HandshakeFailure {
    /** Not finished within the handshake deadline. */
    TIMEOUT,
    /** The client went away first (port scans, health checks of load balancers). */
    CLOSED,
    /** The client's certificate was refused: chain, dates, revocation, purpose. */
    CERTIFICATE,
    /** Anything else: no common version or suite, no client certificate, not TLS at all. */
    PROTOCOL;

    static HandshakeFailure of(Throwable failure) {
      if (failure instanceof SslHandshakeTimeoutException) {
        return TIMEOUT;
      }
      if (failure instanceof ClosedChannelException) {
        return CLOSED;
      }
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof CertificateException) {
          return CERTIFICATE;
        }
        if (cause.getCause() == cause) {
          break;
        }
      }
      return PROTOCOL;
    }
  }

  private final Timer succeeded;
  private final Map<HandshakeFailure, Timer> failed = new EnumMap<>(HandshakeFailure.class);
  private final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);

  TransportMetrics(MeterRegistry registry) {
    this.succeeded = handshakes(registry, "success", "none");
    for (HandshakeFailure failure : HandshakeFailure.values()) {
      failed.put(failure, handshakes(registry, "failure", lower(failure.name())));
    }
    for (Refusal refusal : Refusal.values()) {
      refusals.put(
          refusal,
          Counter.builder("arca.refusals")
              .description("Connections and requests the transport refused, by reason")
              .tag("reason", lower(refusal.name()))
              .register(registry));
    }
  }

  private static Timer handshakes(MeterRegistry registry, String outcome, String reason) {
    return Timer.builder("arca.tls.handshakes")
        .description("TLS handshakes by outcome and reason, from acceptance to their end")
        .tag("outcome", outcome)
        .tag("reason", reason)
        .serviceLevelObjectives(Buckets.LATENCY)
        .register(registry);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public void handshake(@Nullable Throwable failure, long nanos) {
    Timer timer = failure == null ? succeeded : failed.get(HandshakeFailure.of(failure));
    if (timer != null) {
      timer.record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void refused(Refusal reason) {
    Counter counter = refusals.get(reason);
    if (counter != null) {
      counter.increment();
    }
  }
}
