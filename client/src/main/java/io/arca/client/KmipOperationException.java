package io.arca.client;

import io.arca.kmip.ResultReason;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The server answered an operation with an error. It carries the KMIP Result Reason (the raw value,
 * since a server may send an extension) and the server's Result Message, so that a caller can act
 * on the reason and a person can read the message.
 */
public final class KmipOperationException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final @Nullable Integer resultReason;
  private final @Nullable String resultMessage;

  /** The failure of {@code operation} with this reason and message (either may be absent). */
  public KmipOperationException(
      String operation, @Nullable Integer resultReason, @Nullable String resultMessage) {
    super(describe(operation, resultReason, resultMessage));
    this.operation = operation;
    this.resultReason = resultReason;
    this.resultMessage = resultMessage;
  }

  private static String describe(
      String operation, @Nullable Integer reason, @Nullable String message) {
    ResultReason known = reason == null ? null : ResultReason.byValue(reason);
    String name =
        known != null
            ? known.xmlName()
            : reason == null ? "no reason given" : String.format("0x%08X", reason);
    return operation + " failed: " + name + (message == null ? "" : " (" + message + ")");
  }

  /** The operation that failed, by its KMIP name. */
  public String operation() {
    return operation;
  }

  /** The Result Reason the server sent, or null if it sent none. */
  public @Nullable Integer resultReasonValue() {
    return resultReason;
  }

  /** The Result Reason the server sent, or null if it sent none or an unknown value. */
  public @Nullable ResultReason resultReason() {
    return resultReason == null ? null : ResultReason.byValue(resultReason);
  }

  /** The Result Message the server sent, or null. */
  public @Nullable String resultMessage() {
    return resultMessage;
  }
}
