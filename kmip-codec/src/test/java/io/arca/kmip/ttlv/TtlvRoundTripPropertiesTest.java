package io.arca.kmip.ttlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of the binary codec over seeded random trees: writing then reading gives the tree
 * back, and mutated frames only ever raise {@link TtlvException}. Runs {@code
 * -Darca.fuzz.iterations} iterations (a few hundred by default, many more with e.g. {@code
 * -Darca.fuzz.iterations=200000}); {@code -Darca.fuzz.seed} replays a reported seed.
 */
class TtlvRoundTripPropertiesTest {
  private static final int ITERATIONS = Integer.getInteger("arca.fuzz.iterations", 300);
  private static final long BASE_SEED = Long.getLong("arca.fuzz.seed", System.nanoTime());
  private static final DecodeLimits TIGHT = new DecodeLimits(4096, 4, 6);

  @Test
  void randomTreesRoundTripThroughHeapArrays() {
    for (int i = 0; i < ITERATIONS; i++) {
      long seed = BASE_SEED + i;
      Ttlv tree = new RandomTtlv(seed, 6).structure();
      byte[] bytes = TtlvWriter.toBytes(tree);
      assertThat(bytes.length).as("seed %d", seed).isEqualTo(TtlvWriter.encodedLength(tree));
      assertThat(TtlvReader.read(bytes, DecodeLimits.DEFAULTS)).as("seed %d", seed).isEqualTo(tree);
    }
  }

  @Test
  void randomItemsRoundTripThroughPooledDirectBuffers() {
    for (int i = 0; i < ITERATIONS; i++) {
      long seed = BASE_SEED + i;
      Ttlv item = new RandomTtlv(seed, 4).item();
      ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(16);
      try {
        out.writeZero(3).readerIndex(3); // the frame need not start at index 0
        TtlvWriter.write(item, out);
        assertThat(out.readableBytes())
            .as("seed %d", seed)
            .isEqualTo(TtlvWriter.encodedLength(item));
        assertThat(TtlvReader.read(out, DecodeLimits.DEFAULTS)).as("seed %d", seed).isEqualTo(item);
      } finally {
        out.release();
      }
    }
  }

  @Test
  void mutatedFramesOnlyEverRaiseTtlvException() {
    // A deadline scaled to the iterations proves that the reader terminates on every input.
    assertTimeoutPreemptively(
        Duration.ofMillis(10_000 + 5L * ITERATIONS),
        TtlvRoundTripPropertiesTest::fuzzMutatedFrames,
        "seed " + BASE_SEED);
  }

