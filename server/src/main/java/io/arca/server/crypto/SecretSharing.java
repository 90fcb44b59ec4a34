package io.arca.server.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The Split Key Methods of KMIP 1.4 §2.2.5 and 2.1 §13.1: XOR, and Shamir's polynomial sharing over
 * GF(2^8), GF(2^16) and a prime field. A share's x coordinate is its Key Part Identifier (1 to the
 * number of parts). Bouncy Castle's {@code ShamirSecretSplitter} has GF(2^8) alone and branches or
 * looks up tables on the share bytes, so the field arithmetic is here, without a branch or an index
 * that depends on a share or the secret. The prime field uses {@link BigInteger}, which is neither
 * constant-time nor wipeable (docs/SECURITY.md). Every array returned is the caller's to wipe; the
 * intermediate ones are wiped here.
 */
public final class SecretSharing {
  /** FIPS 197 §4.2: x^8 + x^4 + x^3 + x + 1, the field both KMIP versions cite. */
  private static final int AES_POLYNOMIAL = 0x1B;

  /** KMIP 2.1 §13.1: GF(2^16) = GF(2^8)[y] / (y^2 + y + m), m = {3A}. */
  private static final int M = 0x3A;

  private SecretSharing() {}

  /**
   * XOR: {@code parts - 1} random shares and one that XORs with them to the secret; all are needed.
   */
  public static byte[][] splitXor(byte[] secret, int parts, SecureRandom random) {
    byte[][] shares = new byte[parts][secret.length];
    byte[] last = shares[parts - 1];
    System.arraycopy(secret, 0, last, 0, secret.length);
    for (int i = 0; i < parts - 1; i++) {
      random.nextBytes(shares[i]);
      for (int b = 0; b < secret.length; b++) {
        last[b] ^= shares[i][b];
      }
    }
    return shares;
  }

  /** The XOR of every share, of equal lengths. */
  public static byte[] joinXor(byte[][] shares) {
    byte[] secret = new byte[shares[0].length];
    for (byte[] share : shares) {
      for (int b = 0; b < secret.length; b++) {
        secret[b] ^= share[b];
      }
    }
    return secret;
  }

  /** Polynomial sharing over GF(2^8), byte by byte: share i is f(i) for each byte's polynomial. */
  public static byte[][] splitGf256(byte[] secret, int parts, int threshold, SecureRandom random) {
    byte[][] shares = new byte[parts][secret.length];
    byte[] coefficients = new byte[threshold];
    try {
      for (int b = 0; b < secret.length; b++) {
        random.nextBytes(coefficients);
        coefficients[0] = secret[b];
        for (int x = 1; x <= parts; x++) {
          int y = 0;
          for (int c = threshold - 1; c >= 0; c--) {
            y = gf256Mul(y, x) ^ (coefficients[c] & 0xFF);
          }
          shares[x - 1][b] = (byte) y;
        }
      }
      return shares;
    } finally {
      Arrays.fill(coefficients, (byte) 0);
    }
  }

  /** The secret from shares at distinct x coordinates {@code xs}: Lagrange at 0, byte by byte. */
  public static byte[] joinGf256(int[] xs, byte[][] shares) {
    int[] weights = new int[xs.length];
    for (int i = 0; i < xs.length; i++) {
      weights[i] = lagrangeAtZero(xs, i, 1);
    }
    byte[] secret = new byte[shares[0].length];
    for (int b = 0; b < secret.length; b++) {
      int y = 0;
      for (int i = 0; i < xs.length; i++) {
        y ^= gf256Mul(shares[i][b] & 0xFF, weights[i]);
      }
      secret[b] = (byte) y;
    }
    return secret;
  }

  /**
   * Polynomial sharing over GF(2^16), 16 bits at a time (KMIP 2.1 §13.1): each pair of bytes is one
   * element uy + v, u first; the secret must be a whole number of pairs.
   */
  public static byte[][] splitGf65536(
      byte[] secret, int parts, int threshold, SecureRandom random) {
    checkPairs(secret.length);
    byte[][] shares = new byte[parts][secret.length];
    byte[] random16 = new byte[2 * threshold];
    try {
      for (int b = 0; b < secret.length; b += 2) {
        random.nextBytes(random16);
        random16[0] = secret[b];
        random16[1] = secret[b + 1];
        for (int x = 1; x <= parts; x++) {
          int y = 0;
          for (int c = threshold - 1; c >= 0; c--) {
            y = gf65536Mul(y, x) ^ (((random16[2 * c] & 0xFF) << 8) | (random16[2 * c + 1] & 0xFF));
          }
          shares[x - 1][b] = (byte) (y >>> 8);
          shares[x - 1][b + 1] = (byte) y;
        }
      }
      return shares;
    } finally {
      Arrays.fill(random16, (byte) 0);
    }
  }

  /** The secret from GF(2^16) shares at distinct x coordinates {@code xs}. */
  public static byte[] joinGf65536(int[] xs, byte[][] shares) {
    checkPairs(shares[0].length);
    int[] weights = new int[xs.length];
    for (int i = 0; i < xs.length; i++) {
      weights[i] = lagrangeAtZero(xs, i, 2);
    }
    byte[] secret = new byte[shares[0].length];
    for (int b = 0; b < secret.length; b += 2) {
      int y = 0;
      for (int i = 0; i < xs.length; i++) {
        int share = ((shares[i][b] & 0xFF) << 8) | (shares[i][b + 1] & 0xFF);
        y ^= gf65536Mul(share, weights[i]);
      }
      secret[b] = (byte) (y >>> 8);
      secret[b + 1] = (byte) y;
    }
    return secret;
  }

