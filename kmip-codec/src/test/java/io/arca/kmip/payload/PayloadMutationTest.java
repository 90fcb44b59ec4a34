package io.arca.kmip.payload;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.KmipException;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged payloads never half-decode: every OASIS payload of the managed-object operations, with an
 * item removed, repeated or given another type at any depth, either decodes or is refused with a
 * {@link KmipException}; no other exception escapes. Seeded; the seed and payload are in the
 * failure message.
 */
class PayloadMutationTest {
  private static final int MUTATIONS_PER_PAYLOAD = 6;

  @ParameterizedTest
  @ValueSource(longs = {1L, 20260529L})
  void damagedPayloadsAreRefusedWithAKmipExceptionOnly(long seed)
      throws IOException, URISyntaxException {
    Random random = new Random(seed);
    List<String> escapes = new ArrayList<>();
    int tried = 0;
    int refused = 0;
    for (Path file : OasisPayloadsTest.files()) {
      for (OasisPayloadsTest.Case c : OasisPayloadsTest.cases(file)) {
        for (int n = 0; n < MUTATIONS_PER_PAYLOAD; n++) {
          TtlvStructure damaged = mutate(c.payload(), random);
          OasisPayloadsTest.Case mutant =
              new OasisPayloadsTest.Case(
                  c.key(), c.operation(), c.direction(), c.version(), damaged);
          tried++;
          try {
            OasisPayloadsTest.roundTrip(mutant);
          } catch (KmipException expected) {
            refused++;
          } catch (RuntimeException e) {
            escapes.add(
                "seed "
                    + seed
                    + " "
                    + c.key()
                    + " mutation "
                    + n
                    + ": "
                    + e.getClass().getName()
                    + ": "
                    + e.getMessage());
          }
        }
      }
    }
    assertThat(tried).isGreaterThan(20_000);
    // Most damage must be noticed; the rest (an optional field removed) decodes to another request.
    assertThat(refused).isGreaterThan(tried / 2);
    assertThat(escapes).isEmpty();
  }

  /** The structure with one item, anywhere inside it, removed, doubled or retyped. */
  private static TtlvStructure mutate(TtlvStructure structure, Random random) {
    List<Ttlv> items = new ArrayList<>(structure.items());
    if (items.isEmpty()) {
      items.add(new TtlvInteger(0x540001, 1));
      return new TtlvStructure(structure.tag(), items);
    }
    int i = random.nextInt(items.size());
    Ttlv item = items.get(i);
    if (item instanceof TtlvStructure child && random.nextInt(3) > 0) {
      items.set(i, mutate(child, random));
      return new TtlvStructure(structure.tag(), items);
    }
    switch (random.nextInt(3)) {
      case 0 -> items.remove(i);
      case 1 -> items.add(i, item);
      default ->
          items.set(
              i,
              item instanceof TtlvTextString
                  ? new TtlvInteger(item.tag(), 7)
                  : new TtlvTextString(item.tag(), "x"));
    }
    return new TtlvStructure(structure.tag(), items);
  }
}
