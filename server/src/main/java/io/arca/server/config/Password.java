package io.arca.server.config;

import java.util.Arrays;

/** A password held as characters that can be wiped, and that never prints. */
public final class Password {
  private final char[] chars;

  /** A password holding a copy of {@code chars}. */
  public Password(char[] chars) {
    this.chars = chars.clone();
  }

  /** A copy of the characters; wipe it after use. */
  public char[] toCharArray() {
    return chars.clone();
  }

  /** Overwrites the characters. */
  public void wipe() {
    Arrays.fill(chars, '\0');
  }

  @Override
  public String toString() {
    return "Password[****]";
  }
}
