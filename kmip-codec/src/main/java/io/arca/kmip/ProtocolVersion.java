package io.arca.kmip;

/**
 * A KMIP protocol version (KMIP 2.1 §9.16): major and minor number, ordered by major then minor.
 * Written by hand to the vocabulary contract until the generated one lands.
 */
public record ProtocolVersion(int major, int minor) implements Comparable<ProtocolVersion> {
  public static final ProtocolVersion V1_0 = new ProtocolVersion(1, 0);
  public static final ProtocolVersion V1_1 = new ProtocolVersion(1, 1);
  public static final ProtocolVersion V1_2 = new ProtocolVersion(1, 2);
  public static final ProtocolVersion V1_3 = new ProtocolVersion(1, 3);
  public static final ProtocolVersion V1_4 = new ProtocolVersion(1, 4);
  public static final ProtocolVersion V2_0 = new ProtocolVersion(2, 0);
  public static final ProtocolVersion V2_1 = new ProtocolVersion(2, 1);

  /** True if this version is {@code other} or later. */
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
}
