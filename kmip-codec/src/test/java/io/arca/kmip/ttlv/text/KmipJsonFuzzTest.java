package io.arca.kmip.ttlv.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvReaderFuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the KMIP JSON reader (Jazzer): any text either reads as an item that
 * writes back to the same item, or fails with the one {@link TtlvException}. Seeded with the OASIS
 * test-case messages in the JSON form; see {@link TtlvReaderFuzzTest} for how it runs.
 */
class KmipJsonFuzzTest {
  static Stream<Arguments> oasisMessages() {
    return TtlvReaderFuzzTest.seeds(OasisSeeds.jsonMessages().stream());
  }

  @MethodSource("oasisMessages")
  @FuzzTest(maxDuration = "60s")
  void readsOrRejectsPrecisely(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Ttlv item;
    try {
      item = KmipJson.read(text, OasisSeeds.textOptions());
    } catch (TtlvException e) {
      return;
    }
    assertThat(KmipJson.read(KmipJson.write(item), OasisSeeds.textOptions())).isEqualTo(item);
  }
}
