package io.arca.server.store;

/** The KEK this server has is not the one the database needs; the message names the case. */
public final class KekMismatchException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public KekMismatchException(String message) {
    super(message);
  }
}
