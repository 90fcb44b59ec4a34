package io.arca.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.threshold.ShamirSecretSplitter;
import org.bouncycastle.crypto.threshold.ShamirSplitSecret;
import org.bouncycastle.crypto.threshold.ShamirSplitSecretShare;
import org.junit.jupiter.api.Test;

/**
 * Properties of the Split Key Methods over seeded random secrets, part counts and thresholds: any
 * threshold of the shares, in any order, rebuilds the secret; the fields are fields. {@code
 * -Darca.sharing.seed} replays a reported seed.
 */
class SecretSharingTest {
  private static final long BASE_SEED = Long.getLong("arca.sharing.seed", System.nanoTime());
  private static final int ROUNDS = 200;

  /** A SecureRandom that replays a seed, so a failure can be run again. */
  private static final class SeededRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final Random random;

    SeededRandom(long seed) {
      this.random = new Random(seed);
    }

    @Override
    public void nextBytes(byte[] bytes) {
      random.nextBytes(bytes);
    }

    @Override
    public int nextInt(int bound) {
      return random.nextInt(bound);
    }
  }

  private interface Scheme {
    byte[][] split(byte[] secret, int parts, int threshold, SecureRandom random);

    byte[] join(int[] xs, byte[][] shares, int secretLength);
  }

  private static final Scheme GF256 =
      new Scheme() {
        @Override
        public byte[][] split(byte[] secret, int parts, int threshold, SecureRandom random) {
          return SecretSharing.splitGf256(secret, parts, threshold, random);
        }

        @Override
        public byte[] join(int[] xs, byte[][] shares, int secretLength) {
          return SecretSharing.joinGf256(xs, shares);
        }
      };

  private static final Scheme GF65536 =
      new Scheme() {
        @Override
        public byte[][] split(byte[] secret, int parts, int threshold, SecureRandom random) {
          return SecretSharing.splitGf65536(secret, parts, threshold, random);
        }

        @Override
        public byte[] join(int[] xs, byte[][] shares, int secretLength) {
          return SecretSharing.joinGf65536(xs, shares);
        }
      };

  @Test
  void anyThresholdOfGf256SharesInAnyOrderRebuildsTheSecret() {
    holds(GF256, 1);
  }

  @Test
  void anyThresholdOfGf65536SharesInAnyOrderRebuildsTheSecret() {
    holds(GF65536, 2);
  }

  @Test
  void anyThresholdOfPrimeFieldSharesInAnyOrderRebuildsTheSecret() {
    for (int round = 0; round < ROUNDS; round++) {
      long seed = BASE_SEED + round;
      SeededRandom random = new SeededRandom(seed);
      byte[] secret = secret(random, 1);
      BigInteger prime = BigInteger.ONE.shiftLeft(8 * secret.length).nextProbablePrime();
      int parts = 2 + random.nextInt(8);
      int threshold = 2 + random.nextInt(parts - 1);
      byte[][] shares = SecretSharing.splitPrime(secret, prime, parts, threshold, random);
      assertThat(shares[0]).as("seed %d", seed).hasSize(SecretSharing.primeBytes(prime));
      Subset subset = Subset.of(shares, threshold, random);
      assertThat(SecretSharing.joinPrime(subset.xs, subset.shares, prime, secret.length))
          .as("seed %d: %d of %d parts", seed, subset.xs.length, parts)
          .isEqualTo(secret);
    }
  }

  @Test
  void xorNeedsEveryShareAndEachAloneIsNotTheSecret() {
    for (int round = 0; round < ROUNDS; round++) {
      long seed = BASE_SEED + round;
      SeededRandom random = new SeededRandom(seed);
      byte[] secret = secret(random, 1);
      int parts = 2 + random.nextInt(6);
      byte[][] shares = SecretSharing.splitXor(secret, parts, random);
      List<byte[]> shuffled = new ArrayList<>(List.of(shares));
      Collections.shuffle(shuffled, random);
      assertThat(SecretSharing.joinXor(shuffled.toArray(new byte[0][])))
          .as("seed %d", seed)
          .isEqualTo(secret);
      // With one share left out, the rest XOR to the secret XOR that share: not the secret unless
      // the share drew all zero bytes (2^-8 per byte; secrets here are at least 16 bytes).
      byte[][] fewer = List.of(shares).subList(1, parts).toArray(new byte[0][]);
      assertThat(SecretSharing.joinXor(fewer)).as("seed %d", seed).isNotEqualTo(secret);
    }
  }

  @Test
  void gf256SharesAreThoseBouncyCastlesShamirRecombinesInTheAesField() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      long seed = BASE_SEED + round;
      SeededRandom random = new SeededRandom(seed);
      byte[] secret = secret(random, 1);
      int parts = 2 + random.nextInt(8);
      int threshold = 2 + random.nextInt(parts - 1);
      byte[][] shares = SecretSharing.splitGf256(secret, parts, threshold, random);
      ShamirSplitSecretShare[] theirs = new ShamirSplitSecretShare[threshold];
      for (int i = 0; i < threshold; i++) {
        theirs[i] = new ShamirSplitSecretShare(shares[i], i + 1);
      }
      ShamirSplitSecret joined =
          ShamirSplitSecret.getInstance(ShamirSecretSplitter.Algorithm.AES, theirs);
      assertThat(joined.getSecret()).as("seed %d", seed).isEqualTo(secret);
    }
  }

  @Test
  void gf256IsTheAesFieldOfFips197() {
    // FIPS 197 §4.2: {57} . {83} = {c1}.
    assertThat(SecretSharing.gf256Mul(0x57, 0x83)).isEqualTo(0xC1);
    for (int a = 1; a < 256; a++) {
      assertThat(SecretSharing.gf256Mul(a, SecretSharing.gf256Inverse(a))).as("a %d", a).isOne();
    }
  }

  @Test
  void gf65536IsAFieldEveryNonZeroElementHasAnInverse() {
    for (int a = 1; a < 65536; a++) {
      assertThat(SecretSharing.gf65536Mul(a, SecretSharing.gf65536Inverse(a)))
          .as("a %d", a)
          .isOne();
    }
    SeededRandom random = new SeededRandom(BASE_SEED);
    for (int round = 0; round < 10_000; round++) {
      int a = random.nextInt(65536);
      int b = random.nextInt(65536);
      int c = random.nextInt(65536);
      assertThat(SecretSharing.gf65536Mul(a, SecretSharing.gf65536Mul(b, c)))
          .as("seed %d: associative", BASE_SEED)
          .isEqualTo(SecretSharing.gf65536Mul(SecretSharing.gf65536Mul(a, b), c));
      assertThat(SecretSharing.gf65536Mul(a, b ^ c))
          .as("seed %d: distributive", BASE_SEED)
          .isEqualTo(SecretSharing.gf65536Mul(a, b) ^ SecretSharing.gf65536Mul(a, c));
      assertThat(SecretSharing.gf65536Mul(a, b)).isEqualTo(SecretSharing.gf65536Mul(b, a));
    }
  }

  private static void holds(Scheme scheme, int unit) {
    for (int round = 0; round < ROUNDS; round++) {
      long seed = BASE_SEED + round;
      SeededRandom random = new SeededRandom(seed);
      byte[] secret = secret(random, unit);
      int parts = 2 + random.nextInt(12);
      int threshold = 2 + random.nextInt(parts - 1);
      byte[][] shares = scheme.split(secret, parts, threshold, random);
      Subset subset = Subset.of(shares, threshold, random);
      assertThat(scheme.join(subset.xs, subset.shares, secret.length))
          .as("seed %d: %d of %d parts, threshold %d", seed, subset.xs.length, parts, threshold)
          .isEqualTo(secret);
      // Below the threshold the polynomial is not determined: the result is another value.
      Subset fewer = Subset.of(shares, threshold - 1, random).exactly(threshold - 1);
      assertThat(scheme.join(fewer.xs, fewer.shares, secret.length))
          .as("seed %d: %d of threshold %d", seed, threshold - 1, threshold)
          .isNotEqualTo(secret);
    }
  }

  /** 16 to 64 bytes, a whole number of {@code unit}s. */
  private static byte[] secret(Random random, int unit) {
    byte[] secret = new byte[(16 + random.nextInt(49)) / unit * unit];
    random.nextBytes(secret);
    return secret;
  }

  /** Some shares (at least the threshold) with their x coordinates, in a random order. */
  private static final class Subset {
    final int[] xs;
    final byte[][] shares;

    Subset(int[] xs, byte[][] shares) {
      this.xs = xs;
      this.shares = shares;
    }

    static Subset of(byte[][] all, int threshold, Random random) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < all.length; i++) {
        order.add(i);
      }
      Collections.shuffle(order, random);
      int count = threshold + random.nextInt(all.length - threshold + 1);
      int[] xs = new int[count];
      byte[][] shares = new byte[count][];
      for (int i = 0; i < count; i++) {
        xs[i] = order.get(i) + 1;
        shares[i] = all[order.get(i)];
      }
      return new Subset(xs, shares);
    }

    Subset exactly(int count) {
      int[] fewerXs = new int[count];
      byte[][] fewerShares = new byte[count][];
      System.arraycopy(xs, 0, fewerXs, 0, count);
      System.arraycopy(shares, 0, fewerShares, 0, count);
      return new Subset(fewerXs, fewerShares);
    }
  }
}