  /**
   * Polynomial sharing over GF(p) (KMIP 2.1 §13.1): the secret is an unsigned big-endian integer,
   * below p; each share is f(i) mod p, as many bytes as p takes.
   */
  public static byte[][] splitPrime(
      byte[] secret, BigInteger prime, int parts, int threshold, SecureRandom random) {
    BigInteger[] coefficients = new BigInteger[threshold];
    coefficients[0] = new BigInteger(1, secret);
    for (int c = 1; c < threshold; c++) {
      // 64 bits more than p, so the reduction's bias is below 2^-64.
      coefficients[c] = new BigInteger(prime.bitLength() + 64, random).mod(prime);
    }
    int length = primeBytes(prime);
    byte[][] shares = new byte[parts][];
    for (int x = 1; x <= parts; x++) {
      BigInteger y = BigInteger.ZERO;
      BigInteger at = BigInteger.valueOf(x);
      for (int c = threshold - 1; c >= 0; c--) {
        y = y.multiply(at).add(coefficients[c]).mod(prime);
      }
      shares[x - 1] = unsigned(y, length);
    }
    return shares;
  }

  /**
   * The secret of {@code secretLength} bytes from prime-field shares at distinct x coordinates;
   * null when the result does not fit, which shares of another split or prime give.
   */
  public static byte @Nullable [] joinPrime(
      int[] xs, byte[][] shares, BigInteger prime, int secretLength) {
    BigInteger secret = BigInteger.ZERO;
    for (int i = 0; i < xs.length; i++) {
      BigInteger numerator = BigInteger.ONE;
      BigInteger denominator = BigInteger.ONE;
      for (int j = 0; j < xs.length; j++) {
        if (j != i) {
          numerator = numerator.multiply(BigInteger.valueOf(xs[j])).mod(prime);
          denominator = denominator.multiply(BigInteger.valueOf((long) xs[j] - xs[i])).mod(prime);
        }
      }
      BigInteger weight = numerator.multiply(denominator.modInverse(prime));
      secret = secret.add(new BigInteger(1, shares[i]).multiply(weight)).mod(prime);
    }
    if (secret.bitLength() > 8 * secretLength) {
      return null;
    }
    return unsigned(secret, secretLength);
  }

  /** How many bytes a share of the prime field takes. */
  public static int primeBytes(BigInteger prime) {
    return (prime.bitLength() + 7) / 8;
  }

  private static byte[] unsigned(BigInteger value, int length) {
    byte[] signed = value.toByteArray();
    byte[] out = new byte[length];
    int copied = Math.min(signed.length, length);
    System.arraycopy(signed, signed.length - copied, out, length - copied, copied);
    Arrays.fill(signed, (byte) 0);
    return out;
  }

  private static void checkPairs(int length) {
    if (length % 2 != 0) {
      throw new IllegalArgumentException(
          "GF(2^16) sharing takes a secret of whole 16-bit pieces, not " + length + " bytes");
    }
  }

  /**
   * The Lagrange weight of point {@code i} at 0 in characteristic 2: the product of x_j / (x_j +
   * x_i) over j != i, in GF(2^8) ({@code field} 1) or GF(2^16) (2). Only public x coordinates.
   */
  private static int lagrangeAtZero(int[] xs, int i, int field) {
    int numerator = 1;
    int denominator = 1;
    for (int j = 0; j < xs.length; j++) {
      if (j != i) {
        numerator = field == 1 ? gf256Mul(numerator, xs[j]) : gf65536Mul(numerator, xs[j]);
        int difference = xs[j] ^ xs[i];
        denominator =
            field == 1 ? gf256Mul(denominator, difference) : gf65536Mul(denominator, difference);
      }
    }
    return field == 1
        ? gf256Mul(numerator, gf256Inverse(denominator))
        : gf65536Mul(numerator, gf65536Inverse(denominator));
  }

  /** The product in GF(2^8) (FIPS 197 §4.2), eight rounds of masks: no branch on the values. */
  static int gf256Mul(int a, int b) {
    int product = 0;
    for (int round = 0; round < 8; round++) {
      product ^= a & -(b & 1);
      b >>>= 1;
      a = ((a << 1) & 0xFF) ^ (AES_POLYNOMIAL & -((a >>> 7) & 1));
    }
    return product;
  }

  /** a^254, the inverse of a non-zero a (0 for 0), by a fixed chain of squarings. */
  static int gf256Inverse(int a) {
    int result = 1;
    int power = a;
    for (int bit = 1; bit < 8; bit++) {
      power = gf256Mul(power, power);
      result = gf256Mul(result, power);
    }
    return result;
  }

  /**
   * The product of ry + s and uy + v in GF(2^16): ((r + s)(u + v) + sv) y + (rum + sv), from y^2 =
   * y + m. (2.1 §13.1 prints the constant term as "ru + svm"; the inverse it gives, which this one
   * follows, holds only for y^2 = y + m.)
   */
  static int gf65536Mul(int a, int b) {
    int r = a >>> 8;
    int s = a & 0xFF;
    int u = b >>> 8;
    int v = b & 0xFF;
    int sv = gf256Mul(s, v);
    int high = gf256Mul(r ^ s, u ^ v) ^ sv;
    int low = gf256Mul(gf256Mul(r, u), M) ^ sv;
    return (high << 8) | low;
  }

  /** (uy + v)^-1 = u d^-1 y + (u + v) d^-1, d = (u + v) v + m u^2 (KMIP 2.1 §13.1); 0 for 0. */
  static int gf65536Inverse(int a) {
    int u = a >>> 8;
    int v = a & 0xFF;
    int d = gf256Mul(u ^ v, v) ^ gf256Mul(M, gf256Mul(u, u));
    int inverse = gf256Inverse(d);
    return (gf256Mul(u, inverse) << 8) | gf256Mul(u ^ v, inverse);
  }
}
