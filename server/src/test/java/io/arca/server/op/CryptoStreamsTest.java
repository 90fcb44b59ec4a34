package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.KmipException;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.access.AccessPolicy;
import io.arca.server.batch.BatchState;
import io.arca.server.batch.ExecutionMode;
import io.arca.server.batch.RequestContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The stream table's bounds and closing rules, with a stand-in for a stream's state that records
 * whether it was closed: the bytes a buffering stream may hold, the lifetime, the closing of a
 * connection's streams, and a failing part.
 */
class CryptoStreamsTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private final CryptoStreams streams =
      new CryptoStreams(
          new CryptoStreams.Limits(4, 8, 16, 100, 150, Duration.ofMinutes(5), Duration.ofHours(1)),
          new SecureRandom());

  /** A state that says whether it buffers and whether it was closed. */
  private static final class Probe implements CryptoStreams.State {
    final boolean buffers;
    boolean closed;

    Probe(boolean buffers) {
      this.buffers = buffers;
    }

    @Override
    public boolean buffers() {
      return buffers;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private static RequestContext on(long connection, Instant now) {
    return new RequestContext(
        "alice",
        ProtocolVersion.V2_1,
        now,
        new BatchState(),
        Operation.MAC,
        AccessPolicy.ownersOnly(),
        ExecutionMode.WORKER,
        connection);
  }

  /** The Correlation Value the part is answered with (none on the last). */
  private Optional<ByteString> step(
      RequestContext context,
      CryptoStreams.Part part,
      @Nullable ByteString correlation,
      long bytes,
      Probe probe) {
    return streams.run(
        context,
        Operation.MAC,
        part,
        correlation,
        bytes,
        Probe.class,
        () -> probe,
        (s, at, c) -> Optional.ofNullable(c));
  }

  @Test
  void aBufferingStreamHoldsNoMoreThanItsBytesAndIsClosedWhenItWouldHoldMore() {
    Probe probe = new Probe(true);
    ByteString correlation =
        step(on(1, NOW), CryptoStreams.Part.FIRST, null, 60, probe).orElseThrow();
    assertThatThrownBy(() -> step(on(1, NOW), CryptoStreams.Part.MIDDLE, correlation, 41, probe))
        .isInstanceOfSatisfying(
            KmipException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.SERVER_LIMIT_EXCEEDED))
        .hasMessageContaining("100 bytes per stream");
    assertThat(probe.closed).isTrue();
    assertThat(streams.size()).isZero();
  }

  @Test
  void buffersCountTogetherAndAStreamThatDoesNotBufferIsNotCounted() {
    Probe first = new Probe(true);
    step(on(1, NOW), CryptoStreams.Part.FIRST, null, 90, first);
    Probe cipher = new Probe(false);
    step(on(1, NOW), CryptoStreams.Part.FIRST, null, 1_000, cipher);
    assertThatThrownBy(() -> step(on(2, NOW), CryptoStreams.Part.FIRST, null, 61, new Probe(true)))
        .hasMessageContaining("150 bytes over all streams");
    // Finishing the first frees what it held.
    streams.closeConnection(1);
    assertThat(first.closed).isTrue();
    assertThat(cipher.closed).isTrue();
    step(on(2, NOW), CryptoStreams.Part.FIRST, null, 100, new Probe(true));
  }

  @Test
  void aStreamOlderThanItsLifetimeIsClosedEvenIfNeverIdle() {
    Probe probe = new Probe(false);
    ByteString correlation =
        step(on(1, NOW), CryptoStreams.Part.FIRST, null, 0, probe).orElseThrow();
    Instant later = NOW;
    for (int i = 0; i < 15; i++) {
      later = later.plus(Duration.ofMinutes(4));
      step(on(1, later), CryptoStreams.Part.MIDDLE, correlation, 0, probe);
    }
    Instant tooLate = later.plus(Duration.ofMinutes(4));
    assertThatThrownBy(() -> step(on(1, tooLate), CryptoStreams.Part.MIDDLE, correlation, 0, probe))
        .isInstanceOfSatisfying(
            KmipException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_CORRELATION_VALUE));
    assertThat(probe.closed).isTrue();
  }

  @Test
  void closingAConnectionClosesItsStreamsAndNoOthers() {
    Probe mine = new Probe(false);
    Probe theirs = new Probe(false);
    step(on(1, NOW), CryptoStreams.Part.FIRST, null, 0, mine);
    ByteString kept = step(on(2, NOW), CryptoStreams.Part.FIRST, null, 0, theirs).orElseThrow();
    streams.closeConnection(1);
    assertThat(mine.closed).isTrue();
    assertThat(theirs.closed).isFalse();
    assertThat(step(on(2, NOW), CryptoStreams.Part.LAST, kept, 0, theirs)).isEmpty();
    assertThat(theirs.closed).isTrue();
  }

  @Test
  void aStreamBusyWhenItsConnectionClosesIsClosedWhenItsRequestEnds() {
    Probe probe = new Probe(false);
    ByteString correlation =
        step(on(1, NOW), CryptoStreams.Part.FIRST, null, 0, probe).orElseThrow();
    streams.run(
        on(1, NOW),
        Operation.MAC,
        CryptoStreams.Part.MIDDLE,
        correlation,
        0,
        Probe.class,
        () -> probe,
        (s, at, c) -> {
          streams.closeConnection(1);
          assertThat(s.closed).isFalse();
          return Optional.ofNullable(c);
        });
    assertThat(probe.closed).isTrue();
    assertThat(streams.size()).isZero();
  }

  @Test
  void aFailingPartClosesItsStream() {
    Probe probe = new Probe(false);
    ByteString correlation =
        step(on(1, NOW), CryptoStreams.Part.FIRST, null, 0, probe).orElseThrow();
    assertThatThrownBy(
            () ->
                streams.run(
                    on(1, NOW),
                    Operation.MAC,
                    CryptoStreams.Part.MIDDLE,
                    correlation,
                    0,
                    Probe.class,
                    () -> probe,
                    (s, at, c) -> {
                      throw new KmipException(ResultReason.CRYPTOGRAPHIC_FAILURE, "bad part");
                    }))
        .hasMessageContaining("bad part");
    assertThat(probe.closed).isTrue();
    assertThat(streams.size()).isZero();
  }

  @Test
  void partsAreJudgedByTheSpecsRulesPerVersion() {
    ByteString value = ByteString.copyOf(new byte[] {1});
    assertThat(CryptoStreams.part(null, null, null, ProtocolVersion.V1_2))
        .isEqualTo(CryptoStreams.Part.SINGLE);
    assertThat(CryptoStreams.part(null, true, true, ProtocolVersion.V1_3))
        .isEqualTo(CryptoStreams.Part.SINGLE);
    assertThat(CryptoStreams.part(null, true, null, ProtocolVersion.V1_3))
        .isEqualTo(CryptoStreams.Part.FIRST);
    assertThat(CryptoStreams.part(value, null, false, ProtocolVersion.V1_4))
        .isEqualTo(CryptoStreams.Part.MIDDLE);
    assertThat(CryptoStreams.part(value, false, true, ProtocolVersion.V2_1))
        .isEqualTo(CryptoStreams.Part.LAST);
    assertThatThrownBy(() -> CryptoStreams.part(null, true, null, ProtocolVersion.V1_2))
        .isInstanceOfSatisfying(
            KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD));
    assertThatThrownBy(() -> CryptoStreams.part(value, true, null, ProtocolVersion.V1_4))
        .isInstanceOfSatisfying(
            KmipException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD));
    assertThatThrownBy(() -> CryptoStreams.part(null, null, false, ProtocolVersion.V2_0))
        .isInstanceOfSatisfying(
            KmipException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_CORRELATION_VALUE));
  }
}
