package io.arca.kmip;

/**
 * A request cannot be carried out, for a reason KMIP can name. Handlers throw it, and the batch
 * processor turns it into a failed batch item with this Result Reason and message, so the message
 * must help the person reading it and must never hold key material.
 */
public class KmipException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ResultReason reason;

  /** A failure with this reason and a message a person can act on. */
  public KmipException(ResultReason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  /** The message for the Result Message; never null. */
  @Override
  public String getMessage() {
    String message = super.getMessage();
    return message == null ? reason.xmlName() : message;
  }

  /** The Result Reason to answer with. */
  public ResultReason reason() {
    return reason;
  }
}
