package io.arca.server.batch;

import io.arca.kmip.Operation;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The operations this server carries out, one handler each. Query's list of operations comes from
 * here, so the server never advertises an operation it cannot run; registering two handlers for one
 * operation fails at start.
 */
public final class OperationRegistry {
  private final Map<Operation, OperationHandler> handlers;

  private OperationRegistry(Map<Operation, OperationHandler> handlers) {
    this.handlers = handlers;
  }

  /** A registry of these handlers; a duplicate operation is a programming error caught at start. */
  public static OperationRegistry of(List<OperationHandler> handlers) {
    Map<Operation, OperationHandler> byOperation = new EnumMap<>(Operation.class);
    for (OperationHandler handler : handlers) {
      OperationHandler previous = byOperation.putIfAbsent(handler.operation(), handler);
      if (previous != null) {
        throw new IllegalStateException(
            "two handlers for "
                + handler.operation()
                + ": "
                + previous.getClass().getSimpleName()
                + " and "
                + handler.getClass().getSimpleName());
      }
    }
    return new OperationRegistry(Collections.unmodifiableMap(byOperation));
  }

  /** The handler for this operation, or null when the server does not carry it out. */
  public @Nullable OperationHandler handler(Operation operation) {
    return handlers.get(operation);
  }

  /** Every operation served, in the order of their KMIP values. */
  public Set<Operation> operations() {
    return handlers.keySet();
  }
}
