package io.arca.kmip;

import org.jspecify.annotations.Nullable;

/**
 * A KMIP protocol version, as carried in the Protocol Version structure (KMIP 2.1 §9.1, 1.4 §6.1).
 */
public record ProtocolVersion(int major, int minor) implements Comparable<ProtocolVersion> {
  public static final ProtocolVersion V1_0 = new ProtocolVersion(1, 0);
  public static final ProtocolVersion V1_1 = new ProtocolVersion(1, 1);
  public static final ProtocolVersion V1_2 = new ProtocolVersion(1, 2);
  public static final ProtocolVersion V1_3 = new ProtocolVersion(1, 3);
  public static final ProtocolVersion V1_4 = new ProtocolVersion(1, 4);
  public static final ProtocolVersion V2_0 = new ProtocolVersion(2, 0);
  public static final ProtocolVersion V2_1 = new ProtocolVersion(2, 1);

  public ProtocolVersion {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException(
          "protocol version: " + major + "." + minor + " (expected: non-negative numbers)");
    }
  }

  /** Whether this version is the given one or a later one. */
  public boolean isAtLeast(ProtocolVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(ProtocolVersion other) {
    return major != other.major
        ? Integer.compare(major, other.major)
        : Integer.compare(minor, other.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }

  /** The first version of a generated table row, which always has one. */
  static ProtocolVersion firstOfTableCode(int code) {
    ProtocolVersion v = ofTableCode(code);
    if (v == null) {
      throw new IllegalArgumentException("first version table code: 0 (expected: a version)");
    }
    return v;
  }

  /**
   * The constant for a version written as {@code major * 10 + minor} (the generated tables' compact
   * form), or null for 0, which the tables use for "none".
   */
  static @Nullable ProtocolVersion ofTableCode(int code) {
    return switch (code) {
      case 0 -> null;
      case 10 -> V1_0;
      case 11 -> V1_1;
      case 12 -> V1_2;
      case 13 -> V1_3;
      case 14 -> V1_4;
      case 20 -> V2_0;
      case 21 -> V2_1;
      default -> throw new IllegalArgumentException("version table code: " + code);
    };
  }
}
