package io.arca.conformance;

import java.time.Duration;

/**
 * What running one test-case file came to.
 *
 * @param file the case
 * @param outcome passed, failed or skipped
 * @param detail for a failure the first difference or error, for a skip why; empty for a pass
 * @param elapsed how long the case took
 */
public record CaseResult(CaseFile file, Outcome outcome, String detail, Duration elapsed) {
  /** The outcome of one case. */
  public enum Outcome {
    /** Every response matched. */
    PASS,
    /** A response differed, or the exchange broke. */
    FAIL,
    /** The runner cannot run this file; the detail says why. */
    SKIP
  }

  /** One line for a console: {@code PASS SKLC-M-1-21}, with the detail after a failure or skip. */
  public String line() {
    return outcome + " " + file.name() + (detail.isEmpty() ? "" : ": " + detail);
  }
}
