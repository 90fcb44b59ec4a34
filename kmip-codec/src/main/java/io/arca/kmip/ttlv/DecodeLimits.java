package io.arca.kmip.ttlv;

/**
 * Bounds on what the reader accepts, checked before anything is allocated from a length read off
 * the wire.
 *
 * @param maxMessageBytes the largest whole message, header included
 * @param maxDepth the deepest item nesting, primitives included; the message itself is depth 1
 * @param maxItemsPerStructure the most direct children one structure may have
 */
public record DecodeLimits(int maxMessageBytes, int maxDepth, int maxItemsPerStructure) {
  /** 1 MiB messages, 32 levels, 65,536 items per structure. */
  public static final DecodeLimits DEFAULTS = new DecodeLimits(1 << 20, 32, 65_536);

  public DecodeLimits {
    requirePositive("maxMessageBytes", maxMessageBytes);
    requirePositive("maxDepth", maxDepth);
    requirePositive("maxItemsPerStructure", maxItemsPerStructure);
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
    }
  }
}
