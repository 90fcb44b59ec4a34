package io.arca.persistence;

import java.util.Arrays;

/**
 * An immutable byte string stored in a BLOB column (a wrapped key block, a binary attribute); its
 * {@code toString()} prints only the length so that it never ends up in a log.
 */
public final class Blob {
  private final byte[] bytes;

  private Blob(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@code bytes}, so that later changes to the array do not reach the stored value. */
  public static Blob copyOf(byte[] bytes) {
    return new Blob(bytes.clone());
  }

  /** Returns a fresh copy of the bytes; the caller owns (and should wipe) it. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  public int length() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Blob that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Blob[" + bytes.length + " bytes]";
  }
}
