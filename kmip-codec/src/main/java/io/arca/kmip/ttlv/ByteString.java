package io.arca.kmip.ttlv;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * An immutable byte sequence that compares by content, prints only its length, and can be wiped.
 * Byte strings carry key material, so {@link #toString()} never shows the bytes; only the KMIP text
 * forms in tools and tests do.
 */
public final class ByteString {
  private static final ByteString EMPTY = new ByteString(new byte[0]);

  private final byte[] bytes;

  private ByteString(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A byte string holding a copy of {@code bytes}. */
  public static ByteString copyOf(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new ByteString(bytes.clone());
  }

  /**
   * A byte string that takes ownership of {@code bytes}: the caller must not keep or change the
   * array.
   */
  static ByteString owning(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new ByteString(bytes);
  }

  /** The empty byte string. */
  public static ByteString empty() {
    return EMPTY;
  }

  /** The number of bytes. */
  public int length() {
    return bytes.length;
  }

  /** The byte at {@code index}. */
  public byte byteAt(int index) {
    return bytes[index];
  }

  /** A fresh copy of the bytes; the caller should wipe it when done if it holds a secret. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** The backing array, for the codec's writers only: never hand it out. */
  byte[] unsafeArray() {
    return bytes;
  }

  /** Overwrites the bytes with zeros. Anything still holding this value sees zeros afterwards. */
  public void wipe() {
    Arrays.fill(bytes, (byte) 0);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ByteString that && MessageDigest.isEqual(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "ByteString[length=" + bytes.length + "]";
  }
}