  private static void fuzzMutatedFrames() {
    int rejected = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      long seed = BASE_SEED + i;
      Random random = new Random(seed);
      byte[] frame = TtlvWriter.toBytes(new RandomTtlv(seed, 5).structure());
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        frame = mutate(frame, random);
      }
      rejected += readStrictly(frame, DecodeLimits.DEFAULTS, seed) ? 0 : 1;
      readStrictly(frame, TIGHT, seed);
    }
    // Both outcomes must occur, or the mutations are not exercising the reader.
    assertThat(rejected).as("rejected of %d from seed %d", ITERATIONS, BASE_SEED).isPositive();
    assertThat(rejected).as("accepted from seed %d", BASE_SEED).isLessThan(ITERATIONS);
  }

  @Test
  void hugeLengthClaimAllocatesLittleMoreThanTheFrame() {
    // Some valid items (about 500 bytes), then a text string claiming 1 GiB with 8 bytes behind it.
    TtlvStructure prefix = new RandomTtlv(42, 3).structure();
    ByteBuf frame = Unpooled.buffer();
    frame.writeInt(0x420078 << 8 | 0x01).writeInt(0); // length back-patched below
    for (int i = 0; i < 4; i++) {
      TtlvWriter.write(prefix, frame);
    }
    frame.writeInt(0x420094 << 8 | 0x07).writeInt(0x4000_0000).writeLong(0x4141_4141_4141_4141L);
    frame.setInt(4, frame.readableBytes() - 8);
    DecodeLimits unlimited = new DecodeLimits(Integer.MAX_VALUE, 1000, Integer.MAX_VALUE);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 2000; i++) { // warm up, so that class loading and JIT are not counted
      readExpectingFailure(frame, unlimited);
    }
    int reads = 200;
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < reads; i++) {
      readExpectingFailure(frame, unlimited);
    }
    long perRead = (threads.getCurrentThreadAllocatedBytes() - before) / reads;
    // The decoded prefix legitimately costs a few times its wire size; a read sized from the
    // claim would cost a gibibyte.
    assertThat(perRead)
        .as("bytes allocated per read of a %d-byte frame", frame.readableBytes())
        .isLessThan(8L * frame.readableBytes() + 4096);
  }

  private static void readExpectingFailure(ByteBuf frame, DecodeLimits limits) {
    try {
      TtlvReader.read(frame, limits);
      throw new AssertionError("a 1 GiB length claim was accepted");
    } catch (TtlvException expected) {
      assertThat(expected.offset()).isEqualTo(frame.readableBytes() - 16L);
    }
  }

  /**
   * Reads a frame that may be malformed: anything but success or TtlvException fails. Returns
   * whether the frame was accepted.
   */
  private static boolean readStrictly(byte[] frame, DecodeLimits limits, long seed) {
    Ttlv read;
    try {
      read = TtlvReader.read(frame, limits);
    } catch (TtlvException expected) {
      assertThat(expected.offset()).as("seed %d", seed).isBetween(0L, (long) frame.length);
      return false;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      throw new AssertionError("seed " + seed + ": " + e, e);
    }
    // Whatever the reader accepts writes back to no more bytes and reads back the same; only a
    // big integer carrying extra sign-extension words can shrink.
    byte[] again = TtlvWriter.toBytes(read);
    assertThat(again.length).as("seed %d", seed).isLessThanOrEqualTo(frame.length);
    assertThat(TtlvReader.read(again, limits)).as("seed %d", seed).isEqualTo(read);
    return true;
  }

  private static byte[] mutate(byte[] frame, Random random) {
    if (frame.length == 0) {
      return new byte[] {0x42};
    }
    byte[] out = frame.clone();
    int at = random.nextInt(frame.length);
    switch (random.nextInt(7)) {
      case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
      case 1 -> out[at] = (byte) random.nextInt(256);
      case 2 -> out = Arrays.copyOf(frame, at);
      case 3 -> {
        out = Arrays.copyOf(frame, frame.length + 1 + random.nextInt(24));
        if (random.nextBoolean()) {
          for (int i = frame.length; i < out.length; i++) {
            out[i] = (byte) random.nextInt(256);
          }
        }
      }
      case 4 -> setLengthField(out, at & ~7, random);
      case 5 -> {
        int from = random.nextInt(frame.length) & ~7;
        int length = Math.min(8 * (1 + random.nextInt(4)), frame.length - from);
        int to = random.nextInt(frame.length + 1) & ~7;
        out = new byte[frame.length + length];
        System.arraycopy(frame, 0, out, 0, to);
        System.arraycopy(frame, from, out, to, length);
        System.arraycopy(frame, to, out, to + length, frame.length - to);
      }
      default -> {
        int typeAt = (at & ~7) | 3; // the type byte, if this word is a header
        if (typeAt < out.length) {
          out[typeAt] = (byte) random.nextInt(14);
        }
      }
    }
    return out;
  }

  /** Overwrites the length field of the 8-byte word at {@code word}, if it is a header. */
  private static void setLengthField(byte[] frame, int word, Random random) {
    if (word + 8 > frame.length) {
      return;
    }
    int old =
        (frame[word + 4] & 0xFF) << 24
            | (frame[word + 5] & 0xFF) << 16
            | (frame[word + 6] & 0xFF) << 8
            | (frame[word + 7] & 0xFF);
    int[] choices = {0, 1, 4, 8, old + 8, old - 8, old + 1, 0x7FFF_FFFF, -1, 0x4000_0000};
    int length =
        random.nextInt(5) == 0 ? random.nextInt() : choices[random.nextInt(choices.length)];
    frame[word + 4] = (byte) (length >>> 24);
    frame[word + 5] = (byte) (length >>> 16);
    frame[word + 6] = (byte) (length >>> 8);
    frame[word + 7] = (byte) length;
  }
}
