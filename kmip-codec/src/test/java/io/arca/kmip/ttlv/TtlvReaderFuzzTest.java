package io.arca.kmip.ttlv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.arca.kmip.ttlv.text.OasisSeeds;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the binary reader (Jazzer): any bytes either read as an item that
 * writes back to the same item, or fail with the one {@link TtlvException}; nothing else escapes,
 * and nothing is allocated beyond the limits. Seeded with every OASIS test-case message. Without
 * {@code JAZZER_FUZZ} it replays the seeds and the checked-in findings (TtlvReaderFuzzTestInputs).
 */
public class TtlvReaderFuzzTest {
  /** Small enough that the fuzzer reaches every limit; the defaults are tried too. */
  private static final DecodeLimits TIGHT = new DecodeLimits(4096, 6, 16);

  static Stream<Arguments> oasisMessages() {
    return seeds(OasisSeeds.binaryMessages().stream());
  }

  @MethodSource("oasisMessages")
  @FuzzTest(maxDuration = "60s")
  void readsOrRejectsPrecisely(byte[] input) {
    Ttlv item;
    try {
      item = TtlvReader.read(input, DecodeLimits.DEFAULTS);
    } catch (TtlvException e) {
      assertThat(e.offset()).isBetween(-1L, (long) input.length);
      return;
    }
    assertThat(TtlvReader.read(TtlvWriter.toBytes(item), DecodeLimits.DEFAULTS)).isEqualTo(item);
    try {
      assertThat(TtlvReader.read(input, TIGHT)).isEqualTo(item);
    } catch (TtlvException e) {
      // Within the default limits but not the tight ones: refused precisely, as it should be.
    }
  }

  /** Seeds named by their index: a byte array makes an unreadable test name. */
  public static Stream<Arguments> seeds(Stream<byte[]> inputs) {
    int[] next = {0};
    return inputs.map(b -> Arguments.of(Named.of("seed " + next[0]++, b)));
  }
}
