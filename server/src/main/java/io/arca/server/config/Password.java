package io.arca.server.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** A password held as characters that can be wiped, and that never prints. */
public final class Password {
  private final char[] chars;

  /** A password holding a copy of {@code chars}. */
  public Password(char[] chars) {
    this.chars = chars.clone();
  }

  /**
   * The first line of {@code file}, without its line end, for secrets kept out of the command line
   * and environment.
   *
   * @throws IllegalArgumentException if the file cannot be read or is empty
   */
  public static Password fromFile(Path file) {
    byte[] bytes = null;
    try {
      bytes = Files.readAllBytes(file);
      int end = 0;
      while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
        end++;
      }
      if (end == 0) {
        throw new IllegalArgumentException(
            file + ": the first line is empty (expected: a password)");
      }
      CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, end));
      char[] password = new char[chars.remaining()];
      chars.get(password);
      Arrays.fill(chars.array(), '\0');
      Password result = new Password(password);
      Arrays.fill(password, '\0');
      return result;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the password file " + file, e);
    } finally {
      if (bytes != null) {
        Arrays.fill(bytes, (byte) 0);
      }
    }
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
