package io.arca.client.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A progress bar on standard error, drawn only when a person watches a terminal: a script or a pipe
 * gets none, so its output stays exactly the command's result.
 */
final class Progress {
  private static final int WIDTH = 30;

  private final String label;
  private final long total;
  private final PrintStream terminal;
  private final boolean shown;
  private long done;
  private int drawnPercent = -1;

  private Progress(String label, long total, PrintStream terminal, boolean shown) {
    this.label = label;
    this.total = total;
    this.terminal = terminal;
    this.shown = shown;
  }

  /**
   * A bar for {@code total} bytes, shown when standard error is a terminal and the work is more
   * than one request (a bar that flashes by helps nobody).
   */
  static Progress of(String label, long total) {
    return new Progress(
        label, total, System.err, total > SegmentedFile.SEGMENT_BYTES && standardErrorIsTerminal());
  }

  /**
   * Asks the kernel what file descriptor 2 is, since the bar goes there: System.console() speaks of
   * standard input and output instead, and from JDK 22 on is never null.
   */
  private static boolean standardErrorIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException notLinux) {
      return false;
    }
  }

  void advance(long bytes) {
    done += bytes;
    int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
    if (shown && percent != drawnPercent) {
      drawnPercent = percent;
      int filled = percent * WIDTH / 100;
      terminal.printf(
          Locale.ROOT,
          "\r%s [%s%s] %3d%% %.1f/%.1f MB",
          label,
          "=".repeat(filled),
          " ".repeat(WIDTH - filled),
          percent,
          done / 1e6,
          total / 1e6);
      terminal.flush();
    }
  }

  void done() {
    if (shown && drawnPercent >= 0) {
      terminal.println();
    }
  }
}
