package io.arca.kmip.ttlv;

import io.arca.kmip.ItemType;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A Big Integer: two's complement, big-endian, sign-extended to a multiple of eight bytes on the
 * wire.
 */
public record TtlvBigInteger(int tag, BigInteger value) implements Ttlv {
  public TtlvBigInteger {
    Ttlv.checkTag(tag);
    Objects.requireNonNull(value, "value");
  }

  @Override
  public ItemType type() {
    return ItemType.BIG_INTEGER;
  }

  /** Prints the bit length only: big integers are often key material (RSA primes and exponents). */
  @Override
  public String toString() {
    return "TtlvBigInteger[tag=0x" + Integer.toHexString(tag) + ", bits=" + value.bitLength() + "]";
  }
}
