package io.arca.server.transport;

import java.time.Duration;

/**
 * Counts requests between their arrival and the moment their response has been written, so that
 * shutdown can wait for the last answers to leave before it closes the connections.
 */
public final class InFlightRequests {
  private int count;

  /** A request was handed to the worker pool. */
  public synchronized void started() {
    count++;
  }

  /** Its response was written, or its connection is gone. */
  public synchronized void finished() {
    if (--count == 0) {
      notifyAll();
    }
  }

  /** Waits until no request is in flight; false when {@code timeout} ran out first. */
  public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
