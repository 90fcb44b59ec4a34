package io.arca.client.cli;

import java.nio.file.Path;

/** File-name helpers of the commands that write files next to their input. */
final class Files2 {
  private Files2() {}

  /**
   * {@code file} with its extension replaced by {@code extension} (or added when it has none), as
   * the guide shows: {@code secret.txt} encrypts to {@code secret.enc}, decrypts to {@code
   * secret.plain}.
   */
  static Path withExtension(Path file, String extension) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return file.resolveSibling(stem + "." + extension);
  }
}
