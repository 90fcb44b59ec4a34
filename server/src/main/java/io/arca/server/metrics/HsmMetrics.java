package io.arca.server.metrics;

import io.arca.hsm.HsmCall;
import io.arca.hsm.HsmCallObserver;
import io.arca.hsm.HsmException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * {@code arca_hsm_calls_seconds}: every PKCS#11 call of one slot by kind and outcome ({@code ok},
 * or the {@link HsmException.Kind} it failed with, {@code error} for anything else), with a latency
 * histogram. One instance per slot; success timers registered at start, failures on first use.
 */
// Ordinals index tables built from values() in this JVM, never stored: a lookup without a map.
@SuppressWarnings("EnumOrdinal")
final class HsmMetrics implements HsmCallObserver {
  private static final HsmCall[] CALLS = HsmCall.values();
  private static final HsmException.Kind[] KINDS = HsmException.Kind.values();
  private static final int OUTCOMES = KINDS.length + 2;
  private static final int OK = 0;
  private static final int ERROR = 1;

  private final MeterRegistry registry;
  private final String slot;
  private final AtomicReferenceArray<@Nullable Timer> timers =
      new AtomicReferenceArray<>(CALLS.length * OUTCOMES);

  HsmMetrics(MeterRegistry registry, long slot) {
    this.registry = registry;
    this.slot = Long.toString(slot);
    for (HsmCall call : CALLS) {
      timer(call, OK);
    }
  }

  @Override
  public void called(long slot, HsmCall call, @Nullable RuntimeException failure, long nanos) {
    int outcome =
        failure == null
            ? OK
            : failure instanceof HsmException hsm ? hsm.kind().ordinal() + 2 : ERROR;
    timer(call, outcome).record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(HsmCall call, int outcome) {
    int index = call.ordinal() * OUTCOMES + outcome;
    Timer timer = timers.get(index);
    if (timer == null) {
      timer =
          Timer.builder("arca.hsm.calls")
              .description("PKCS#11 calls by slot, kind and outcome")
              .tag("slot", slot)
              .tag("call", call.name().toLowerCase(Locale.ROOT))
              .tag("outcome", outcomeName(outcome))
              .serviceLevelObjectives(Buckets.LATENCY)
              .register(registry);
      timers.set(index, timer);
    }
    return timer;
  }

  private static String outcomeName(int outcome) {
    return switch (outcome) {
      case OK -> "ok";
      case ERROR -> "error";
      default -> KINDS[outcome - 2].name().toLowerCase(Locale.ROOT);
    };
  }
}
