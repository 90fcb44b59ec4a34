package io.arca.server.audit;

/**
 * The audit log cannot take a record now (its journal is full or cannot be written), so the
 * operation it would record is refused rather than carried out unrecorded.
 */
public final class AuditUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AuditUnavailableException(String message) {
    super(message);
  }

  public AuditUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
